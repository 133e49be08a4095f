import type { z } from "zod";
import type { Question } from "../schema.ts";
import type { ImportedAnswer, ImportedNumber, ImportedQuestion } from "./imported-question.ts";

/**
 * Maps imported questions to bank questions, kind by kind:
 * numerical → `number` (the full-credit value, its tolerance as `atol`; other values with feedback or
 * partial credit as known mistakes), shortanswer → `short` (accepted answers as phrases, partial-credit
 * answers as a lower level of the same item), truefalse → `truefalse` (the choice earns every point),
 * multichoice → `choice`, essay → `essay` (graded by a TA). Every other type, and a question whose
 * source cannot be mapped (no right answer), is returned as not imported, with its reason.
 */

/** A bank question as written in YAML (defaults left out). */
export type QuestionInput = z.input<typeof Question>;

/** A mapped question before it gets its id and problem; `notes` say what was lost or changed on the way. */
export interface MappedQuestion {
  source: ImportedQuestion;
  question: Omit<QuestionInput, "id" | "problem">;
  notes: string[];
}

/** A question left out of the bank: its number and name in the source, its type and why. */
export interface NotImported {
  number: number;
  name: string;
  type: string;
  reason: string;
}

/** What `mapQuestions` makes of a file's questions. */
export interface MappedQuiz {
  mapped: MappedQuestion[];
  notImported: NotImported[];
}

type Answer = QuestionInput["answer"];
type Mapping = { answer: Answer; solution: string; howToAnswer?: string; notes?: string[] } | { reason: string };

/** Fractions times points, with float noise (0.30000000000000004) rounded away. */
const share = (fraction: number, points: number) => Number((fraction * points).toPrecision(7));
const percent = (fraction: number) => `${Number((fraction * 100).toPrecision(4))}%`;
const paragraphs = (...parts: Array<string | undefined>) => parts.filter((p): p is string => !!p && p.trim() !== "").join("\n\n");

function numerical(answers: ImportedNumber[], points: number, general?: string): Mapping {
  const best = Math.max(...answers.map((a) => a.fraction));
  if (answers.length === 0 || best < 1) return { reason: "no answer earns full credit" };
  const [right, ...others] = answers.filter((a) => a.fraction >= 1) as [ImportedNumber, ...ImportedNumber[]];
  const notes = others.map((a) => `another accepted value, ${a.value} ± ${a.tolerance}, was not imported: the bank keeps one value a question`);
  const mistakes = answers
    .filter((a) => a.fraction < 1 && (a.fraction > 0 || a.feedback))
    .map((a) => ({
      answer: String(a.value),
      points: share(Math.max(0, a.fraction), points),
      feedback: a.feedback ?? `Close: this earns ${percent(a.fraction)} of the points.`,
    }));
  const within = right.tolerance > 0 ? ` (answers within ${right.tolerance} of it are accepted)` : "";
  return {
    // Moodle's tolerance is absolute; a zero tolerance still forgives float noise.
    answer: { kind: "number", value: right.value, rtol: 0, atol: right.tolerance > 0 ? right.tolerance : 1e-9, ...(mistakes.length ? { mistakes } : {}) },
    solution: paragraphs(`The answer is ${right.value}${within}.`, general),
    notes,
  };
}

/** Moodle's `*` wildcard means "anything here": the phrase keeps the words around it. */
const phraseOf = (text: string) => text.replace(/\*/g, " ").replace(/\s+/g, " ").trim();

function shortAnswer(answers: ImportedAnswer[], caseSensitive: boolean, points: number, general?: string): Mapping {
  const usable = answers.map((a) => ({ ...a, phrase: phraseOf(a.text) }));
  const full = usable.filter((a) => a.fraction >= 1 && a.phrase !== "");
  if (full.length === 0) return { reason: "no answer earns full credit" };
  const notes: string[] = [];
  if (caseSensitive) notes.push("answers were case-sensitive in the source; the bank ignores case");
  if (usable.some((a) => a.phrase === "")) notes.push('the catch-all answer "*" was not imported: an answer no phrase matches earns 0 (or goes to a TA)');
  const wrong = usable.filter((a) => a.fraction <= 0 && a.phrase !== "");
  if (wrong.length) notes.push(`answers worth no credit (${wrong.map((a) => a.phrase).join("; ")}) were not imported: they earn 0 as any unmatched answer does`);
  const fractions = [...new Set(usable.filter((a) => a.fraction > 0 && a.fraction < 1 && a.phrase !== "").map((a) => a.fraction))].sort((a, b) => b - a);
  const phrasesAt = (f: number) => usable.filter((a) => a.fraction === f && a.phrase !== "").map((a) => a.phrase);
  const accepted = full.map((a) => a.phrase);
  // The label is shown to students when they miss the item: it must not give the answer away.
  const label = "The expected answer";
  const item = fractions.length === 0
    ? { id: "answer", label, points, phrases: accepted }
    : {
      id: "answer", label, points,
      levels: [
        { points, phrases: accepted },
        ...fractions.map((f) => ({ points: share(f, points), label: `worth ${percent(f)}`, phrases: phrasesAt(f) })),
      ],
    };
  const partial = fractions.map((f) => {
    const fb = usable.filter((a) => a.fraction === f).flatMap((a) => (a.feedback ? [a.feedback] : []));
    return `Partly right (${percent(f)}): ${phrasesAt(f).join("; ")}.${fb.length ? ` ${fb.join(" ")}` : ""}`;
  });
  return {
    // Moodle compares a short answer as a whole, so naming the term is the answer.
    answer: { kind: "short", rubric: [item], namingEarns: true },
    solution: paragraphs(`Accepted answers: ${accepted.join("; ")}.`, ...partial, general),
    notes,
  };
}

