import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { AttemptRecord } from "../core/ports.ts";
import type { GradeChange, GradeHistoryRecord, GradeRepository } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";
import { toAttempt } from "./sqlite-attempt-store.ts";

const HistoryRow = z.object({
  attempt_id: z.number(),
  old_score: z.number(),
  new_score: z.number(),
  source: z.enum(["review", "regrade"]),
  changed_by: z.string(),
  note: z.string().nullable(),
  changed_at: z.number(),
});

/** Answers a TA can grade: practice answers, and exam answers once the exam is submitted (grades stay hidden until then). */
// Practice answers, and the answers that count in submitted exams (the last to each question).
const REVIEWABLE = `a.needs_review = 1 AND a.course_id = @course AND (a.exam_session IS NULL OR (EXISTS
  (SELECT 1 FROM exam_sessions s WHERE s.id = a.exam_session AND s.submitted_at IS NOT NULL) AND NOT EXISTS
  (SELECT 1 FROM attempts later WHERE later.exam_session = a.exam_session AND later.question_id = a.question_id AND later.id > a.id)))`;

export class SqliteGradeStore implements Sync<GradeRepository> {
  private readonly byId;
  private readonly updateStmt;
  private readonly historyInsert;
  private readonly historyStmt;
  private readonly pendingStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.byId = db.prepare("SELECT * FROM attempts WHERE id = ?");
    this.updateStmt = db.prepare("UPDATE attempts SET score = ?, items = ?, needs_review = 0, reviewed_by = ? WHERE id = ?");
    this.historyInsert = db.prepare(`INSERT INTO grade_history
      (attempt_id, old_score, old_items, new_score, new_items, source, changed_by, note, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.historyStmt = db.prepare("SELECT * FROM grade_history WHERE attempt_id = ? ORDER BY id");
    this.pendingStmt = db.prepare(`SELECT a.* FROM attempts a WHERE ${REVIEWABLE} AND a.id > @after ORDER BY a.id LIMIT @limit`);
    this.countStmt = db.prepare(`SELECT count(*) FROM attempts a WHERE ${REVIEWABLE}`).pluck();
  }

  replace(c: GradeChange): AttemptRecord {
    // IMMEDIATE: it reads before it writes (see SqliteAssessmentStore.replace); nested, a savepoint.
    return this.db.transaction(() => {
      const row = this.byId.get(c.attempt);
      if (!row) throw new Error(`No attempt ${c.attempt} to regrade.`);
      const before = toAttempt(row);
      const items = JSON.stringify(c.items);
      this.historyInsert.run(c.attempt, before.score, JSON.stringify(before.items), c.score, items, c.source, c.by, c.note, c.at.getTime());
      this.updateStmt.run(c.score, items, c.by, c.attempt);
      return { ...before, score: c.score, items: c.items, needsReview: false, reviewedBy: c.by };
    }).immediate();
  }

  history(attempt: number): GradeHistoryRecord[] {
    return this.historyStmt.all(attempt).map((row) => {
      const r = HistoryRow.parse(row);
      return { attempt: r.attempt_id, oldScore: r.old_score, newScore: r.new_score, source: r.source, by: r.changed_by, note: r.note, at: new Date(r.changed_at) };
    });
  }

  pendingReview(course: string, after: number, limit: number): AttemptRecord[] {
    return this.pendingStmt.all({ course, after, limit }).map(toAttempt);
  }

  countPendingReview(course: string): number {
    return Number(this.countStmt.get({ course }));
  }
}
