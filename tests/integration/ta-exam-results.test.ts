import { afterEach, describe, expect, it } from "vitest";
import type { NewAttempt } from "../../src/core/ports.ts";
import { openDatabase, readMigrations } from "../../src/store/database.ts";
import { createSqliteStore, type SqliteStore } from "../../src/store/sqlite-store.ts";
import { ConsoleDriver } from "../fakes/console-driver.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const at = new Date("2026-11-28T10:00:00Z");
const answer = (store: SqliteStore, user: string, session: number, question: string, score: number) =>
  store.attempts.add({
    course: "c", user, question, mode: "exam", examSession: session, answer: "x", justification: null, score, max: 5,
    items: [], feedback: [], needsReview: false, graderVersion: "1", createdAt: at,
  } satisfies NewAttempt);

let stores: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

describe("the mock exam's results (exam_results, kept by triggers)", () => {
  it("counts the last answer to each question of each student's latest submitted session, TA changes included", async () => {
    const store = createSqliteStore(tempDbFile());
    stores.push(store);
    await store.enrollments.upsertUser("u:ana", "Ana");
    const first = await store.examSessions.start("c", "u:ana", "midterm", at, at);
    await answer(store, "u:ana", first.id, "1a", 5);
    await store.examSessions.submit(first.id, at, "student");
    const second = await store.examSessions.start("c", "u:ana", "midterm", at, at);
    const old = await answer(store, "u:ana", second.id, "1a", 1);
    const last = await answer(store, "u:ana", second.id, "1a", 3);
    await answer(store, "u:ana", second.id, "2a", 0);
    // Not submitted yet: the first session still counts.
    expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ session: first.id, total: 5 }]);
    await store.examSessions.submit(second.id, at, "student");
    expect(await store.ta.examResults.latest("c", "midterm")).toEqual([{ user: "u:ana", name: "Ana", section: null, studentId: null, session: second.id, total: 3, scores: { "1a": 3, "2a": 0 } }]);

    const change = { items: [], by: "u:tara", source: "review" as const, note: null, at };
    await store.ta.grades.replace({ ...change, attempt: old.id, score: 5 }); // superseded: does not count
    await store.ta.grades.replace({ ...change, attempt: last.id, score: 4 });
    expect((await store.ta.examResults.latest("c", "midterm"))[0]).toMatchObject({ total: 4, scores: { "1a": 4, "2a": 0 } });
  });

  it("is filled from the attempts a file already had when the migration runs", async () => {
    const file = tempDbFile();
    const old = openDatabase(file, readMigrations().slice(0, 1));
    old.exec(`INSERT INTO exam_sessions (id, course_id, user_id, exam_id, started_at, deadline, submitted_at, submitted_by) VALUES (7, 'c', 'u:bo', 'midterm', 0, 1, 1, 'student');
      INSERT INTO attempts (course_id, user_id, question_id, mode, exam_session, answer, score, max, items, feedback, needs_review, grader_version, created_at)
      VALUES ('c', 'u:bo', '3a', 'exam', 7, 'x', 2, 5, '[]', '[]', 0, '1', 0), ('c', 'u:bo', '3a', 'exam', 7, 'y', 4, 5, '[]', '[]', 0, '1', 0),
             ('c', 'u:bo', '5', 'exam', 7, 'z', 6, 6, '[]', '[]', 0, '1', 0);`);
    old.close();
    const store = createSqliteStore(file);
    stores.push(store);
    expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ user: "u:bo", total: 10, scores: { "3a": 4, "5": 6 } }]);
  });
});

describe("/stats of the mock exam", () => {
  it("counts each student's submitted exam, bonus included, with per-question figures", async () => {
    const d = new ConsoleDriver();
    try {
      for (const [user, line] of [["ana", "/answer 3a false, because regularization improves generalization to the test set"], ["ben", "/answer 3a true"]] as const) {
        await d.say(user, "/enroll C247");
        await d.say(user, "/exam start");
        await d.say(user, line);
        await d.say(user, "/answer 2b z - y");
        await d.say(user, "/exam submit confirm");
      }
      const [json] = await d.json("tara", "/stats", "ta");
      const stats = json!.stats as { overall: { n: number; high: number; mean: number }; sections: Record<string, { n: number }>; questions: { question: string; mean: number; fullShare: number; discrimination: number | null }[] };
      expect(stats.overall).toMatchObject({ n: 2, high: 9, mean: 6.5 });
      expect(stats.sections).toMatchObject({ C247: { n: 2 } });
      const q = (id: string) => stats.questions.find((x) => x.question === id)!;
      expect(q("3a")).toMatchObject({ mean: 2.5, fullShare: 0.5, discrimination: 1 });
      expect(q("2b")).toMatchObject({ mean: 4, discrimination: null }); // both got 4: it cannot discriminate
      expect(json!.text).toMatch(/3a\s+2\.5\/5\s+50%\s+1\.00/);
    } finally {
      await d.close();
    }
  });
});
