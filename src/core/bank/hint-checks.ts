import type { KnownMistake, Question } from "./schema.ts";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Every known mistake of a question, with where it sits in the bank file (for messages). */
export function mistakesOf(q: Question): { mistake: KnownMistake; at: Path }[] {
  const answer = q.answer;
  if (answer.kind === "number" || answer.kind === "expression") {
    return answer.mistakes.map((mistake, i) => ({ mistake, at: ["answer", "mistakes", i] }));
  }
  if (answer.kind === "blanks") {
    return answer.blanks.flatMap((b, j) => ("mistakes" in b ? b.mistakes : []).map((mistake, i) => ({ mistake, at: ["answer", "blanks", j, "mistakes", i] })));
  }
  return [];
}

/**
 * A mistake's hint must exist: the Hint button after that mistake opens it, and a dangling index
 * would fail in front of a student rather than here. Names must be unique so /stats counts each once.
 */
export function checkMistakeHints(q: Question, at: Path, report: Report): void {
  const names = new Set<string>();
  for (const { mistake, at: where } of mistakesOf(q)) {
    if (mistake.hint !== undefined && mistake.hint > q.hints.length) {
      const have = q.hints.length === 0 ? "has no hints" : `has ${q.hints.length} hint${q.hints.length === 1 ? "" : "s"}`;
      report([...at, ...where, "hint"], `points to hint ${mistake.hint}, but question ${q.id} ${have}`);
    }
    if (mistake.name !== undefined) {
      if (names.has(mistake.name)) report([...at, ...where, "name"], `the mistake name "${mistake.name}" is used twice in question ${q.id}`);
      names.add(mistake.name);
    }
  }
}
