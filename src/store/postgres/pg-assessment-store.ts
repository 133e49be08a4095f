import { z } from "zod";
import type { AssessmentQuestion, AssessmentRepository, ImportedScore } from "../../core/ta/ta-ports.ts";
import { json, time } from "./pg-rows.ts";
import type { SqlClient } from "./sql-client.ts";

const ScoreRow = z.object({ student: z.string(), name: z.string(), section: z.string().nullable(), score: z.number(), questions: z.record(z.string(), z.number()) });
const Questions = z.array(z.object({ id: z.string(), title: z.string(), max: z.number().nullable() }));
const ListRow = z.object({ name: z.string(), count: z.number(), imported_at: time });

/** An assessment's name as stored, matched without regard to case (SQLite: COLLATE NOCASE). */
const NAMED = "course_id = $1 AND lower(name) = lower($2)";

/** Scores of paper assessments imported from a gradebook export (Gradescope CSV). */
export class PgAssessmentStore implements AssessmentRepository {
  constructor(private readonly sql: SqlClient) {}

  replace(course: string, assessment: string, scores: ImportedScore[], at: Date, questions: AssessmentQuestion[] = []): Promise<{ previous: number }> {
    return this.sql.transaction(async (tx) => {
      // Two imports of one assessment take turns (its row may not exist yet, so no row lock would do).
      await tx.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext(lower($2)))", [course, assessment]);
      const [count] = await tx.query("SELECT count(*) AS n FROM imported_scores WHERE course_id = $1 AND lower(assessment) = lower($2)", [course, assessment]);
      // Deleting the assessment cascades to its scores.
      await tx.query(`DELETE FROM assessments WHERE ${NAMED}`, [course, assessment]);
      await tx.query("INSERT INTO assessments (course_id, name, imported_at, questions) VALUES ($1, $2, $3, $4::jsonb)", [course, assessment, at.getTime(), json(questions)]);
      await tx.query(`INSERT INTO imported_scores (course_id, assessment, student, name, section, score, questions)
        SELECT $1, $2, s.student, s.name, s.section, s.score, coalesce(s.questions, '{}')
        FROM jsonb_to_recordset($3::jsonb) AS s(student text, name text, section text, score double precision, questions jsonb)`,
      [course, assessment, json(scores)]);
      return { previous: z.number().parse(count?.n) };
    });
  }

  async remove(course: string, assessment: string): Promise<boolean> {
    return (await this.sql.query(`DELETE FROM assessments WHERE ${NAMED} RETURNING 1`, [course, assessment.trim()])).length > 0;
  }

  async questions(course: string, assessment: string): Promise<AssessmentQuestion[]> {
    const [row] = await this.sql.query(`SELECT questions FROM assessments WHERE ${NAMED}`, [course, assessment.trim()]);
    return row ? Questions.parse(row.questions) : [];
  }

  async find(course: string, name: string): Promise<string | null> {
    const [row] = await this.sql.query(`SELECT name FROM assessments WHERE ${NAMED}`, [course, name.trim()]);
    return row ? z.string().parse(row.name) : null;
  }

  async list(course: string): Promise<{ name: string; count: number; importedAt: Date }[]> {
    const rows = await this.sql.query(`SELECT a.name, a.imported_at, (SELECT count(*) FROM imported_scores s
      WHERE s.course_id = a.course_id AND s.assessment = a.name) AS count FROM assessments a WHERE a.course_id = $1
      ORDER BY lower(a.name) COLLATE "C"`, [course]);
    return rows.map((row) => {
      const r = ListRow.parse(row);
      return { name: r.name, count: r.count, importedAt: r.imported_at };
    });
  }

  async scores(course: string, assessment: string): Promise<ImportedScore[]> {
    const rows = await this.sql.query(`SELECT student, name, section, score, questions FROM imported_scores
      WHERE course_id = $1 AND lower(assessment) = lower($2) ORDER BY name COLLATE "C", student COLLATE "C"`, [course, assessment]);
    return rows.map((row) => {
      const { questions, ...r } = ScoreRow.parse(row);
      return Object.keys(questions).length ? { ...r, questions } : r;
    });
  }
}
