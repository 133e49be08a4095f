import { z } from "zod";
import type { ExamSessionRecord, ExamSessionRepository } from "../../core/ports.ts";
import { changedOne, maybeTime, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const SessionRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  exam_id: z.string(),
  started_at: time,
  deadline: time,
  submitted_at: maybeTime,
  submitted_by: z.enum(["student", "deadline"]).nullable(),
  reported_at: maybeTime,
});

function toSession(row: unknown): ExamSessionRecord {
  const r = SessionRow.parse(row);
  return {
    id: r.id, course: r.course_id, user: r.user_id, exam: r.exam_id, startedAt: r.started_at, deadline: r.deadline,
    submittedAt: r.submitted_at, submittedBy: r.submitted_by, reportedAt: r.reported_at,
  };
}

const COLUMNS = "id, course_id, user_id, exam_id, started_at, deadline, submitted_at, submitted_by, reported_at";

/**
 * Mock exam sessions. Every claim is one statement whose condition is re-checked on the row's
 * latest version once its lock is held (READ COMMITTED), so two processes never both win one:
 * submit and markReported are guarded UPDATEs, reminders are taken with SKIP LOCKED.
 */
export class PgExamSessionStore implements ExamSessionRepository {
  /**
   * `inTransaction`: `open` locks the session it returns until the transaction ends. An answer
   * checks the session is open and stores itself in one transaction, a submission checks and
   * submits in another: with the lock they take turns, as on SQLite (where a transaction holds the
   * database), and no answer lands in a session submitted between its check and its insert.
   */
  constructor(private readonly sql: SqlClient, private readonly inTransaction = false) {}

  async start(course: string, user: string, exam: string, startedAt: Date, deadline: Date): Promise<ExamSessionRecord> {
    // A second open session for the student breaks exam_sessions_one_open (011): the service says so.
    const [row] = await this.sql.query(`INSERT INTO exam_sessions (course_id, user_id, exam_id, started_at, deadline)
      VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`, [course, user, exam, startedAt.getTime(), deadline.getTime()]);
    return toSession(row);
  }

  async open(course: string, user: string): Promise<ExamSessionRecord | null> {
    // NO KEY UPDATE: conflicts with a submission's UPDATE, not with the foreign-key checks of answers being stored.
    const [row] = await this.sql.query(`SELECT ${COLUMNS} FROM exam_sessions WHERE course_id = $1 AND user_id = $2 AND submitted_at IS NULL
      ORDER BY id DESC LIMIT 1${this.inTransaction ? " FOR NO KEY UPDATE" : ""}`, [course, user]);
    return row ? toSession(row) : null;
  }

  async latest(course: string, user: string): Promise<ExamSessionRecord | null> {
    const [row] = await this.sql.query(`SELECT ${COLUMNS} FROM exam_sessions WHERE course_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT 1`, [course, user]);
    return row ? toSession(row) : null;
  }

  async submit(id: number, at: Date, by: "student" | "deadline"): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE exam_sessions SET submitted_at = $2, submitted_by = $3
      WHERE id = $1 AND submitted_at IS NULL RETURNING id`, [id, at.getTime(), by]));
  }

  async markReported(id: number, at: Date): Promise<boolean> {
    return changedOne(await this.sql.query("UPDATE exam_sessions SET reported_at = $2 WHERE id = $1 AND reported_at IS NULL RETURNING id", [id, at.getTime()]));
  }

  async expired(now: Date): Promise<ExamSessionRecord[]> {
    // A read: the claim is `submit`, whose guard lets one process through per session.
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM exam_sessions WHERE submitted_at IS NULL AND deadline <= $1 ORDER BY deadline, id`, [now.getTime()]);
    return rows.map(toSession);
  }

  async submittedForUser(course: string, user: string): Promise<ExamSessionRecord[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM exam_sessions WHERE course_id = $1 AND user_id = $2 AND submitted_at IS NOT NULL
      ORDER BY id`, [course, user]);
    return rows.map(toSession);
  }

  async claimReminders(endsBy: Date, now: Date): Promise<ExamSessionRecord[]> {
    // Rows another sweeper holds are skipped, not waited for: it reminds those, this one the rest.
    const rows = await this.sql.query(`WITH due AS (
        SELECT id FROM exam_sessions WHERE submitted_at IS NULL AND reminded_at IS NULL AND deadline <= $2
        FOR UPDATE SKIP LOCKED)
      UPDATE exam_sessions s SET reminded_at = $1 FROM due WHERE s.id = due.id
      RETURNING s.id, s.course_id, s.user_id, s.exam_id, s.started_at, s.deadline, s.submitted_at, s.submitted_by, s.reported_at`,
    [now.getTime(), endsBy.getTime()]);
    return rows.map(toSession);
  }
}
