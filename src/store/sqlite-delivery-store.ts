import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { DeliveryTarget, Reply } from "../core/chat/reply.ts";
import type { DeliveryRepository, StoredDelivery } from "../core/ports.ts";
import type { Db } from "./database.ts";
import { StoredReply } from "./stored-reply.ts";

const DeliveryRow = z.object({
  id: z.number(),
  course_id: z.string(),
  to_user: z.string().nullable(),
  to_channel: z.string().nullable(),
  reply: z.string(),
  created_at: z.number(),
});

function toDelivery(row: unknown): StoredDelivery {
  const r = DeliveryRow.parse(row);
  const to: DeliveryTarget = r.to_user !== null ? { user: r.to_user } : { channel: r.to_channel ?? "" };
  return { id: r.id, course: r.course_id, to, reply: StoredReply.parse(JSON.parse(r.reply)), createdAt: new Date(r.created_at) };
}

/** A delivery the platform refused this often is given up (a closed DM, a deleted channel). */
export const MAX_DELIVERY_FAILURES = 5;

/**
 * Undelivered, not given up, and either unclaimed or claimed long enough ago that its claimant is
 * taken for dead.
 */
const CLAIMABLE = `delivered_at IS NULL AND failures < ${MAX_DELIVERY_FAILURES} AND (claimed_by IS NULL OR claimed_at < ?)`;

export class SqliteDeliveryStore implements Sync<DeliveryRepository> {
  private readonly insert;
  private readonly pendingStmt;
  private readonly claimStmt;
  private readonly doneStmt;
  private readonly releaseStmt;

  constructor(db: Db) {
    this.insert = db.prepare("INSERT INTO deliveries (course_id, to_user, to_channel, reply, created_at) VALUES (?, ?, ?, ?, ?)");
    this.pendingStmt = db.prepare(`SELECT * FROM deliveries WHERE ${CLAIMABLE} AND id > ? ORDER BY id LIMIT ?`);
    this.claimStmt = db.prepare(`UPDATE deliveries SET claimed_by = ?, claimed_at = ? WHERE id = ? AND ${CLAIMABLE}`);
    this.doneStmt = db.prepare("UPDATE deliveries SET delivered_at = ? WHERE id = ?");
    this.releaseStmt = db.prepare("UPDATE deliveries SET claimed_by = NULL, claimed_at = NULL, failures = failures + 1 WHERE id = ? AND delivered_at IS NULL");
  }

  enqueue(course: string, to: DeliveryTarget, reply: Reply, at: Date): number {
    const { images: _images, files: _files, ...kept } = reply;
    const user = "user" in to ? to.user : null;
    const channel = "channel" in to ? to.channel : null;
    return Number(this.insert.run(course, user, channel, JSON.stringify(kept), at.getTime()).lastInsertRowid);
  }

  pending(staleBefore: Date, afterId: number, limit: number): StoredDelivery[] {
    return this.pendingStmt.all(staleBefore.getTime(), afterId, limit).map(toDelivery);
  }

  claim(id: number, claimant: string, at: Date, staleBefore: Date): boolean {
    return this.claimStmt.run(claimant, at.getTime(), id, staleBefore.getTime()).changes === 1;
  }

  delivered(id: number, at: Date): void {
    this.doneStmt.run(at.getTime(), id);
  }

  release(id: number): void {
    this.releaseStmt.run(id);
  }
}
