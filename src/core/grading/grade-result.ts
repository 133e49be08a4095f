import type { Question } from "../bank/schema.ts";
import type { KnownMistake } from "../bank/schema.ts";
import { type AwardedItem, type DetectedMistake, type Grade, GRADER_VERSION } from "./grade.ts";

/** Rounds points to hundredths, so 5/3 + 5/3 + 5/3 prints as 5. */
export function roundPoints(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Builds a Grade whose score is the sum of the items, clamped to [0, question.points]. */
export function buildGrade(question: Question, items: AwardedItem[], feedback: string[], review: string[] = [], mistakes: DetectedMistake[] = [], unread: string[] = []): Grade {
  const sum = items.reduce((s, i) => s + i.earned, 0);
  const score = roundPoints(Math.min(question.points, Math.max(0, sum)));
  // Why a TA must look goes in the feedback; that one will is said once, by whoever shows the grade.
  const notes = [...feedback, ...review];
  return {
    question: question.id,
    score,
    max: question.points,
    items,
    feedback: [...new Set(notes)],
    needsReview: review.length > 0,
    graderVersion: GRADER_VERSION,
    ...(mistakes.length ? { mistakes } : {}),
    ...(unread.length ? { unread: [...new Set(unread)] } : {}),
  };
}

/** The message for an empty answer, in one place so every kind says the same. */
export const EMPTY_ANSWER = "Your answer is empty. Type your answer and send it again.";

/** What an answer of one value earned: used by number, expression and dimensions graders and by blanks. */
export interface ValueCheck {
  earned: number;
  /** Short note for the rubric item. */
  note: string;
  feedback: string[];
  review?: string[];
  /** The known mistake the value was recognised as, if any. */
  mistake?: DetectedMistake;
  /** What could not be read, in words that do not say whether the answer is right (see Grade.unread). */
  unread?: string;
}

/** How a recognised bank mistake is reported: by its name, else by its answer text. */
export function detected(mistake: KnownMistake): DetectedMistake {
  return { name: mistake.name ?? mistake.answer, ...(mistake.hint !== undefined ? { hint: mistake.hint } : {}) };
}