const letter = (i: number) => String.fromCharCode(97 + i);

function multipleChoice(options: ImportedAnswer[], single: boolean, points: number, general?: string): Mapping {
  if (options.length < 2) return { reason: `it has ${options.length} option${options.length === 1 ? "" : "s"}; a choice needs at least two` };
  if (options.length > 26) return { reason: `it has ${options.length} options; a choice takes at most 26 (a to z)` };
  const listed = options.map((o, i) => ({
    id: letter(i),
    text: o.text.trim() || "(an empty option)",
    ...(o.fraction !== 0 ? { points: share(o.fraction, points) } : {}),
    ...(o.feedback ? { feedback: o.feedback } : {}),
  }));
  const right = listed.filter((o) => (o.points ?? 0) > 0);
  if (right.length === 0) return { reason: "no option earns credit" };
  const best = Math.max(...options.map((o) => o.fraction));
  if (single && best < 1) return { reason: "no option earns full credit" };
  const total = options.reduce((s, o) => s + Math.max(0, o.fraction), 0);
  if (!single && Math.abs(total - 1) > 1e-4) return { reason: `its right options add up to ${percent(total)} of the points, not 100%` };
  const notes = !single && options.every((o) => o.fraction >= 0)
    ? ["no wrong option deducts points, so choosing every option earns full credit: give wrong options negative points"]
    : [];
  const shown = (single ? listed.filter((o) => (o.points ?? 0) >= points) : right).map((o) => `(${o.id}) ${o.text}`);
  return {
    answer: { kind: "choice", multiple: !single, options: listed },
    solution: paragraphs(shown.length === 1 ? `The answer is ${shown[0]}.` : `The answers are ${shown.join(" and ")}.`, general),
    notes,
  };
}

function trueFalse(correct: boolean, points: number, general?: string, feedbackWrong?: string): Mapping {
  return {
    answer: { kind: "truefalse", correct, choicePoints: points, justification: [] },
    solution: paragraphs(correct ? "True." : "False.", general, feedbackWrong),
  };
}

function essay(points: number, general?: string, graderInfo?: string, template?: string): Mapping {
  return {
    answer: { kind: "essay", rubric: [{ id: "essay", label: graderInfo ?? "The TA's judgement of the whole answer", points }] },
    solution: general ?? "A TA grades this answer; the source gives no model answer.",
    howToAnswer: template ? `Write your answer; a TA grades it. Start from this outline:\n${template}` : "Write your answer in a few paragraphs; a TA grades it.",
    ...(general ? {} : { notes: ["the source has no model answer: write one as the solution"] }),
  };
}

function mapOne(q: ImportedQuestion, points: number): Mapping {
  switch (q.type) {
    case "numerical": return numerical(q.answers, points, q.generalFeedback);
    case "shortanswer": return shortAnswer(q.answers, q.caseSensitive, points, q.generalFeedback);
    case "multichoice": return multipleChoice(q.options, q.single, points, q.generalFeedback);
    case "truefalse": return trueFalse(q.correct, points, q.generalFeedback, q.feedbackWrong);
    case "essay": return essay(points, q.generalFeedback, q.graderInfo, q.template);
    case "skipped": return { reason: q.reason };
  }
}

/** The source's name of a question's type, as reports show it. */
export const sourceType = (q: ImportedQuestion) => (q.type === "skipped" ? q.sourceType : q.type);

/**
 * Maps every imported question; the ones the bank cannot hold are listed with their reason.
 * @example mapQuestions(parseGift(text).questions, "TA").mapped[0].question.answer // { kind: "number", value: 3.14, … }
 */
export function mapQuestions(questions: readonly ImportedQuestion[], grader: string): MappedQuiz {
  const mapped: MappedQuestion[] = [];
  const notImported: NotImported[] = [];
  for (const q of questions) {
    const points = q.points ?? 1;
    const result: Mapping = points > 0 ? mapOne(q, points) : { reason: "it is worth 0 points" };
    if ("reason" in result) {
      notImported.push({ number: q.number, name: q.name, type: sourceType(q), reason: result.reason });
      continue;
    }
    const question = {
      title: q.name.trim() || `Question ${q.number}`,
      topic: "imported",
      points,
      grader,
      prompt: q.text.trim() || q.name,
      ...(result.howToAnswer ? { howToAnswer: result.howToAnswer } : {}),
      answer: result.answer,
      solution: result.solution,
    };
    mapped.push({ source: q, question, notes: [...q.lost, ...(result.notes ?? [])] });
  }
  return { mapped, notImported };
}
