import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { ExamSessionRecord, ExamSessionRepository } from "../core/ports.ts";
import type { Db } from "./database.ts";

const SessionRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  exam_id: z.string(),
  started_at: z.number(),
  deadline: z.number(),
  submitted_at: z.number().nullable(),
  submitted_by: z.enum(["student", "deadline"]).nullable(),
  reported_at: z.number().nullable(),
});

function toSession(row: unknown): ExamSessionRecord {
  const r = SessionRow.parse(row);
  return {
    id: r.id,
    course: r.course_id,
    user: r.user_id,
    exam: r.exam_id,
    startedAt: new Date(r.started_at),
    deadline: new Date(r.deadline),
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    submittedBy: r.submitted_by,
    reportedAt: r.reported_at === null ? null : new Date(r.reported_at),
  };
}

export class SqliteExamSessionStore implements Sync<ExamSessionRepository> {
  private readonly insert;
  private readonly openStmt;
  private readonly latestStmt;
  private readonly submitStmt;
  private readonly expiredStmt;
  private readonly submittedStmt;
  private readonly byId;
  private readonly reportedStmt;
  private readonly remindStmt;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO exam_sessions (course_id, user_id, exam_id, started_at, deadline)
      VALUES (?, ?, ?, ?, ?)`);
    this.byId = db.prepare("SELECT * FROM exam_sessions WHERE id = ?");
    this.reportedStmt = db.prepare("UPDATE exam_sessions SET reported_at = ? WHERE id = ? AND reported_at IS NULL");
    this.openStmt = db.prepare(`SELECT * FROM exam_sessions WHERE course_id = ? AND user_id = ? AND submitted_at IS NULL
      ORDER BY id DESC LIMIT 1`);
    this.latestStmt = db.prepare("SELECT * FROM exam_sessions WHERE course_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1");
    this.submitStmt = db.prepare(`UPDATE exam_sessions SET submitted_at = ?, submitted_by = ?
      WHERE id = ? AND submitted_at IS NULL`);
    this.expiredStmt = db.prepare("SELECT * FROM exam_sessions WHERE submitted_at IS NULL AND deadline <= ? ORDER BY deadline");
    // One statement claims and returns: two processes sweeping at once never remind twice.
    this.remindStmt = db.prepare(`UPDATE exam_sessions SET reminded_at = ?
      WHERE submitted_at IS NULL AND reminded_at IS NULL AND deadline <= ? RETURNING *`);
    this.submittedStmt = db.prepare(`SELECT * FROM exam_sessions WHERE course_id = ? AND user_id = ? AND submitted_at IS NOT NULL
      ORDER BY id`);
  }

  start(course: string, user: string, exam: string, startedAt: Date, deadline: Date): ExamSessionRecord {
    const info = this.insert.run(course, user, exam, startedAt.getTime(), deadline.getTime());
    return toSession(this.byId.get(Number(info.lastInsertRowid)));
  }

  open(course: string, user: string): ExamSessionRecord | null {
    const row = this.openStmt.get(course, user);
    return row ? toSession(row) : null;
  }

  latest(course: string, user: string): ExamSessionRecord | null {
    const row = this.latestStmt.get(course, user);
    return row ? toSession(row) : null;
  }

  submit(id: number, at: Date, by: "student" | "deadline"): boolean {
    return this.submitStmt.run(at.getTime(), by, id).changes === 1;
  }

  markReported(id: number, at: Date): boolean {
    return this.reportedStmt.run(at.getTime(), id).changes === 1;
  }

  expired(now: Date): ExamSessionRecord[] {
    return this.expiredStmt.all(now.getTime()).map(toSession);
  }

  submittedForUser(course: string, user: string): ExamSessionRecord[] {
    return this.submittedStmt.all(course, user).map(toSession);
  }

  claimReminders(endsBy: Date, now: Date): ExamSessionRecord[] {
    return this.remindStmt.all(now.getTime(), endsBy.getTime()).map(toSession);
  }
}
