import { z } from "zod";
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

/**
 * The mock exam's results over each student's latest submitted session, read from exam_results
 * (kept by triggers, see postgres/002_ta_tools.sql): one row per student, whatever the number of attempts.
 */
export class PgExamResultStore implements ExamResultQueries {
  constructor(private readonly sql: SqlClient) {}

  async latest(course: string, exam: string): Promise<ExamResult[]> {
    const rows = await this.sql.query(`
      WITH latest AS (
        SELECT user_id, max(id) AS session FROM exam_sessions
        WHERE course_id = $1 AND exam_id = $2 AND submitted_at IS NOT NULL GROUP BY user_id
      )
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
}

export class PgPeopleQueries implements PeopleQueries {
  constructor(private readonly sql: SqlClient) {}

  async displayName(user: string): Promise<string | null> {
    const [row] = await this.sql.query("SELECT display_name FROM users WHERE id = $1", [user]);
    return row ? z.string().parse(row.display_name) : null;
  }
}
