import { z } from "zod";
import type { QuestionVariant } from "../../core/bank/question-variants.ts";
import type { InteractionRepository, ScheduleRecord, ScheduleRepository, ServedRepository } from "../../core/ports.ts";
import { VariantJson } from "../sqlite-attempt-store.ts";
import { changedOne, json, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const ScheduleRow = z.object({ question_id: z.string(), due_at: time, state: z.unknown() });

function toSchedule(row: unknown): ScheduleRecord {
  const r = ScheduleRow.parse(row);
  return { question: r.question_id, dueAt: r.due_at, state: r.state };
}

const KEY = "course_id = $1 AND user_id = $2 AND question_id = $3";

export class PgScheduleStore implements ScheduleRepository {
  constructor(private readonly sql: SqlClient) {}

  async get(course: string, user: string, question: string): Promise<ScheduleRecord | null> {
    const [row] = await this.sql.query(`SELECT question_id, due_at, state FROM schedules WHERE ${KEY}`, [course, user, question]);
    return row ? toSchedule(row) : null;
  }

  async put(course: string, user: string, r: ScheduleRecord): Promise<void> {
    await this.sql.query(`INSERT INTO schedules (course_id, user_id, question_id, due_at, state) VALUES ($1, $2, $3, $4, $5::jsonb)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET due_at = excluded.due_at, state = excluded.state`,
    [course, user, r.question, r.dueAt.getTime(), json(r.state)]);
  }

  async forUser(course: string, user: string): Promise<ScheduleRecord[]> {
    const rows = await this.sql.query("SELECT question_id, due_at, state FROM schedules WHERE course_id = $1 AND user_id = $2 ORDER BY due_at", [course, user]);
    return rows.map(toSchedule);
  }
}

/** Replies to platform deliveries: the first process to remember one keeps it (ON CONFLICT DO NOTHING). */
export class PgInteractionStore implements InteractionRepository {
  constructor(private readonly sql: SqlClient) {}

  // A claimed delivery whose work is running holds an empty reply, as in SQLite.
  async find(id: string): Promise<string | null> {
    const [row] = await this.sql.query("SELECT reply FROM interactions WHERE id = $1 AND reply <> ''", [id]);
    return row ? z.string().parse(row.reply) : null;
  }

  async claim(id: string, at: Date, staleBefore: Date): Promise<boolean> {
    // One statement: a new claim, or a stale one taken over; the row lock settles a race.
    const rows = await this.sql.query(`INSERT INTO interactions (id, reply, created_at) VALUES ($1, '', $2)
      ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at WHERE interactions.reply = '' AND interactions.created_at < $3
      RETURNING id`, [id, at.getTime(), staleBefore.getTime()]);
    return rows.length === 1;
  }

  async remember(id: string, reply: string, at: Date): Promise<void> {
    await this.sql.query(`INSERT INTO interactions (id, reply, created_at) VALUES ($1, $2, $3)
      ON CONFLICT (id) DO UPDATE SET reply = excluded.reply, created_at = excluded.created_at WHERE interactions.reply = ''`, [id, reply, at.getTime()]);
  }

  async prune(before: Date): Promise<number> {
    const [row] = await this.sql.query("WITH gone AS (DELETE FROM interactions WHERE created_at < $1 RETURNING 1) SELECT count(*) AS n FROM gone", [before.getTime()]);
    return z.number().parse(row?.n);
  }
}

export class PgServedStore implements ServedRepository {
  constructor(private readonly sql: SqlClient) {}

  async mark(course: string, user: string, question: string, at: Date, variant?: QuestionVariant | null): Promise<void> {
    await this.sql.query(`INSERT INTO served (course_id, user_id, question_id, served_at, variant) VALUES ($1, $2, $3, $4, $5::jsonb)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET served_at = excluded.served_at, variant = excluded.variant`,
    [course, user, question, at.getTime(), variant ? json(variant) : null]);
  }

  async variant(course: string, user: string, question: string): Promise<QuestionVariant | null> {
    const [row] = await this.sql.query(`SELECT variant FROM served WHERE ${KEY}`, [course, user, question]);
    return VariantJson.nullable().parse(row?.variant ?? null);
  }

  async has(course: string, user: string, question: string): Promise<boolean> {
    return (await this.sql.query(`SELECT 1 FROM served WHERE ${KEY}`, [course, user, question])).length > 0;
  }

  async solutionSeen(course: string, user: string, question: string, at: Date): Promise<void> {
    await this.sql.query(`INSERT INTO served (course_id, user_id, question_id, served_at, solution_seen_at) VALUES ($1, $2, $3, $4, $4)
      ON CONFLICT (course_id, user_id, question_id) DO UPDATE SET solution_seen_at = excluded.solution_seen_at`,
    [course, user, question, at.getTime()]);
  }

  async takeSolutionSeen(course: string, user: string, question: string): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE served SET solution_seen_at = NULL
      WHERE ${KEY} AND solution_seen_at IS NOT NULL RETURNING 1`, [course, user, question]));
  }

  async climbHints(course: string, user: string, question: string, rung: number): Promise<number> {
    // One statement: two presses at once still climb one rung each, and never down.
    const [row] = await this.sql.query(`UPDATE served SET hints_shown = greatest(hints_shown, $4)
      WHERE ${KEY} RETURNING hints_shown`, [course, user, question, rung]);
    return z.number().int().parse(row?.hints_shown ?? 0);
  }

  async hintsShown(course: string, user: string, question: string): Promise<number> {
    const [row] = await this.sql.query(`SELECT hints_shown FROM served WHERE ${KEY}`, [course, user, question]);
    return z.number().int().parse(row?.hints_shown ?? 0);
  }

  async resetHints(course: string, user: string, question: string): Promise<void> {
    await this.sql.query(`UPDATE served SET hints_shown = 0 WHERE ${KEY}`, [course, user, question]);
  }
}
