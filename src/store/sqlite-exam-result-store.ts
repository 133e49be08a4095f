import type { Sync } from "./asynchronous.ts";
import { ScoreTable } from "../core/stats/score-table.ts";
import type { ExamResult, ExamResultQueries } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";

/** Each student's latest submitted session of the exam, a student a row, in user id order (the index's). */
const LATEST = `
  WITH latest AS (
    SELECT user_id, max(id) AS session FROM exam_sessions
    WHERE course_id = @course AND exam_id = @exam AND submitted_at IS NOT NULL GROUP BY user_id
  )`;

/**
 * The mock exam's results over each student's latest submitted session, read from exam_results
 * (kept by triggers, see 002_ta_tools.sql): one row per student, whatever the number of attempts.
 *
 * Rows come as arrays and are checked with `typeof`, not zod: /stats reads one per student (50,000
 * in the benchmark's worst case), where zod per row cost more than the query itself.
 */
export class SqliteExamResultStore implements Sync<ExamResultQueries> {
  private readonly latestStmt;
  private readonly scoresStmt;

  constructor(db: Db) {
    this.latestStmt = db.prepare(`${LATEST}
      SELECT l.user_id, u.display_name AS name, e.section, e.student_id, l.session, r.total, r.scores FROM latest l
      LEFT JOIN exam_results r ON r.session_id = l.session
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN enrollments e ON e.course_id = @course AND e.user_id = l.user_id`).raw(true);
    this.scoresStmt = db.prepare(`${LATEST}
      SELECT e.section, r.total, r.scores FROM latest l
      LEFT JOIN exam_results r ON r.session_id = l.session
      LEFT JOIN enrollments e ON e.course_id = @course AND e.user_id = l.user_id`).raw(true);
  }

  latest(course: string, exam: string): ExamResult[] {
    return (this.latestStmt.all({ course, exam }) as unknown[][]).map(([user, name, section, studentId, session, total, scores]) => {
      if (typeof user !== "string" || typeof session !== "number") throw new Error(`exam result: bad user or session ${String(user)}, ${String(session)}`);
      return { user, name: text(name) ?? user, section: text(section), studentId: text(studentId), session, ...scored(total, scores) };
    });
  }

  scores(course: string, exam: string): ScoreTable {
    const table = new ScoreTable();
    // Row by row into the table: no row outlives its turn (see ScoreTable).
    for (const [section, total, scores] of this.scoresStmt.iterate({ course, exam }) as IterableIterator<unknown[]>) {
      const row = scored(total, scores);
      table.add(text(section), row.total, row.scores);
    }
    return table;
  }
}

function text(value: unknown): string | null {
  if (value === null || typeof value === "string") return value;
  throw new Error(`exam result: expected text or NULL, got ${typeof value}`);
}

/** A session without answers has no exam_results row: it scores 0. */
function scored(total: unknown, scores: unknown): { total: number; scores: Record<string, number> } {
  if ((total !== null && typeof total !== "number") || (scores !== null && typeof scores !== "string")) {
    throw new Error(`exam result: bad total or scores (${typeof total}, ${typeof scores})`);
  }
  // Written only by the triggers as {question: number}; a zod pass over every row would cost more than the query.
  return { total: total ?? 0, scores: scores === null ? {} : (JSON.parse(scores) as Record<string, number>) };
}
