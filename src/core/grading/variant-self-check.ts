import { describeValues, drawVariant, instantiate, VariantError } from "../bank/question-variants.ts";
import type { Answer, Blank, KnownMistake, Question } from "../bank/schema.ts";
import { gradeAnswer } from "./grade-answer.ts";

/**
 * Checks a question's variant space the way a TA would check one variant by hand, many times over:
 * each sampled variant's own reference answer must earn full marks, and each of its known mistakes
 * must be recognised as that mistake (not as the answer, nor as another mistake). Pure: it only
 * draws, writes and grades.
 */

/** What went wrong with one sampled variant, and its values, so the TA can reproduce it. */
export interface VariantProblem {
  seed: number;
  values: Record<string, number>;
  message: string;
}

export interface VariantCheckReport {
  question: string;
  samples: number;
  /** True when the answer kind has a reference to derive and grade (numbers, expressions, shapes, blanks). */
  graded: boolean;
  /** Known mistakes checked per variant. */
  mistakes: number;
  problems: VariantProblem[];
}

/** Problems kept per question: one is enough to act on, a few show a pattern. */
const MAX_PROBLEMS = 5;

/**
 * Draws `samples` variants of `template` (seeds 1..samples, so a report is reproducible) and grades
 * each one's reference answer and known mistakes against it.
 * @example checkVariants(bank.templates["4b-ii"], 200).problems // []
 */
export function checkVariants(template: Question, samples: number): VariantCheckReport {
  const problems: VariantProblem[] = [];
  const space = template.parameters;
  let mistakes = 0;
  const graded = referenceText(template.answer) !== null;
  if (!space) return { question: template.id, samples: 0, graded, mistakes, problems };
  for (let seed = 1; seed <= samples && problems.length < MAX_PROBLEMS; seed++) {
    let values: Record<string, number> = {};
    try {
      values = drawVariant(space, seed).values;
      const question = instantiate(template, values);
      const found = checkOne(question);
      mistakes = found.mistakes;
      if (found.message) problems.push({ seed, values, message: found.message });
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      problems.push({ seed, values, message: error.message });
    }
  }
  return { question: template.id, samples, graded, mistakes, problems };
}

/** One line per problem: `4b-ii, seed 17 (N = 28, ...): ...`. */
export function formatVariantProblem(question: string, p: VariantProblem): string {
  return `${question}, variant seed ${p.seed} (${describeValues(p.values)}): ${p.message}`;
}

/** The reference answer of a question as a student would type it, or null when it has none to derive. */
export function referenceText(answer: Answer): string | null {
  switch (answer.kind) {
    case "number":
      return String(answer.value);
    case "expression":
      return answer.reference;
    case "dimensions":
      return answer.value.join(" × ");
    case "blanks":
      return answer.blanks.map((b) => `${b.label}: ${referenceText(b)}`).join("\n");
    default:
      return null;
  }
}

function checkOne(question: Question): { mistakes: number; message?: string } {
  const reference = referenceText(question.answer);
  if (reference === null) return { mistakes: 0 };
  const right = gradeAnswer(question, { text: reference });
  if (right.score < right.max - 1e-9 || right.needsReview) {
    return { mistakes: 0, message: `its own reference "${reference}" earns ${right.score}/${right.max}${right.feedback.length ? ` (${right.feedback.join(" ")})` : ""}` };
  }
  const wrongs = mistakeAnswers(question.answer);
  for (const { mistake, text } of wrongs) {
    const name = mistake.name ?? mistake.answer;
    const grade = gradeAnswer(question, { text });
    const named = (grade.mistakes ?? []).map((m) => m.name);
    if (!named.includes(name)) {
      return { mistakes: wrongs.length, message: `the known mistake "${name}" (${mistake.answer}) is not recognised: it earns ${grade.score}/${grade.max}${named.length ? ` as ${named.join(", ")}` : ""} — add a constraint that keeps it distinct` };
    }
  }
  return { mistakes: wrongs.length };
}

/** Each known mistake, as a whole answer: the reference with that one value replaced by the mistake. */
export function mistakeAnswers(answer: Answer): { mistake: KnownMistake; text: string }[] {
  if (answer.kind === "number" || answer.kind === "expression") return answer.mistakes.map((mistake) => ({ mistake, text: mistake.answer }));
  if (answer.kind !== "blanks") return [];
  return answer.blanks.flatMap((blank: Blank, i) => ("mistakes" in blank ? blank.mistakes : []).map((mistake) => ({
    mistake,
    text: answer.blanks.map((b, j) => `${b.label}: ${j === i ? mistake.answer : referenceText(b)}`).join("\n"),
  })));
}
