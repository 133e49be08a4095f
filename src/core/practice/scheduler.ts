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

/** The next schedule of a question after an answer graded `score/max` at `now`. */
export function reschedule(previous: ScheduleRecord | null, question: string, score: number, max: number, now: Date): ScheduleRecord {
  const card: Card | CardInput = previous ? (previous.state as CardInput) : createEmptyCard(now);
  const next = scheduler.next(card, now, ratingFor(score, max) as Exclude<Rating, Rating.Manual>);
  return { question, dueAt: next.card.due, state: next.card };
}
