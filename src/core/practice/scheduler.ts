import { type Card, type CardInput, createEmptyCard, fsrs, Rating } from "ts-fsrs";
import type { ScheduleRecord } from "../ports.ts";

/**
 * Spaced repetition with FSRS: every graded practice answer is a review of that question's card.
 * The grade becomes the rating: full marks "Good", at least half "Hard", less "Again".
 */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true });

export function ratingFor(score: number, max: number): Rating {
  const ratio = max > 0 ? score / max : 0;
  if (ratio >= 0.999) return Rating.Good;
  if (ratio >= 0.5) return Rating.Hard;
  return Rating.Again;
}

/** How an answer was rated for spaced repetition, and why, in words a student reads. */
export interface Review {
  rating: "Again" | "Hard" | "Good";
  why: string;
}

/**
 * The rating of an answer: from its score, unless the student looked at the solution first
 * ("Again": it tests memory of the solution) or needed hints for full marks ("Hard": known, with help).
 */
export function reviewOf(score: number, max: number, sawSolution = false, hintsUsed = 0): Review {
  if (sawSolution) return { rating: "Again", why: "you looked at the solution before answering" };
  const rating = ratingFor(score, max);
  if (rating === Rating.Good && hintsUsed > 0) return { rating: "Hard", why: `full marks with ${hintsUsed} hint${hintsUsed === 1 ? "" : "s"}` };
  if (rating === Rating.Good) return { rating: "Good", why: "full marks" };
  if (rating === Rating.Hard) return { rating: "Hard", why: "at least half the points" };
  return { rating: "Again", why: "less than half the points" };
}

const RATINGS = { Again: Rating.Again, Hard: Rating.Hard, Good: Rating.Good } as const;

/** The next schedule of a question after an answer rated `review` at `now`. */
export function reschedule(previous: ScheduleRecord | null, question: string, review: Review, now: Date): ScheduleRecord {
  const card: Card | CardInput = previous ? (previous.state as CardInput) : createEmptyCard(now);
  const next = scheduler.next(card, now, RATINGS[review.rating]);
  return { question, dueAt: next.card.due, state: next.card };
}
