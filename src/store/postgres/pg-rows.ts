import { z } from "zod";
import type { AttemptRecord } from "../../core/ports.ts";
import { VariantJson } from "../sqlite-attempt-store.ts";

/**
 * Rows as they come out of PostgreSQL, parsed with zod like SQLite's, so a schema drift fails
 * loudly here and not in a reply. Times are epoch milliseconds (bigint) in both engines.
 */

/** A time column: epoch milliseconds to a Date, as the SQLite store converts them. */
export const time = z.number().transform((ms) => new Date(ms));
/** A time column that may be empty. */
export const maybeTime = z.number().nullable().transform((ms) => (ms === null ? null : new Date(ms)));

const AttemptRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  question_id: z.string(),
  mode: z.enum(["practice", "exam"]),
  exam_session: z.number().nullable(),
  answer: z.string(),
  justification: z.string().nullable(),
  score: z.number(),
  max: z.number(),
  items: z.array(z.unknown()),
  feedback: z.array(z.string()),
  needs_review: z.boolean(),
  grader_version: z.string(),
  created_at: time,
  reviewed_by: z.string().nullable(),
  hints_used: z.number(),
  mistakes: z.array(z.string()),
  variant: VariantJson.nullable(),
});

/** An attempts row (`SELECT *`) as the port's record. */
export function toAttempt(row: unknown): AttemptRecord {
  const r = AttemptRow.parse(row);
  return {
    id: r.id,
    course: r.course_id,
    user: r.user_id,
    question: r.question_id,
    mode: r.mode,
    examSession: r.exam_session,
    answer: r.answer,
    justification: r.justification,
    score: r.score,
    max: r.max,
    // Written only by this store from the grader's items, as in SQLite: checked as a list, not item by item.
    items: r.items as AttemptRecord["items"],
    feedback: r.feedback,
    needsReview: r.needs_review,
    graderVersion: r.grader_version,
    createdAt: r.created_at,
    reviewedBy: r.reviewed_by,
    hintsUsed: r.hints_used,
    mistakes: r.mistakes,
    variant: r.variant,
  };
}

/** A value for a jsonb parameter (`$n::jsonb`): always text, since node-postgres would send an array as a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);

/** How many rows a statement's RETURNING gave: 1 means this caller changed the row. */
export const changedOne = (rows: readonly unknown[]): boolean => rows.length === 1;
