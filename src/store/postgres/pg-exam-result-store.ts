import { z } from "zod";
import { ScoreTable } from "../../core/stats/score-table.ts";
import type { ExamResult, ExamResultQueries, PeopleQueries } from "../../core/ta/ta-ports.ts";
import type { SqlClient } from "./sql-client.ts";

const ResultRow = z.object({
  user_id: z.string(),
  name: z.string().nullable(),
  section: z.string().nullable(),
  student_id: z.string().nullable(),
  session: z.number(),
  total: z.number().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
});

/** Each student's latest submitted session of the exam ($1 the course, $2 the exam). */
const LATEST = `
  WITH latest AS (
    SELECT user_id, max(id) AS session FROM exam_sessions
    WHERE course_id = $1 AND exam_id = $2 AND submitted_at IS NOT NULL GROUP BY user_id
  )`;

/**
 * The mock exam's results over each student's latest submitted session, read from exam_results
 * (kept by triggers, see postgres/002_ta_tools.sql): one row per student, whatever the number of attempts.
 */
export class PgExamResultStore implements ExamResultQueries {
  constructor(private readonly sql: SqlClient) {}

  async latest(course: string, exam: string): Promise<ExamResult[]> {
    const rows = await this.sql.query(`${LATEST}
      SELECT l.user_id, u.display_name AS name, e.section, e.student_id, l.session, r.total, r.scores FROM latest l
      LEFT JOIN exam_results r ON r.session_id = l.session
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN enrollments e ON e.course_id = $1 AND e.user_id = l.user_id
      ORDER BY l.user_id COLLATE "C"`, [course, exam]);
    return rows.map((row) => {
      const r = ResultRow.parse(row);
      return { user: r.user_id, name: r.name ?? r.user_id, section: r.section, studentId: r.student_id, session: r.session, total: r.total ?? 0, scores: r.scores ?? {} };
    });
  }

  /** As SQLite's: section, total and scores only, checked by the table (one typeof a value) rather than zod per row. */
  async scores(course: string, exam: string): Promise<ScoreTable> {
    const rows = await this.sql.query(`${LATEST}
      SELECT e.section, r.total, r.scores FROM latest l
      LEFT JOIN exam_results r ON r.session_id = l.session
      LEFT JOIN enrollments e ON e.course_id = $1 AND e.user_id = l.user_id
      ORDER BY l.user_id COLLATE "C"`, [course, exam]);
    const table = new ScoreTable();
    for (const { section, total, scores } of rows) {
      if ((section !== null && typeof section !== "string") || (total !== null && typeof total !== "number") || (scores !== null && (typeof scores !== "object" || Array.isArray(scores)))) {
        throw new Error(`exam result: bad section, total or scores (${typeof section}, ${typeof total}, ${typeof scores})`);
      }
      // A session without answers has no exam_results row: it scores 0.
      table.add(section, total ?? 0, (scores ?? {}) as Record<string, unknown>);
    }
    return table;
  }
}

export class PgPeopleQueries implements PeopleQueries {
  constructor(private readonly sql: SqlClient) {}

  async displayName(user: string): Promise<string | null> {
    const [row] = await this.sql.query("SELECT display_name FROM users WHERE id = $1", [user]);
    return row ? z.string().parse(row.display_name) : null;
  }
}
