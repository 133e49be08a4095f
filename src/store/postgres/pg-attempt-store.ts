import { z } from "zod";
import type { AttemptFile, AttemptRecord, AttemptRepository, AutomaticGrade, NewAttempt, QuestionSummary } from "../../core/ports.ts";
import { json, time, toAttempt } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const FileRow = z.object({ name: z.string(), content_type: z.string(), bytes: z.instanceof(Buffer) });

const SummaryRow = z.object({
  question_id: z.string(),
  attempts: z.number(),
  best: z.number(),
  latest: z.number(),
  full_marks: z.number(),
  latest_needs_review: z.boolean(),
  last_at: time,
  latest_hints: z.number(),
});

/** Every time zone's offset is a whole number of quarter hours, and changes on one. */
const QUARTER_HOUR = 900_000;

const INSERT = `INSERT INTO attempts
  (course_id, user_id, question_id, mode, exam_session, answer, justification, score, max, items, feedback,
   needs_review, grader_version, created_at, interaction_id, hints_used, mistakes, variant)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17::jsonb, $18::jsonb)
  ON CONFLICT (interaction_id) WHERE interaction_id IS NOT NULL DO NOTHING
  RETURNING id`;

/** Answers and their grades in PostgreSQL: the SQLite store's behaviour, statement for statement. */
export class PgAttemptStore implements AttemptRepository {
  constructor(private readonly sql: SqlClient) {}

  async add(a: NewAttempt): Promise<AttemptRecord> {
    // With files, the answer and its files are stored together or not at all.
    const store = (sql: SqlClient) => this.insert(sql, a);
    return a.files?.length ? this.sql.transaction(store) : store(this.sql);
  }

  private async insert(sql: SqlClient, a: NewAttempt): Promise<AttemptRecord> {
    const [inserted] = await sql.query<{ id: number }>(INSERT, [
      a.course, a.user, a.question, a.mode, a.examSession, a.answer, a.justification, a.score, a.max,
      json(a.items), json(a.feedback), a.needsReview, a.graderVersion, a.createdAt.getTime(), a.interactionId ?? null,
      a.hintsUsed ?? 0, json(a.mistakes ?? []), a.variant ? json(a.variant) : null,
    ]);
    // A retried delivery: the first attempt it carried (ON CONFLICT waited for it to commit).
    if (!inserted) return toAttempt((await sql.query("SELECT * FROM attempts WHERE interaction_id = $1", [a.interactionId]))[0]);
    for (const f of a.files ?? []) {
      await sql.query("INSERT INTO attempt_files (attempt_id, name, content_type, bytes) VALUES ($1, $2, $3, $4)", [inserted.id, f.name, f.contentType, f.bytes]);
    }
    const { interactionId: _, files: _files, ...stored } = a;
    return { ...stored, id: inserted.id, reviewedBy: null, hintsUsed: a.hintsUsed ?? 0, mistakes: a.mistakes ?? [], variant: a.variant ?? null };
  }

  async files(attemptId: number): Promise<AttemptFile[]> {
    const rows = await this.sql.query("SELECT name, content_type, bytes FROM attempt_files WHERE attempt_id = $1 ORDER BY id", [attemptId]);
    return rows.map((row) => {
      const r = FileRow.parse(row);
      return { name: r.name, contentType: r.content_type, bytes: r.bytes };
    });
  }

  async forUser(course: string, user: string): Promise<AttemptRecord[]> {
    return (await this.sql.query("SELECT * FROM attempts WHERE course_id = $1 AND user_id = $2 ORDER BY id", [course, user])).map(toAttempt);
  }

  async summarize(course: string, user: string, mode: AttemptRecord["mode"]): Promise<QuestionSummary[]> {
    // Per question: the counts in one grouped pass, then the latest attempt (highest id) joined in.
    const rows = await this.sql.query(`SELECT g.question_id, g.attempts, g.best, g.full_marks, a.score AS latest,
        a.needs_review AS latest_needs_review, a.created_at AS last_at, a.hints_used AS latest_hints
      FROM (SELECT question_id, count(*) AS attempts, max(score) AS best,
              count(*) FILTER (WHERE score >= max - 1e-9) AS full_marks, max(id) AS last_id
            FROM attempts WHERE course_id = $1 AND user_id = $2 AND mode = $3 GROUP BY question_id) g
      JOIN attempts a ON a.id = g.last_id
      ORDER BY g.question_id COLLATE "C"`, [course, user, mode]);
    return rows.map((row) => {
      const r = SummaryRow.parse(row);
      return {
        question: r.question_id, attempts: r.attempts, best: r.best, latest: r.latest, fullMarks: r.full_marks,
        latestNeedsReview: r.latest_needs_review, lastAt: r.last_at, latestHints: r.latest_hints,
      };
    });
  }

  async activeTimes(course: string, user: string, mode: AttemptRecord["mode"]): Promise<number[]> {
    const rows = await this.sql.query<{ slot: number }>(`SELECT DISTINCT created_at / ${QUARTER_HOUR} AS slot FROM attempts
      WHERE course_id = $1 AND user_id = $2 AND mode = $3 ORDER BY slot`, [course, user, mode]);
    return z.array(z.number().int()).parse(rows.map((r) => r.slot)).map((slot) => slot * QUARTER_HOUR);
  }

  async forSession(session: number): Promise<AttemptRecord[]> {
    return (await this.sql.query("SELECT * FROM attempts WHERE exam_session = $1 ORDER BY id", [session])).map(toAttempt);
  }

  async forQuestion(course: string, question: string): Promise<AttemptRecord[]> {
    return (await this.sql.query("SELECT * FROM attempts WHERE course_id = $1 AND question_id = $2 ORDER BY id", [course, question])).map(toAttempt);
  }

  async get(id: number): Promise<AttemptRecord | null> {
    const [row] = await this.sql.query("SELECT * FROM attempts WHERE id = $1", [id]);
    return row ? toAttempt(row) : null;
  }

  async setAutomaticGrade(id: number, grade: AutomaticGrade): Promise<AttemptRecord | null> {
    // The condition is the guard: a TA's grade set in between is never overwritten.
    const [row] = await this.sql.query(`UPDATE attempts SET score = $2, items = $3::jsonb, feedback = $4::jsonb,
      needs_review = $5, grader_version = $6 WHERE id = $1 AND reviewed_by IS NULL RETURNING *`,
    [id, grade.score, json(grade.items), json(grade.feedback), grade.needsReview, grade.graderVersion]);
    return row ? toAttempt(row) : null;
  }
}
