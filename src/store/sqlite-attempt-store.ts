import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { AttemptFile, AttemptRecord, AttemptRepository, AutomaticGrade, NewAttempt, QuestionSummary } from "../core/ports.ts";
import type { Db } from "./database.ts";

const AttemptRow = z.object({
  id: z.number(),
  course_id: z.string(),
  user_id: z.string(),
  question_id: z.string(),
  mode: z.enum(["practice", "exam"]),
  exam_session: z.number().nullable(),
  answer: z.string(),
  justification: z.string().nullable(),
  score: z.number(),
  max: z.number(),
  items: z.string(),
  feedback: z.string(),
  needs_review: z.number(),
  grader_version: z.string(),
  created_at: z.number(),
  reviewed_by: z.string().nullable(),
  hints_used: z.number(),
  mistakes: z.string(),
  variant: z.string().nullable(),
});

/** A stored variant: its seed and values, parsed on the way out like every JSON column. */
export const VariantJson = z.object({ seed: z.number(), values: z.record(z.string(), z.number()) });

/** A variant column's value: null stays null (the exam's own numbers). */
export function parseVariant(text: string | null | undefined): AttemptRecord["variant"] {
  return text ? VariantJson.parse(JSON.parse(text)) : null;
}

const FileRow = z.object({ name: z.string(), content_type: z.string(), bytes: z.instanceof(Buffer) });

const SummaryRow = z.object({
  question_id: z.string(),
  attempts: z.number(),
  best: z.number(),
  latest: z.number(),
  full_marks: z.number(),
  latest_needs_review: z.number(),
  last_at: z.number(),
  latest_hints: z.number(),
});

/** Parses a row as it comes out of SQLite, so a schema drift fails loudly here and not in a reply. */
export function toAttempt(row: unknown): AttemptRecord {
  const r = AttemptRow.parse(row);
  return {
    id: r.id,
    course: r.course_id,
    user: r.user_id,
    question: r.question_id,
    mode: r.mode,
    examSession: r.exam_session,
    answer: r.answer,
    justification: r.justification,
    score: r.score,
    max: r.max,
    items: JSON.parse(r.items) as AttemptRecord["items"],
    feedback: JSON.parse(r.feedback) as string[],
    needsReview: r.needs_review === 1,
    graderVersion: r.grader_version,
    createdAt: new Date(r.created_at),
    reviewedBy: r.reviewed_by,
    hintsUsed: r.hints_used,
    mistakes: z.array(z.string()).parse(JSON.parse(r.mistakes)),
    variant: parseVariant(r.variant),
  };
}

/** Every time zone's offset is a whole number of quarter hours, and changes on one. */
const QUARTER_HOUR = 900_000;

