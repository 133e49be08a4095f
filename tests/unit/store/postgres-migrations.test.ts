import { describe, expect, it } from "vitest";
import { openDatabase, readMigrations } from "../../../src/store/database.ts";
import { readPostgresMigrations } from "../../../src/store/postgres/pg-migrations.ts";
import { tempDbFile } from "../../fakes/temp-files.ts";

describe("migrations for both engines", () => {
  it("number and name PostgreSQL's migrations as SQLite's, one for one", () => {
    const sqlite = readMigrations().map((m) => m.name);
    expect(sqlite.length).toBeGreaterThanOrEqual(11);
    expect(readPostgresMigrations().map((m) => m.name)).toEqual(sqlite);
    expect(readPostgresMigrations().map((m) => m.version)).toEqual(sqlite.map((_, i) => i + 1));
  });

  it("settle what an older SQLite file held before one open exam and one open regrade became constraints", () => {
    const file = tempDbFile();
    const before = openDatabase(file, readMigrations().filter((m) => m.version < 11));
    before.exec(`INSERT INTO exam_sessions (id, course_id, user_id, exam_id, started_at, deadline) VALUES
        (1, 'c', 'u:ana', 'midterm', 0, 100), (2, 'c', 'u:ana', 'quiz', 50, 150), (3, 'c', 'u:ben', 'midterm', 0, 100);
      INSERT INTO attempts (id, course_id, user_id, question_id, mode, exam_session, answer, score, max, items, feedback, needs_review, grader_version, created_at)
        VALUES (1, 'c', 'u:ana', '1a', 'exam', 1, 'x', 2, 5, '[]', '[]', 0, '1', 0);
      INSERT INTO regrades (id, course_id, user_id, question_id, attempt_id, grader, reason, score_before, created_at) VALUES
        (1, 'c', 'u:ana', '1a', 1, 'Ken', 'first', 2, 10), (2, 'c', 'u:ana', '1a', 1, 'Ken', 'again', 2, 11);`);
    before.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare("SELECT id, submitted_at, submitted_by FROM exam_sessions ORDER BY id").all()).toEqual([
        { id: 1, submitted_at: 100, submitted_by: "deadline" },
        { id: 2, submitted_at: null, submitted_by: null },
        { id: 3, submitted_at: null, submitted_by: null },
      ]);
      expect(db.prepare("SELECT id, resolved_at, score_after FROM regrades ORDER BY id").all()).toEqual([
        { id: 1, resolved_at: null, score_after: null },
        { id: 2, resolved_at: 11, score_after: 2 },
      ]);
      expect(() => db.exec("INSERT INTO exam_sessions (course_id, user_id, exam_id, started_at, deadline) VALUES ('c', 'u:ben', 'quiz', 0, 1)"))
        .toThrow(/UNIQUE constraint failed/);
    } finally {
      db.close();
    }
  });
});
