import { z } from "zod";
import type { GraderAssignmentRepository, RegradeRecord, RegradeRepository } from "../../core/ta/ta-ports.ts";
import { changedOne, maybeTime, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const RegradeRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  question_id: z.string(),
  attempt_id: z.number(),
  grader: z.string(),
  reason: z.string(),
  score_before: z.number(),
  created_at: time,
  resolved_at: maybeTime,
  resolved_by: z.string().nullable(),
  score_after: z.number().nullable(),
  note: z.string().nullable(),
});

function toRegrade(row: unknown): RegradeRecord {
  const r = RegradeRow.parse(row);
  return {
    id: r.id, course: r.course_id, user: r.user_id, question: r.question_id, attempt: r.attempt_id, grader: r.grader,
    reason: r.reason, scoreBefore: r.score_before, createdAt: r.created_at,
    resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, scoreAfter: r.score_after, note: r.note,
  };
}

const COLUMNS = "id, course_id, user_id, question_id, attempt_id, grader, reason, score_before, created_at, resolved_at, resolved_by, score_after, note";

export class PgRegradeStore implements RegradeRepository {
  constructor(private readonly sql: SqlClient) {}

  async add(r: Omit<RegradeRecord, "id" | "resolvedAt" | "resolvedBy" | "scoreAfter" | "note">): Promise<RegradeRecord> {
    // A second open request for the attempt breaks regrades_one_open (011): the service says so.
    const [row] = await this.sql.query(`INSERT INTO regrades (course_id, user_id, question_id, attempt_id, grader, reason, score_before, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [r.course, r.user, r.question, r.attempt, r.grader, r.reason, r.scoreBefore, r.createdAt.getTime()]);
    return toRegrade(row);
  }

  async get(id: number): Promise<RegradeRecord | null> {
    const [row] = await this.sql.query(`SELECT ${COLUMNS} FROM regrades WHERE id = $1`, [id]);
    return row ? toRegrade(row) : null;
  }

  async open(course: string): Promise<RegradeRecord[]> {
    return (await this.sql.query(`SELECT ${COLUMNS} FROM regrades WHERE course_id = $1 AND resolved_at IS NULL ORDER BY id`, [course])).map(toRegrade);
  }

  async openForAttempt(attempt: number): Promise<RegradeRecord | null> {
    const [row] = await this.sql.query(`SELECT ${COLUMNS} FROM regrades WHERE attempt_id = $1 AND resolved_at IS NULL ORDER BY id LIMIT 1`, [attempt]);
    return row ? toRegrade(row) : null;
  }

  async forUser(course: string, user: string): Promise<RegradeRecord[]> {
    return (await this.sql.query(`SELECT ${COLUMNS} FROM regrades WHERE course_id = $1 AND user_id = $2 ORDER BY id DESC`, [course, user])).map(toRegrade);
  }

  async resolved(course: string, limit: number): Promise<RegradeRecord[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM regrades WHERE course_id = $1 AND resolved_at IS NOT NULL
      ORDER BY resolved_at DESC, id DESC LIMIT $2`, [course, limit]);
    return rows.map(toRegrade);
  }

  async resolve(id: number, d: { by: string; score: number; note: string | null; at: Date }): Promise<boolean> {
    return changedOne(await this.sql.query(`UPDATE regrades SET resolved_at = $2, resolved_by = $3, score_after = $4, note = $5
      WHERE id = $1 AND resolved_at IS NULL RETURNING id`, [id, d.at.getTime(), d.by, d.score, d.note]));
  }
}

const AssignmentRow = z.object({ grader: z.string(), user_id: z.string() });

/** Graders are matched without regard to case (as SQLite's NOCASE column does); the first spelling stays. */
export class PgGraderAssignmentStore implements GraderAssignmentRepository {
  constructor(private readonly sql: SqlClient) {}

  async assign(course: string, grader: string, user: string): Promise<void> {
    await this.sql.query(`INSERT INTO grader_assignments (course_id, grader, user_id) VALUES ($1, $2, $3)
      ON CONFLICT (course_id, lower(grader)) DO UPDATE SET user_id = excluded.user_id`, [course, grader, user]);
  }

  async userFor(course: string, grader: string): Promise<string | null> {
    const [row] = await this.sql.query("SELECT user_id FROM grader_assignments WHERE course_id = $1 AND lower(grader) = lower($2)", [course, grader]);
    return row ? z.string().parse(row.user_id) : null;
  }

  async list(course: string): Promise<{ grader: string; user: string }[]> {
    const rows = await this.sql.query(`SELECT grader, user_id FROM grader_assignments WHERE course_id = $1
      ORDER BY lower(grader) COLLATE "C"`, [course]);
    return rows.map((row) => {
      const r = AssignmentRow.parse(row);
      return { grader: r.grader, user: r.user_id };
    });
  }
}
