import type { Question, ReviewedAnswer } from "../bank/schema.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { GRADER_VERSION } from "./grade.ts";

/**
 * Drawings (2a), proofs (5) and essays are graded by a TA: the grade is a provisional 0 with needsReview set,
 * and the feedback lists the question's self-check items so the student can check their own work
 * while waiting.
 */

/** Grades a `drawing`, `proof` or `essay` question: always sent to the TA review queue. */
export function gradeForReview(question: Question, spec: ReviewedAnswer, answer: StudentAnswer): Grade {
  const what = spec.kind;
  const empty = answer.text.trim() === "" && (answer.justification ?? "").trim() === "";
  const feedback = [
    ...(empty ? [`Your answer is empty; attach or describe your ${what} so the TA has something to grade.`] : []),
    `A TA will grade your ${what} by hand; the score of 0 is provisional until then.`,
    ...(spec.selfCheck.length > 0 ? [`While you wait, check your work: ${spec.selfCheck.join(" ")}`] : []),
  ];
  return {
    question: question.id,
    score: 0,
    max: question.points,
    items: spec.rubric.map((r) => ({ id: r.id, label: r.label, points: r.points, earned: 0, note: "Graded by a TA." })),
    feedback,
    needsReview: true,
    graderVersion: GRADER_VERSION,
  };
}
