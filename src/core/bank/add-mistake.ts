import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { gradeAnswer } from "../grading/grade-answer.ts";
import { formatIssue, parseBank } from "./load-bank.ts";
import { QuestionBank } from "./question-bank.ts";

/** A named mistake a TA adds to a question (found in /stats question: ID among unrecognised answers). */
export interface NewMistake {
  question: string;
  answer: string;
  name: string;
  feedback: string;
  points?: number;
  /** The hint (1-based) that addresses it. */
  hint?: number;
  /** For a question of several blanks: the blank's label. */
  blank?: string;
}

/** The bank file's new text, or why the mistake cannot be added (in words a TA acts on). */
export type AddMistakeResult = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Adds a named known mistake to a question in a bank file's YAML, keeping its comments and layout,
 * then checks the whole bank again and grades the mistake's answer with it: it is added only when
 * the bank stays valid and the grader recognises the answer as this mistake (not as right, not as
 * another mistake). Pure: the caller writes the file.
 */
export function addMistake(text: string, file: string, mistake: NewMistake): AddMistakeResult {
  const doc = parseDocument(text);
  const questions = doc.get("questions");
  if (!isSeq(questions)) return { ok: false, problem: `${file} has no questions list.` };
  const index = questions.items.findIndex((q) => isMap(q) && q.get("id") === mistake.question);
  if (index < 0) return { ok: false, problem: `There is no question "${mistake.question}" in ${file}.` };
  const answer = (questions.items[index] as YAMLMap).get("answer");
  if (!isMap(answer)) return { ok: false, problem: `Question ${mistake.question} has no answer spec.` };
  const kind = answer.get("kind");
  let path: (string | number)[];
  if (kind === "number" || kind === "expression") {
    path = ["questions", index, "answer", "mistakes"];
  } else if (kind === "blanks") {
    const blanks = answer.get("blanks");
    const labels = isSeq(blanks) ? blanks.items.map((b) => (isMap(b) ? String(b.get("label")) : "")) : [];
    const at = labels.findIndex((l) => l.toLowerCase() === (mistake.blank ?? "").toLowerCase());
    if (at < 0) return { ok: false, problem: `Question ${mistake.question} has several blanks: name one with --blank (${labels.join(", ")}).` };
    path = ["questions", index, "answer", "blanks", at, "mistakes"];
  } else {
    return { ok: false, problem: `Question ${mistake.question} is graded by its rubric (${String(kind)}); named mistakes are for numbers, formulas and blanks.` };
  }
  const entry = { answer: mistake.answer, name: mistake.name, points: mistake.points ?? 0, ...(mistake.hint !== undefined ? { hint: mistake.hint } : {}), feedback: mistake.feedback };
  if (!doc.hasIn(path)) doc.setIn(path, doc.createNode([entry]));
  else doc.addIn(path, doc.createNode(entry));
  const updated = doc.toString();

  const parsed = parseBank(updated, file);
  if (!parsed.ok) return { ok: false, problem: `The bank would not be valid: ${parsed.issues.map(formatIssue).join("; ")}` };
  const question = new QuestionBank(parsed.bank).require(mistake.question);
  const grade = gradeAnswer(question, { text: kind === "blanks" ? `${mistake.blank}: ${mistake.answer}` : mistake.answer });
  const named = grade.mistakes?.map((m) => m.name) ?? [];
  if (!named.includes(mistake.name)) {
    const read = grade.score >= grade.max - 1e-9 ? "a right answer" : named.length ? `the mistake "${named.join(", ")}"` : `${grade.score}/${grade.max} with no mistake named`;
    return { ok: false, problem: `The grader reads "${mistake.answer}" as ${read}, so the new mistake would never be recognised; nothing was changed.` };
  }
  return { ok: true, text: updated };
}
