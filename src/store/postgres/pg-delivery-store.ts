import { z } from "zod";
import type { DeliveryTarget, Reply } from "../../core/chat/reply.ts";
import type { DeliveryRepository, StoredDelivery } from "../../core/ports.ts";
import { MAX_DELIVERY_FAILURES } from "../sqlite-delivery-store.ts";
import { changedOne, json, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";
import { StoredReply } from "../stored-reply.ts";

const DeliveryRow = z.object({
  id: z.number(),
  course_id: z.string(),
  to_user: z.string().nullable(),
  to_channel: z.string().nullable(),
  reply: StoredReply,
  created_at: time,
});

function toDelivery(row: unknown): StoredDelivery {
  const r = DeliveryRow.parse(row);
  const to: DeliveryTarget = r.to_user !== null ? { user: r.to_user } : { channel: r.to_channel ?? "" };
  return { id: r.id, course: r.course_id, to, reply: r.reply, createdAt: r.created_at };
}

/**
 * Undelivered, not given up, and either unclaimed or claimed long enough ago that its claimant is
 * taken for dead; `$n` is the stale-before time.
 */
const claimable = (n: number) => `delivered_at IS NULL AND failures < ${MAX_DELIVERY_FAILURES} AND (claimed_by IS NULL OR claimed_at < $${n})`;

const COLUMNS = "id, course_id, to_user, to_channel, reply, created_at";

/**
 * The outbox of timed work. A claim is one guarded UPDATE: when two processes claim a delivery at
 * once, the second waits for the first's row lock, re-checks the condition on the claimed row
 * and finds it taken.
 */
export class PgDeliveryStore implements DeliveryRepository {
  constructor(private readonly sql: SqlClient) {}

  async enqueue(course: string, to: DeliveryTarget, reply: Reply, at: Date): Promise<number> {
    const { images: _images, files: _files, ...kept } = reply;
    const [row] = await this.sql.query<{ id: number }>(`INSERT INTO deliveries (course_id, to_user, to_channel, reply, created_at)
      VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
    [course, "user" in to ? to.user : null, "channel" in to ? to.channel : null, json(kept), at.getTime()]);
    return row!.id;
  }

  async pending(staleBefore: Date, afterId: number, limit: number): Promise<StoredDelivery[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM deliveries WHERE ${claimable(1)} AND id > $2 ORDER BY id LIMIT $3`,
      [staleBefore.getTime(), afterId, limit]);
    return rows.map(toDelivery);
  }

  async claim(id: number, claimant: string, at: Date, staleBefore: Date): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE deliveries SET claimed_by = $2, claimed_at = $3 WHERE id = $1 AND ${claimable(4)} RETURNING id`,
      [id, claimant, at.getTime(), staleBefore.getTime()]));
  }

  async delivered(id: number, at: Date): Promise<void> {
    await this.sql.query("UPDATE deliveries SET delivered_at = $2 WHERE id = $1", [id, at.getTime()]);
  }

  async release(id: number): Promise<void> {
    await this.sql.query("UPDATE deliveries SET claimed_by = NULL, claimed_at = NULL, failures = failures + 1 WHERE id = $1 AND delivered_at IS NULL", [id]);
  }
}
