import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { QuestionVariant } from "../core/bank/question-variants.ts";
import type { InteractionRepository, ScheduleRecord, ScheduleRepository, ServedRepository } from "../core/ports.ts";
import { parseVariant } from "./sqlite-attempt-store.ts";
import type { Db } from "./database.ts";

const ScheduleRow = z.object({ question_id: z.string(), due_at: z.number(), state: z.string() });

function toSchedule(row: unknown): ScheduleRecord {
  const r = ScheduleRow.parse(row);
  return { question: r.question_id, dueAt: new Date(r.due_at), state: JSON.parse(r.state) as unknown };
}

export class SqliteScheduleStore implements Sync<ScheduleRepository> {
  private readonly getStmt;
  private readonly putStmt;
  private readonly userStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare("SELECT * FROM schedules WHERE course_id = ? AND user_id = ? AND question_id = ?");
    this.putStmt = db.prepare(`INSERT INTO schedules (course_id, user_id, question_id, due_at, state) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET due_at = excluded.due_at, state = excluded.state`);
    this.userStmt = db.prepare("SELECT * FROM schedules WHERE course_id = ? AND user_id = ? ORDER BY due_at");
  }

  get(course: string, user: string, question: string): ScheduleRecord | null {
    const row = this.getStmt.get(course, user, question);
    return row ? toSchedule(row) : null;
  }

  put(course: string, user: string, r: ScheduleRecord): void {
    this.putStmt.run(course, user, r.question, r.dueAt.getTime(), JSON.stringify(r.state));
  }

  forUser(course: string, user: string): ScheduleRecord[] {
    return this.userStmt.all(course, user).map(toSchedule);
  }
}

export class SqliteInteractionStore implements Sync<InteractionRepository> {
  private readonly findStmt;
  private readonly claimStmt;
  private readonly reclaimStmt;
  private readonly rememberStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    // A claimed delivery whose work is running holds an empty reply (see CLAIMED).
    this.findStmt = db.prepare("SELECT reply FROM interactions WHERE id = ? AND reply <> ''").pluck();
    this.claimStmt = db.prepare("INSERT OR IGNORE INTO interactions (id, reply, created_at) VALUES (?, '', ?)");
    this.reclaimStmt = db.prepare("UPDATE interactions SET created_at = ? WHERE id = ? AND reply = '' AND created_at < ?");
    this.rememberStmt = db.prepare(`INSERT INTO interactions (id, reply, created_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET reply = excluded.reply, created_at = excluded.created_at WHERE interactions.reply = ''`);
    this.pruneStmt = db.prepare("DELETE FROM interactions WHERE created_at < ?");
  }

  claim(id: string, at: Date, staleBefore: Date): boolean {
    return this.claimStmt.run(id, at.getTime()).changes === 1 || this.reclaimStmt.run(at.getTime(), id, staleBefore.getTime()).changes === 1;
  }

  prune(before: Date): number {
    return this.pruneStmt.run(before.getTime()).changes;
  }

  find(id: string): string | null {
    return (this.findStmt.get(id) as string | undefined) ?? null;
  }

  remember(id: string, reply: string, at: Date): void {
    this.rememberStmt.run(id, reply, at.getTime());
  }
}

export class SqliteServedStore implements Sync<ServedRepository> {
  private readonly markStmt;
  private readonly hasStmt;
  private readonly seenStmt;
  private readonly takeSeenStmt;
  private readonly climbStmt;
  private readonly hintsStmt;
  private readonly resetHintsStmt;
  private readonly variantStmt;

  constructor(db: Db) {
    this.markStmt = db.prepare(`INSERT INTO served (course_id, user_id, question_id, served_at, variant) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET served_at = excluded.served_at, variant = excluded.variant`);
    this.variantStmt = db.prepare("SELECT variant FROM served WHERE course_id = ? AND user_id = ? AND question_id = ?").pluck();
    this.hasStmt = db.prepare("SELECT 1 FROM served WHERE course_id = ? AND user_id = ? AND question_id = ?").pluck();
    this.seenStmt = db.prepare(`INSERT INTO served (course_id, user_id, question_id, served_at, solution_seen_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET solution_seen_at = excluded.solution_seen_at`);
    this.takeSeenStmt = db.prepare(`UPDATE served SET solution_seen_at = NULL
      WHERE course_id = ? AND user_id = ? AND question_id = ? AND solution_seen_at IS NOT NULL RETURNING 1`).pluck();
    // One statement: two presses at once still climb one rung each, and never down.
    this.climbStmt = db.prepare(`UPDATE served SET hints_shown = max(hints_shown, ?)
      WHERE course_id = ? AND user_id = ? AND question_id = ? RETURNING hints_shown`).pluck();
    this.hintsStmt = db.prepare("SELECT hints_shown FROM served WHERE course_id = ? AND user_id = ? AND question_id = ?").pluck();
    this.resetHintsStmt = db.prepare("UPDATE served SET hints_shown = 0 WHERE course_id = ? AND user_id = ? AND question_id = ?");
  }

  climbHints(course: string, user: string, question: string, rung: number): number {
    return z.number().int().parse(this.climbStmt.get(rung, course, user, question) ?? 0);
  }

  hintsShown(course: string, user: string, question: string): number {
    return z.number().int().parse(this.hintsStmt.get(course, user, question) ?? 0);
  }

  resetHints(course: string, user: string, question: string): void {
    this.resetHintsStmt.run(course, user, question);
  }

  solutionSeen(course: string, user: string, question: string, at: Date): void {
    this.seenStmt.run(course, user, question, at.getTime(), at.getTime());
  }

  takeSolutionSeen(course: string, user: string, question: string): boolean {
    return this.takeSeenStmt.get(course, user, question) !== undefined;
  }

  mark(course: string, user: string, question: string, at: Date, variant?: QuestionVariant | null): void {
    this.markStmt.run(course, user, question, at.getTime(), variant ? JSON.stringify(variant) : null);
  }

  variant(course: string, user: string, question: string): QuestionVariant | null {
    return parseVariant(z.string().nullable().optional().parse(this.variantStmt.get(course, user, question))) ?? null;
  }

  has(course: string, user: string, question: string): boolean {
    return this.hasStmt.get(course, user, question) !== undefined;
  }
}
