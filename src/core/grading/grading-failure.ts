import type { Question } from "../bank/schema.ts";
import { GRADER_VERSION, type Grade } from "./grade.ts";

/**
 * When automatic grading cannot finish, the answer is not a zero: it waits for a TA with a
 * provisional 0 and a line that says why and gives a reference, which ties what the student and
 * the TA see to the logged error. What went wrong inside stays in the log.
 */

/** Why automatic grading could not finish: out of time, out of memory, a dead worker, a grader bug, or shutdown. */
export type GradingFailure = "timeout" | "memory" | "crash" | "internal" | "closed";

/**
 * What grading one answer came to: a grade, or a failure (with details for the log only).
 * @example { ok: false, failure: "timeout", detail: "no answer within 2000 ms" }
 */
export type GradingOutcome =
  | { ok: true; grade: Grade }
  | { ok: false; failure: GradingFailure; detail?: string };

const WHY: Record<GradingFailure, string> = {
  timeout: "timeout",
  memory: "out of memory",
  crash: "grader crashed",
  internal: "internal error",
  closed: "grader shutting down",
};

/** Starts the first feedback line of an answer whose automatic grading failed. */
export const GRADING_FAILED = "Automatic grading failed";

/**
 * The provisional grade of an answer automatic grading could not finish: 0, waiting for a TA,
 * with the reason and the reference in its feedback (the student and the review queue read both).
 * @example failedGrade(q2ci, "timeout", "k3x9a2b1").feedback[0] // "Automatic grading failed (timeout) — reference k3x9a2b1."
 */
export function failedGrade(question: Question, failure: GradingFailure, reference: string): Grade {
  const feedback = [
    `${GRADING_FAILED} (${WHY[failure]}) — reference ${reference}.`,
    "Your answer is saved and a TA will check it; mention the reference if you ask about it.",
  ];
  // Too long or too big is often the expression itself: a simpler form gets a grade at once.
  if (failure === "timeout" || failure === "memory") {
    feedback.push("If your expression is very large, you can also simplify it and answer again.");
  }
  return { question: question.id, score: 0, max: question.points, items: [], feedback, needsReview: true, graderVersion: GRADER_VERSION };
}

/** The failure line an attempt's stored feedback starts with, if automatic grading failed for it. */
export function gradingFailureNote(feedback: readonly string[]): string | null {
  const first = feedback[0];
  return first?.startsWith(GRADING_FAILED) ? first : null;
}
