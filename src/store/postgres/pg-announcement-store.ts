import { z } from "zod";
import type { AnnouncementRecord, AnnouncementRepository } from "../../core/ta/ta-ports.ts";
import { changedOne, maybeTime, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const AnnouncementRow = z.object({
  id: z.number(),
  course_id: z.string(),
  author_id: z.string(),
  message: z.string(),
  channel: z.string(),
  post_at: time,
  created_at: time,
  delivered_at: maybeTime,
  cancelled_at: maybeTime,
});

function toAnnouncement(row: unknown): AnnouncementRecord {
  const r = AnnouncementRow.parse(row);
  return {
    id: r.id, course: r.course_id, author: r.author_id, message: r.message, channel: r.channel,
    postAt: r.post_at, createdAt: r.created_at, deliveredAt: r.delivered_at, cancelledAt: r.cancelled_at,
  };
}

const PENDING = "delivered_at IS NULL AND cancelled_at IS NULL";
const COLUMNS = "id, course_id, author_id, message, channel, post_at, created_at, delivered_at, cancelled_at";

export class PgAnnouncementStore implements AnnouncementRepository {
  constructor(private readonly sql: SqlClient) {}

  async add(a: { course: string; author: string; message: string; channel: string; postAt: Date; createdAt: Date; deliveredAt: Date | null }): Promise<AnnouncementRecord> {
    const [row] = await this.sql.query(`INSERT INTO announcements (course_id, author_id, message, channel, post_at, created_at, delivered_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [a.course, a.author, a.message, a.channel, a.postAt.getTime(), a.createdAt.getTime(), a.deliveredAt?.getTime() ?? null]);
    return toAnnouncement(row);
  }

  async get(id: number): Promise<AnnouncementRecord | null> {
    const [row] = await this.sql.query(`SELECT ${COLUMNS} FROM announcements WHERE id = $1`, [id]);
    return row ? toAnnouncement(row) : null;
  }

  async pending(course: string): Promise<AnnouncementRecord[]> {
    return (await this.sql.query(`SELECT ${COLUMNS} FROM announcements WHERE course_id = $1 AND ${PENDING} ORDER BY post_at, id`, [course])).map(toAnnouncement);
  }

  async update(id: number, c: { message: string; channel: string; postAt: Date }): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE announcements SET message = $2, channel = $3, post_at = $4 WHERE id = $1 AND ${PENDING} RETURNING id`,
      [id, c.message, c.channel, c.postAt.getTime()]));
  }

  async cancel(id: number, at: Date): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE announcements SET cancelled_at = $2 WHERE id = $1 AND ${PENDING} RETURNING id`, [id, at.getTime()]));
  }

  async claimDue(now: Date, course?: string): Promise<AnnouncementRecord[]> {
    // Claimed and marked in one statement; rows another sweeper is claiming are skipped, not
    // waited for, and a row locked after it was delivered is re-checked and left out.
    const rows = await this.sql.query(`WITH due AS (
        SELECT id FROM announcements WHERE ${PENDING} AND post_at <= $1 AND ($2::text IS NULL OR course_id = $2)
        FOR UPDATE SKIP LOCKED)
      UPDATE announcements a SET delivered_at = $1 FROM due WHERE a.id = due.id
      RETURNING a.id, a.course_id, a.author_id, a.message, a.channel, a.post_at, a.created_at, a.delivered_at, a.cancelled_at`,
    [now.getTime(), course ?? null]);
    return rows.map(toAnnouncement).sort((a, b) => a.postAt.getTime() - b.postAt.getTime() || a.id - b.id);
  }
}
