import { z } from "zod";
import type { AttemptRecord } from "../../core/ports.ts";
import type { GradeChange, GradeHistoryRecord, GradeRepository } from "../../core/ta/ta-ports.ts";
import { json, time, toAttempt } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const HistoryRow = z.object({
  attempt_id: z.number(),
  old_score: z.number(),
  new_score: z.number(),
  source: z.enum(["review", "regrade"]),
  changed_by: z.string(),
  note: z.string().nullable(),
  changed_at: time,
});

// Practice answers, and the answers that count in submitted exams (the last to each question).
const REVIEWABLE = `a.needs_review AND a.course_id = $1 AND (a.exam_session IS NULL OR (EXISTS
  (SELECT 1 FROM exam_sessions s WHERE s.id = a.exam_session AND s.submitted_at IS NOT NULL) AND NOT EXISTS
  (SELECT 1 FROM attempts later WHERE later.exam_session = a.exam_session AND later.question_id = a.question_id AND later.id > a.id)))`;

export class PgGradeStore implements GradeRepository {
  constructor(private readonly sql: SqlClient) {}

  replace(c: GradeChange): Promise<AttemptRecord> {
    // The attempt's row is locked before it is read: two TAs grading it at once take turns, and
    // each history row holds the grade it really replaced.
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query("SELECT * FROM attempts WHERE id = $1 FOR UPDATE", [c.attempt]);
      if (!row) throw new Error(`No attempt ${c.attempt} to regrade.`);
      const before = toAttempt(row);
      const items = json(c.items);
      await tx.query(`INSERT INTO grade_history (attempt_id, old_score, old_items, new_score, new_items, source, changed_by, note, changed_at)
        VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7, $8, $9)`,
      [c.attempt, before.score, json(before.items), c.score, items, c.source, c.by, c.note, c.at.getTime()]);
      await tx.query("UPDATE attempts SET score = $2, items = $3::jsonb, needs_review = false, reviewed_by = $4 WHERE id = $1", [c.attempt, c.score, items, c.by]);
      return { ...before, score: c.score, items: c.items, needsReview: false, reviewedBy: c.by };
    });
  }

  async history(attempt: number): Promise<GradeHistoryRecord[]> {
    const rows = await this.sql.query("SELECT * FROM grade_history WHERE attempt_id = $1 ORDER BY id", [attempt]);
    return rows.map((row) => {
      const r = HistoryRow.parse(row);
      return { attempt: r.attempt_id, oldScore: r.old_score, newScore: r.new_score, source: r.source, by: r.changed_by, note: r.note, at: r.changed_at };
    });
  }

  async pendingReview(course: string, after: number, limit: number): Promise<AttemptRecord[]> {
    return (await this.sql.query(`SELECT a.* FROM attempts a WHERE ${REVIEWABLE} AND a.id > $2 ORDER BY a.id LIMIT $3`, [course, after, limit])).map(toAttempt);
  }

  async countPendingReview(course: string): Promise<number> {
    const [row] = await this.sql.query(`SELECT count(*) AS n FROM attempts a WHERE ${REVIEWABLE}`, [course]);
    return z.number().parse(row?.n);
  }
}
