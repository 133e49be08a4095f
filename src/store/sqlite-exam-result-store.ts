import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { ExamResult, ExamResultQueries } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";

const ResultRow = z.object({
  user_id: z.string(),
  name: z.string().nullable(),
  section: z.string().nullable(),
  student_id: z.string().nullable(),
  session: z.number(),
  total: z.number().nullable(),
  scores: z.string().nullable(),
});

/**
 * The mock exam's results over each student's latest submitted session, read from exam_results
 * (kept by triggers, see 002_ta_tools.sql): one row per student, whatever the number of attempts.
 */
export class SqliteExamResultStore implements Sync<ExamResultQueries> {
  private readonly latestStmt;

  constructor(db: Db) {
    this.latestStmt = db.prepare(`
      WITH latest AS (
        SELECT user_id, max(id) AS session FROM exam_sessions
        WHERE course_id = @course AND exam_id = @exam AND submitted_at IS NOT NULL GROUP BY user_id
      )
      SELECT l.user_id, u.display_name AS name, e.section, e.student_id, l.session, r.total, r.scores FROM latest l
      LEFT JOIN exam_results r ON r.session_id = l.session
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN enrollments e ON e.course_id = @course AND e.user_id = l.user_id`);
  }

  latest(course: string, exam: string): ExamResult[] {
    return this.latestStmt.all({ course, exam }).map((row) => {
      const r = ResultRow.parse(row);
      // Written only by the triggers as {question: number}; a full zod pass per row would cost more than the query.
      const scores = JSON.parse(r.scores ?? "{}") as Record<string, number>;
      return { user: r.user_id, name: r.name ?? r.user_id, section: r.section, studentId: r.student_id, session: r.session, total: r.total ?? 0, scores };
    });
  }
}
