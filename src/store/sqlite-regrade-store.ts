import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { GraderAssignmentRepository, RegradeRecord, RegradeRepository } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";

const RegradeRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  question_id: z.string(),
  attempt_id: z.number(),
  grader: z.string(),
  reason: z.string(),
  score_before: z.number(),
  created_at: z.number(),
  resolved_at: z.number().nullable(),
  resolved_by: z.string().nullable(),
  score_after: z.number().nullable(),
  note: z.string().nullable(),
});

function toRegrade(row: unknown): RegradeRecord {
  const r = RegradeRow.parse(row);
  return {
    id: r.id, course: r.course_id, user: r.user_id, question: r.question_id, attempt: r.attempt_id, grader: r.grader,
    reason: r.reason, scoreBefore: r.score_before, createdAt: new Date(r.created_at),
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at), resolvedBy: r.resolved_by, scoreAfter: r.score_after, note: r.note,
  };
}

export class SqliteRegradeStore implements Sync<RegradeRepository> {
  private readonly insert;
  private readonly byId;
  private readonly openStmt;
  private readonly byAttempt;
  private readonly resolveStmt;
  private readonly byUser;
  private readonly resolvedStmt;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO regrades (course_id, user_id, question_id, attempt_id, grader, reason, score_before, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.byId = db.prepare("SELECT * FROM regrades WHERE id = ?");
    this.openStmt = db.prepare("SELECT * FROM regrades WHERE course_id = ? AND resolved_at IS NULL ORDER BY id");
    this.byAttempt = db.prepare("SELECT * FROM regrades WHERE attempt_id = ? AND resolved_at IS NULL ORDER BY id LIMIT 1");
    this.resolveStmt = db.prepare(`UPDATE regrades SET resolved_at = ?, resolved_by = ?, score_after = ?, note = ?
      WHERE id = ? AND resolved_at IS NULL`);
    this.byUser = db.prepare("SELECT * FROM regrades WHERE course_id = ? AND user_id = ? ORDER BY id DESC");
    this.resolvedStmt = db.prepare("SELECT * FROM regrades WHERE course_id = ? AND resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT ?");
  }

  forUser(course: string, user: string): RegradeRecord[] {
    return this.byUser.all(course, user).map(toRegrade);
  }

  resolved(course: string, limit: number): RegradeRecord[] {
    return this.resolvedStmt.all(course, limit).map(toRegrade);
  }

  add(r: Omit<RegradeRecord, "id" | "resolvedAt" | "resolvedBy" | "scoreAfter" | "note">): RegradeRecord {
    const info = this.insert.run(r.course, r.user, r.question, r.attempt, r.grader, r.reason, r.scoreBefore, r.createdAt.getTime());
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): RegradeRecord | null {
    const row = this.byId.get(id);
    return row ? toRegrade(row) : null;
  }

  open(course: string): RegradeRecord[] {
    return this.openStmt.all(course).map(toRegrade);
  }

  openForAttempt(attempt: number): RegradeRecord | null {
    const row = this.byAttempt.get(attempt);
    return row ? toRegrade(row) : null;
  }

  resolve(id: number, d: { by: string; score: number; note: string | null; at: Date }): boolean {
    return this.resolveStmt.run(d.at.getTime(), d.by, d.score, d.note, id).changes === 1;
  }
}

const AssignmentRow = z.object({ grader: z.string(), user_id: z.string() });

export class SqliteGraderAssignmentStore implements Sync<GraderAssignmentRepository> {
  private readonly assignStmt;
  private readonly userStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.assignStmt = db.prepare(`INSERT INTO grader_assignments (course_id, grader, user_id) VALUES (?, ?, ?)
      ON CONFLICT (course_id, grader) DO UPDATE SET user_id = excluded.user_id`);
    this.userStmt = db.prepare("SELECT user_id FROM grader_assignments WHERE course_id = ? AND grader = ?").pluck();
    this.listStmt = db.prepare("SELECT grader, user_id FROM grader_assignments WHERE course_id = ? ORDER BY grader");
  }

  assign(course: string, grader: string, user: string): void {
    this.assignStmt.run(course, grader, user);
  }

  userFor(course: string, grader: string): string | null {
    const user = this.userStmt.get(course, grader);
    return typeof user === "string" ? user : null;
  }

  list(course: string): { grader: string; user: string }[] {
    return this.listStmt.all(course).map((row) => {
      const r = AssignmentRow.parse(row);
      return { grader: r.grader, user: r.user_id };
    });
  }
}
