import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { AnnouncementRecord, AnnouncementRepository } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";

const AnnouncementRow = z.object({
  id: z.number(),
  course_id: z.string(),
  author_id: z.string(),
  message: z.string(),
  channel: z.string(),
  post_at: z.number(),
  created_at: z.number(),
  delivered_at: z.number().nullable(),
  cancelled_at: z.number().nullable(),
});

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toAnnouncement(row: unknown): AnnouncementRecord {
  const r = AnnouncementRow.parse(row);
  return {
    id: r.id, course: r.course_id, author: r.author_id, message: r.message, channel: r.channel,
    postAt: new Date(r.post_at), createdAt: new Date(r.created_at), deliveredAt: date(r.delivered_at), cancelledAt: date(r.cancelled_at),
  };
}

const PENDING = "delivered_at IS NULL AND cancelled_at IS NULL";

export class SqliteAnnouncementStore implements Sync<AnnouncementRepository> {
  private readonly insert;
  private readonly byId;
  private readonly pendingStmt;
  private readonly updateStmt;
  private readonly cancelStmt;
  private readonly claimAll;
  private readonly claimCourse;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO announcements (course_id, author_id, message, channel, post_at, created_at, delivered_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.byId = db.prepare("SELECT * FROM announcements WHERE id = ?");
    this.pendingStmt = db.prepare(`SELECT * FROM announcements WHERE course_id = ? AND ${PENDING} ORDER BY post_at, id`);
    this.updateStmt = db.prepare(`UPDATE announcements SET message = ?, channel = ?, post_at = ? WHERE id = ? AND ${PENDING}`);
    this.cancelStmt = db.prepare(`UPDATE announcements SET cancelled_at = ? WHERE id = ? AND ${PENDING}`);
    // One UPDATE ... RETURNING claims and marks in the same statement: no second sweeper can see them pending.
    this.claimAll = db.prepare(`UPDATE announcements SET delivered_at = @now WHERE ${PENDING} AND post_at <= @now RETURNING *`);
    this.claimCourse = db.prepare(`UPDATE announcements SET delivered_at = @now
      WHERE ${PENDING} AND post_at <= @now AND course_id = @course RETURNING *`);
  }

  add(a: { course: string; author: string; message: string; channel: string; postAt: Date; createdAt: Date; deliveredAt: Date | null }): AnnouncementRecord {
    const info = this.insert.run(a.course, a.author, a.message, a.channel, a.postAt.getTime(), a.createdAt.getTime(), a.deliveredAt?.getTime() ?? null);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): AnnouncementRecord | null {
    const row = this.byId.get(id);
    return row ? toAnnouncement(row) : null;
  }

  pending(course: string): AnnouncementRecord[] {
    return this.pendingStmt.all(course).map(toAnnouncement);
  }

  update(id: number, c: { message: string; channel: string; postAt: Date }): boolean {
    return this.updateStmt.run(c.message, c.channel, c.postAt.getTime(), id).changes === 1;
  }

  cancel(id: number, at: Date): boolean {
    return this.cancelStmt.run(at.getTime(), id).changes === 1;
  }

  claimDue(now: Date, course?: string): AnnouncementRecord[] {
    const rows = course === undefined ? this.claimAll.all({ now: now.getTime() }) : this.claimCourse.all({ now: now.getTime(), course });
    return rows.map(toAnnouncement).sort((a, b) => a.postAt.getTime() - b.postAt.getTime() || a.id - b.id);
  }
}
