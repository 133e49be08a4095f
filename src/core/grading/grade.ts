import type { AttemptFile } from "../ports.ts";
/** One rubric item as applied to an answer: what it is worth and what the answer earned. */
export interface AwardedItem {
  id: string;
  label: string;
  /** The item's worth; negative for a deduction (e.g. a named invalid augmentation). */
  points: number;
  /** Points this answer earned for the item (0 when missed; negative when a deduction applied). */
  earned: number;
  /** Why it was or was not awarded, in words a student understands. */
  note?: string;
}

/**
 * The result of grading one answer to one question.
 * @example { question: "3a", score: 5, max: 5, items: [...], feedback: [], needsReview: false, graderVersion: "1" }
 */
export interface Grade {
  question: string;
  score: number;
  max: number;
  items: AwardedItem[];
  /** Sentences for the student: what was wrong with the input, what was missed, hints. */
  feedback: string[];
  /** True when a TA must decide (drawings, proofs, weak or ambiguous matches). */
  needsReview: boolean;
  /** Known mistakes the grader recognised (named as the bank names them), for hints and TA statistics. */
  mistakes?: DetectedMistake[];
  /**
   * What in the answer could not be read (a formula that does not parse or compute, a number or a
   * shape in no form the grader knows), in words a student can act on. It says nothing about
   * whether the answer is right, so it can be shown during an exam.
   */
  unread?: string[];
  /** Bumped whenever grading logic changes, so stored attempts say which grader scored them. */
  graderVersion: string;
}

/** A known mistake recognised in an answer: its name, and the hint (1-based) that addresses it. */
export interface DetectedMistake {
  name: string;
  hint?: number;
}

/** What a student submitted. For true/false questions `justification` may also be split out of `text`. */
export interface StudentAnswer {
  text: string;
  justification?: string;
  /** Files attached to the answer (a drawing); kept with it for the TA, never graded automatically. */
  files?: readonly AttemptFile[];
}

export const GRADER_VERSION = "8";
