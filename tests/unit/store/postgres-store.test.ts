import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NewAttempt } from "../../../src/core/ports.ts";
import { readPostgresMigrations } from "../../../src/store/postgres/pg-migrations.ts";
import { createPostgresStore, type PostgresStore } from "../../../src/store/postgres/postgres-store.ts";
import type { SqlClient } from "../../../src/store/postgres/sql-client.ts";
import { postgresTestEngines } from "../../fakes/pglite-client.ts";

const at = new Date("2026-11-28T10:00:00Z");
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

const attempt = (over: Partial<NewAttempt> = {}): NewAttempt => ({
  course: "c", user: "u:ana", question: "1a", mode: "practice", examSession: null, answer: "x", justification: null,
  score: 2, max: 5, items: [], feedback: [], needsReview: false, graderVersion: "1", createdAt: at, ...over,
});

for (const engine of postgresTestEngines()) {
  describe(`the PostgreSQL store on ${engine.name}`, () => {
    let opened: PostgresStore[] = [];
    let connect: () => SqlClient;
    /** A store on a new, empty schema; `again` opens another on the same one (another process). */
    const fresh = async () => {
      connect = await engine.fresh();
      return again();
    };
    const again = async () => {
      const store = await createPostgresStore(connect());
      opened.push(store);
      return store;
    };

    beforeAll(() => engine.setUp(), 180_000);
    afterEach(async () => {
      await Promise.all(opened.map((s) => s.close()));
      opened = [];
    });
    afterAll(() => engine.tearDown(), 60_000);

    it("migrates a new database once, records each migration by name, and refuses a newer schema", async () => {
      await fresh();
      await again(); // a second process finds the work done
      const client = connect();
      const rows = await client.query<{ version: number; name: string }>("SELECT version, name FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => r.name)).toEqual(readPostgresMigrations().map((m) => m.name));
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [999, "999_future.sql"]);
      await expect(createPostgresStore(client)).rejects.toThrow(/schema version 999, newer than this program knows/);
      await client.close();
    });

    it("stores an attempt with its JSON, files and variant, and a retried delivery once", async () => {
      const store = await fresh();
      const bytes = Buffer.from([0, 1, 2, 255]);
      const first = await store.attempts.add(attempt({
        items: [{ id: "a", label: "the bias", points: 2, earned: 1.5, note: "partly" }], feedback: ["close"], mistakes: ["dropped transpose"],
        variant: { seed: 7, values: { N: 28 } }, hintsUsed: 2, interactionId: "i-1", files: [{ name: "2a.png", contentType: "image/png", bytes }],
      }));
      const retried = await store.attempts.add(attempt({ answer: "other", interactionId: "i-1" }));
      expect(retried.id).toBe(first.id);
      expect(await store.attempts.get(first.id)).toEqual({ ...first, createdAt: at });
      expect(await store.attempts.files(first.id)).toEqual([{ name: "2a.png", contentType: "image/png", bytes }]);
      expect(await store.attempts.forUser("c", "u:ana")).toHaveLength(1);
    });

    it("sums a student's attempts per question and per quarter hour", async () => {
      const store = await fresh();
      await store.attempts.add(attempt({ score: 5, createdAt: at }));
      await store.attempts.add(attempt({ score: 1, createdAt: later(20), needsReview: true, hintsUsed: 1 }));
      await store.attempts.add(attempt({ question: "2b", score: 3, createdAt: later(25) }));
      expect(await store.attempts.summarize("c", "u:ana", "practice")).toEqual([
        { question: "1a", attempts: 2, best: 5, latest: 1, fullMarks: 1, latestNeedsReview: true, lastAt: later(20), latestHints: 1 },
        { question: "2b", attempts: 1, best: 3, latest: 3, fullMarks: 0, latestNeedsReview: false, lastAt: later(25), latestHints: 0 },
      ]);
      expect(await store.attempts.activeTimes("c", "u:ana", "practice")).toEqual([at.getTime(), later(15).getTime()]);
    });

    it("never overwrites a TA's grade with an automatic one", async () => {
      const store = await fresh();
      const a = await store.attempts.add(attempt({ needsReview: true }));
      expect(await store.attempts.setAutomaticGrade(a.id, { score: 4, items: [], feedback: ["ok"], needsReview: false, graderVersion: "2" })).toMatchObject({ score: 4, graderVersion: "2" });
      await store.ta.grades.replace({ attempt: a.id, score: 5, items: [], by: "u:tara", source: "review", note: null, at });
      expect(await store.attempts.setAutomaticGrade(a.id, { score: 0, items: [], feedback: [], needsReview: false, graderVersion: "3" })).toBeNull();
      expect(await store.ta.grades.history(a.id)).toEqual([{ attempt: a.id, oldScore: 4, newScore: 5, source: "review", by: "u:tara", note: null, at }]);
    });

    it("counts the last answer to each question of the latest submitted session, TA changes included", async () => {
      const store = await fresh();
      const answer = (session: number, question: string, score: number) =>
        store.attempts.add(attempt({ mode: "exam", examSession: session, question, score }));
      await store.enrollments.upsertUser("u:ana", "Ana");
      const first = await store.examSessions.start("c", "u:ana", "midterm", at, at);
      await answer(first.id, "1a", 5);
      await store.examSessions.submit(first.id, at, "student");
      const second = await store.examSessions.start("c", "u:ana", "midterm", at, at);
      const old = await answer(second.id, "1a", 1);
      const last = await answer(second.id, "1a", 3);
      await answer(second.id, "2a", 0.5);
      expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ session: first.id, total: 5 }]);
      await store.examSessions.submit(second.id, at, "student");
      expect(await store.ta.examResults.latest("c", "midterm")).toEqual([
        { user: "u:ana", name: "Ana", section: null, studentId: null, session: second.id, total: 3.5, scores: { "1a": 3, "2a": 0.5 } },
      ]);
      const change = { items: [], by: "u:tara", source: "review" as const, note: null, at };
      await store.ta.grades.replace({ ...change, attempt: old.id, score: 5 }); // superseded: does not count
      await store.ta.grades.replace({ ...change, attempt: last.id, score: 4 });
      expect((await store.ta.examResults.latest("c", "midterm"))[0]).toMatchObject({ total: 4.5, scores: { "1a": 4, "2a": 0.5 } });
    });

    it("counts the answer with the highest id even when it was stored first (another process committing later)", async () => {
      const store = await fresh();
      const session = await store.examSessions.start("c", "u:ana", "midterm", at, at);
      const insert = "INSERT INTO attempts (id, course_id, user_id, question_id, mode, exam_session, answer, score, max, items, feedback, needs_review, grader_version, created_at) VALUES ($1, 'c', 'u:ana', '1a', 'exam', $2, 'x', $3, 5, '[]', '[]', false, '1', 0)";
      const client = connect();
      await client.query(insert, [200, session.id, 4]);
      await client.query(insert, [100, session.id, 1]);
      await store.examSessions.submit(session.id, at, "student");
      expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ total: 4, scores: { "1a": 4 } }]);
      await client.query("DELETE FROM attempts WHERE id = 200");
      expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ total: 1, scores: { "1a": 1 } }]);
      await client.close();
    });

    it("keeps one open exam per student and one open regrade per attempt", async () => {
      const store = await fresh();
      const open = await store.examSessions.start("c", "u:ana", "midterm", at, later(60));
      await expect(store.examSessions.start("c", "u:ana", "quiz", at, later(60))).rejects.toThrow(/exam_sessions_one_open/);
      expect(await store.examSessions.start("c", "u:ben", "midterm", at, later(60))).toMatchObject({ user: "u:ben" });
      await store.examSessions.submit(open.id, later(5), "student");
      expect(await store.examSessions.start("c", "u:ana", "midterm", later(6), later(66))).toMatchObject({ submittedAt: null });

      const a = await store.attempts.add(attempt());
      const request = { course: "c", user: "u:ana", question: "1a", attempt: a.id, grader: "Ken", reason: "r", scoreBefore: 2, createdAt: at };
      const first = await store.ta.regrades.add(request);
      await expect(store.ta.regrades.add(request)).rejects.toThrow(/regrades_one_open/);
      expect(await store.ta.regrades.resolve(first.id, { by: "u:tara", score: 3, note: "ok", at })).toBe(true);
      expect(await store.ta.regrades.resolve(first.id, { by: "u:tim", score: 4, note: "late", at })).toBe(false);
      expect(await store.ta.regrades.add(request)).toMatchObject({ resolvedAt: null });
    });

    it("gives every claim to exactly one of two stores sweeping at once", async () => {
      const one = await fresh();
      const two = await again();
      for (let i = 0; i < 40; i++) {
        await one.ta.announcements.add({ course: `c${i % 3}`, author: "u:tara", message: `m${i}`, channel: "general", postAt: later(i % 5), createdAt: at, deliveredAt: null });
        await one.deliveries.enqueue("c", { user: `u:${i}` }, { blocks: [{ kind: "text", text: `hi ${i}` }] }, at);
        await one.examSessions.start("c", `u:${i}`, "midterm", at, later(i % 7));
      }
      const sweeps = await Promise.all([one, two, one, two].map((s) => s.ta.announcements.claimDue(later(10))));
      expect(sweeps.flat().map((a) => a.message).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`).sort());
      const reminders = await Promise.all([one, two].map((s) => s.examSessions.claimReminders(later(10), later(1))));
      expect(reminders.flat().map((s) => s.user).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `u:${i}`).sort());

      const pending = await one.deliveries.pending(at, 0, 100);
      expect(pending).toHaveLength(40);
      expect(pending[0]).toMatchObject({ course: "c", to: { user: "u:0" }, reply: { blocks: [{ kind: "text", text: "hi 0" }] }, createdAt: at });
      const claims = await Promise.all(pending.flatMap((d) => [one, two].map((s, k) => s.deliveries.claim(d.id, `p${k}`, later(1), at))));
      expect(claims.filter(Boolean)).toHaveLength(40);
      const submits = await Promise.all((await one.examSessions.expired(later(10))).flatMap((s) => [one, two].map((x) => x.examSessions.submit(s.id, s.deadline, "deadline"))));
      expect(submits.filter(Boolean)).toHaveLength(40);
    });

    it("stores a transaction whole or not at all, and refuses the store's own repositories inside it", async () => {
      const store = await fresh();
      await expect(store.transaction(async (tx) => {
        await tx.enrollments.upsertUser("u:cy", "Cy");
        throw new Error("changed my mind");
      })).rejects.toThrow("changed my mind");
      expect(await store.ta.people.displayName("u:cy")).toBeNull();
      await expect(store.transaction(() => store.enrollments.upsertUser("u:cy", "Cy"))).rejects.toThrow(/use the repositories it hands its work/);
      await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/cannot start inside another/);
      expect(await store.commit(async (tx) => { await tx.enrollments.upsertUser("u:cy", "Cy"); return 7; })).toBe(7);
      expect(await store.ta.people.displayName("u:cy")).toBe("Cy");
    });

    it("matches grader and assessment names without regard to case, and keeps course banks in order", async () => {
      const store = await fresh();
      await store.ta.graders.assign("c", "Ken-Fu", "u:ken");
      await store.ta.graders.assign("c", "ken-fu", "u:kenny");
      expect(await store.ta.graders.list("c")).toEqual([{ grader: "Ken-Fu", user: "u:kenny" }]);
      expect(await store.ta.graders.userFor("c", "KEN-FU")).toBe("u:kenny");
      const scores = [{ student: "s2", name: "Bo", section: null, score: 7 }, { student: "s1", name: "Al", section: "C247", score: 9, questions: { "1a": 4 } }];
      expect(await store.ta.assessments.replace("c", "Quiz1", scores, at, [{ id: "1a", title: "1a", max: 5 }])).toEqual({ previous: 0 });
      expect(await store.ta.assessments.replace("c", "quiz1", scores, at)).toEqual({ previous: 2 });
      expect(await store.ta.assessments.find("c", " QUIZ1 ")).toBe("quiz1");
      expect(await store.ta.assessments.list("c")).toEqual([{ name: "quiz1", count: 2, importedAt: at }]);
      expect(await store.ta.assessments.scores("c", "Quiz1")).toEqual([scores[1], scores[0]]);
      expect(await store.ta.assessments.remove("c", "QUIZ1")).toBe(true);
      expect(await store.ta.assessments.scores("c", "quiz1")).toEqual([]);

      await store.courses.ensure("c", "C147");
      await store.courses.setBanks("c", ["quiz2", "midterm", "quiz2"]);
      expect(await store.courses.banks("c")).toEqual(["quiz2", "midterm"]);
    });
  });
}
