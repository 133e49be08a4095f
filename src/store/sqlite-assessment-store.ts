import type { Sync } from "./asynchronous.ts";
import { z } from "zod";
import type { AssessmentQuestion, AssessmentRepository, ImportedScore } from "../core/ta/ta-ports.ts";
import type { Db } from "./database.ts";

const ScoreRow = z.object({ student: z.string(), name: z.string(), section: z.string().nullable(), score: z.number(), questions: z.string() });
const PerQuestion = z.record(z.string(), z.number());
const Questions = z.array(z.object({ id: z.string(), title: z.string(), max: z.number().nullable() }));
const ListRow = z.object({ name: z.string(), count: z.number(), imported_at: z.number() });

/** Scores of paper assessments imported from a gradebook export (Gradescope CSV). */
export class SqliteAssessmentStore implements Sync<AssessmentRepository> {
  private readonly countStmt;
  private readonly deleteStmt;
  private readonly insertAssessment;
  private readonly insertScore;
  private readonly findStmt;
  private readonly listStmt;
  private readonly scoresStmt;
  private readonly questionsStmt;

  constructor(private readonly db: Db) {
    this.countStmt = db.prepare("SELECT count(*) FROM imported_scores WHERE course_id = ? AND assessment = ?").pluck();
    // Deleting the assessment cascades to its scores.
    this.deleteStmt = db.prepare("DELETE FROM assessments WHERE course_id = ? AND name = ?");
    this.insertAssessment = db.prepare("INSERT INTO assessments (course_id, name, imported_at, questions) VALUES (?, ?, ?, ?)");
    this.insertScore = db.prepare(`INSERT INTO imported_scores (course_id, assessment, student, name, section, score, questions)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.questionsStmt = db.prepare("SELECT questions FROM assessments WHERE course_id = ? AND name = ?").pluck();
    this.findStmt = db.prepare("SELECT name FROM assessments WHERE course_id = ? AND name = ?").pluck();
    this.listStmt = db.prepare(`SELECT a.name, a.imported_at, (SELECT count(*) FROM imported_scores s
      WHERE s.course_id = a.course_id AND s.assessment = a.name) AS count FROM assessments a WHERE a.course_id = ? ORDER BY a.name`);
    this.scoresStmt = db.prepare("SELECT student, name, section, score, questions FROM imported_scores WHERE course_id = ? AND assessment = ? ORDER BY name, student");
  }

  replace(course: string, assessment: string, scores: ImportedScore[], at: Date, questions: AssessmentQuestion[] = []): { previous: number } {
    // IMMEDIATE: it reads before it writes, and a read transaction cannot become a write one once
    // another process (a bot storing answers) has committed since; inside a transaction, a savepoint.
    return this.db.transaction(() => {
      const previous = Number(this.countStmt.get(course, assessment));
      this.deleteStmt.run(course, assessment);
      this.insertAssessment.run(course, assessment, at.getTime(), JSON.stringify(questions));
      for (const s of scores) this.insertScore.run(course, assessment, s.student, s.name, s.section, s.score, JSON.stringify(s.questions ?? {}));
      return { previous };
    }).immediate();
  }

  remove(course: string, assessment: string): boolean {
    return this.deleteStmt.run(course, assessment.trim()).changes > 0;
  }

  questions(course: string, assessment: string): AssessmentQuestion[] {
    const json = this.questionsStmt.get(course, assessment.trim());
    return typeof json === "string" ? Questions.parse(JSON.parse(json)) : [];
  }

  find(course: string, name: string): string | null {
    const found = this.findStmt.get(course, name.trim());
    return typeof found === "string" ? found : null;
  }

  list(course: string): { name: string; count: number; importedAt: Date }[] {
    return this.listStmt.all(course).map((row) => {
      const r = ListRow.parse(row);
      return { name: r.name, count: r.count, importedAt: new Date(r.imported_at) };
    });
  }

  scores(course: string, assessment: string): ImportedScore[] {
    return this.scoresStmt.all(course, assessment).map((row) => {
      const { questions, ...r } = ScoreRow.parse(row);
      const perQuestion = PerQuestion.parse(JSON.parse(questions));
      return Object.keys(perQuestion).length ? { ...r, questions: perQuestion } : r;
    });
  }
}