export class SqliteAttemptStore implements Sync<AttemptRepository> {
  private readonly insert;
  private readonly byUser;
  private readonly bySession;
  private readonly byId;
  private readonly byQuestion;
  private readonly byInteraction;
  private readonly summary;
  private readonly quarterHours;
  private readonly regrade;
  private readonly insertFile;
  private readonly filesOf;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO attempts
      (course_id, user_id, question_id, mode, exam_session, answer, justification, score, max, items, feedback,
       needs_review, grader_version, created_at, interaction_id, hints_used, mistakes, variant)
      VALUES (@course, @user, @question, @mode, @examSession, @answer, @justification, @score, @max, @items,
       @feedback, @needsReview, @graderVersion, @createdAt, @interactionId, @hintsUsed, @mistakes, @variant)
      ON CONFLICT (interaction_id) WHERE interaction_id IS NOT NULL DO NOTHING`);
    this.byInteraction = db.prepare("SELECT * FROM attempts WHERE interaction_id = ?");
    // Per question: the counts in one grouped pass, then the latest attempt (highest id) joined in.
    this.summary = db.prepare(`SELECT g.question_id, g.attempts, g.best, g.full_marks, a.score AS latest,
        a.needs_review AS latest_needs_review, a.created_at AS last_at, a.hints_used AS latest_hints
      FROM (SELECT question_id, count(*) AS attempts, max(score) AS best, sum(score >= max - 1e-9) AS full_marks,
              max(id) AS last_id
            FROM attempts WHERE course_id = ? AND user_id = ? AND mode = ? GROUP BY question_id) g
      JOIN attempts a ON a.id = g.last_id`);
    this.quarterHours = db.prepare(`SELECT DISTINCT created_at / ${QUARTER_HOUR} AS slot FROM attempts
      WHERE course_id = ? AND user_id = ? AND mode = ? ORDER BY slot`).pluck();
    this.byUser = db.prepare("SELECT * FROM attempts WHERE course_id = ? AND user_id = ? ORDER BY id");
    this.bySession = db.prepare("SELECT * FROM attempts WHERE exam_session = ? ORDER BY id");
    this.byId = db.prepare("SELECT * FROM attempts WHERE id = ?");
    this.byQuestion = db.prepare("SELECT * FROM attempts WHERE course_id = ? AND question_id = ? ORDER BY id");
    // The condition is the guard: a TA's grade set in between is never overwritten.
    this.regrade = db.prepare(`UPDATE attempts SET score = @score, items = @items, feedback = @feedback,
      needs_review = @needsReview, grader_version = @graderVersion WHERE id = @id AND reviewed_by IS NULL RETURNING *`);
    this.insertFile = db.prepare("INSERT INTO attempt_files (attempt_id, name, content_type, bytes) VALUES (?, ?, ?, ?)");
    this.filesOf = db.prepare("SELECT name, content_type, bytes FROM attempt_files WHERE attempt_id = ? ORDER BY id");
  }

  add(a: NewAttempt): AttemptRecord {
    const info = this.insert.run({
      course: a.course,
      user: a.user,
      question: a.question,
      mode: a.mode,
      examSession: a.examSession,
      answer: a.answer,
      justification: a.justification,
      score: a.score,
      max: a.max,
      graderVersion: a.graderVersion,
      interactionId: a.interactionId ?? null,
      items: JSON.stringify(a.items),
      feedback: JSON.stringify(a.feedback),
      needsReview: a.needsReview ? 1 : 0,
      createdAt: a.createdAt.getTime(),
      hintsUsed: a.hintsUsed ?? 0,
      mistakes: JSON.stringify(a.mistakes ?? []),
      variant: a.variant ? JSON.stringify(a.variant) : null,
    });
    if (info.changes === 0) return toAttempt(this.byInteraction.get(a.interactionId));
    const id = Number(info.lastInsertRowid);
    for (const f of a.files ?? []) this.insertFile.run(id, f.name, f.contentType, f.bytes);
    const { interactionId: _, files: _files, ...stored } = a;
    return { ...stored, id, reviewedBy: null, hintsUsed: a.hintsUsed ?? 0, mistakes: a.mistakes ?? [], variant: a.variant ?? null };
  }

  files(attemptId: number): AttemptFile[] {
    return this.filesOf.all(attemptId).map((row) => {
      const r = FileRow.parse(row);
      return { name: r.name, contentType: r.content_type, bytes: r.bytes };
    });
  }

  forUser(course: string, user: string): AttemptRecord[] {
    return this.byUser.all(course, user).map(toAttempt);
  }

  summarize(course: string, user: string, mode: AttemptRecord["mode"]): QuestionSummary[] {
    return this.summary.all(course, user, mode).map((row) => {
      const r = SummaryRow.parse(row);
      return {
        question: r.question_id, attempts: r.attempts, best: r.best, latest: r.latest, fullMarks: r.full_marks,
        latestNeedsReview: r.latest_needs_review === 1, lastAt: new Date(r.last_at), latestHints: r.latest_hints,
      };
    });
  }

  activeTimes(course: string, user: string, mode: AttemptRecord["mode"]): number[] {
    return z.array(z.number().int()).parse(this.quarterHours.all(course, user, mode)).map((slot) => slot * QUARTER_HOUR);
  }

  forSession(session: number): AttemptRecord[] {
    return this.bySession.all(session).map(toAttempt);
  }

  forQuestion(course: string, question: string): AttemptRecord[] {
    return this.byQuestion.all(course, question).map(toAttempt);
  }

  get(id: number): AttemptRecord | null {
    const row = this.byId.get(id);
    return row ? toAttempt(row) : null;
  }

  setAutomaticGrade(id: number, grade: AutomaticGrade): AttemptRecord | null {
    const row = this.regrade.get({
      id,
      score: grade.score,
      items: JSON.stringify(grade.items),
      feedback: JSON.stringify(grade.feedback),
      needsReview: grade.needsReview ? 1 : 0,
      graderVersion: grade.graderVersion,
    });
    return row ? toAttempt(row) : null;
  }
}
