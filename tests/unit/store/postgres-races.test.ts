import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore, type PostgresStore } from "../../../src/store/postgres/postgres-store.ts";
import { serverSchema, type ServerSchema } from "../../fakes/pglite-client.ts";

const url = process.env.TUTOR_TEST_DATABASE_URL;
const at = new Date("2026-11-28T10:00:00Z");
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Races that need several real connections (PGlite has one): two stores, each its own pool, as two
 * bot processes on one server. Runs when TUTOR_TEST_DATABASE_URL names a server.
 */
describe.skipIf(!url)("two processes on one PostgreSQL server", () => {
  let schema: ServerSchema;
  let one: PostgresStore;
  let two: PostgresStore;

  beforeAll(async () => {
    schema = await serverSchema(url!);
    one = await createPostgresStore(schema.client());
    two = await createPostgresStore(schema.client());
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await schema?.drop();
  });

  it("claim 200 due announcements and submit 200 expired exams once each, however they interleave", async () => {
    await one.transaction(async (tx) => {
      for (const i of range(200)) {
        await tx.ta.announcements.add({ course: `c${i % 4}`, author: "u:tara", message: `m${i}`, channel: "general", postAt: later(i % 9), createdAt: at, deliveredAt: null });
        await tx.examSessions.start("race", `u:${i}`, "midterm", at, later(i % 11));
      }
    });
    const claimed = await Promise.all(range(8).map((k) => (k % 2 ? one : two).ta.announcements.claimDue(later(20), k < 4 ? undefined : `c${k % 4}`)));
    expect(claimed.flat().map((a) => a.message).sort()).toEqual(range(200).map((i) => `m${i}`).sort());

    const expired = await Promise.all([one, two].map((s) => s.examSessions.expired(later(20))));
    const won = await Promise.all(expired.flatMap((sessions, k) => sessions.map(async (s) => ((await [one, two][k]!.examSessions.submit(s.id, s.deadline, "deadline")) ? s.user : null))));
    expect(won.filter((u) => u !== null).sort()).toEqual(range(200).map((i) => `u:${i}`).sort());
  });

  it("keeps the last answer to a question when answers to one session commit out of order", async () => {
    const session = await one.examSessions.start("order", "u:ana", "midterm", at, later(60));
    const scores = range(40).map((i) => (i * 7) % 6);
    await Promise.all(scores.map((score, i) => (i % 2 ? one : two).transaction(async (tx) => {
      await tx.attempts.add({ course: "order", user: "u:ana", question: `q${i % 3}`, mode: "exam", examSession: session.id, answer: "x", justification: null, score, max: 5, items: [], feedback: [], needsReview: false, graderVersion: "1", createdAt: at });
      // Hold the transaction a little, so later ids often commit first.
      await new Promise((resolve) => setTimeout(resolve, (i * 13) % 7));
    })));
    await one.examSessions.submit(session.id, later(1), "student");
    const last = new Map((await one.attempts.forSession(session.id)).map((a) => [a.question, a.score]));
    const [result] = await one.ta.examResults.latest("order", "midterm");
    expect(result!.scores).toEqual(Object.fromEntries(last));
    expect(result!.total).toBe([...last.values()].reduce((a, b) => a + b, 0));
  });

  it("makes an answer and a submission of the same session take turns: the answer counts, or is refused as late", async () => {
    const session = await one.examSessions.start("turns", "u:cy", "midterm", at, later(60));
    let release!: () => void;
    let checked!: () => void;
    const checkedYet = new Promise<void>((resolve) => (checked = resolve));
    // The answer path: the session is checked open, then (after grading, say) the answer is stored.
    const answering = one.transaction(async (tx) => {
      expect(await tx.examSessions.open("turns", "u:cy")).toMatchObject({ id: session.id });
      checked();
      await new Promise<void>((resolve) => (release = resolve));
      await tx.attempts.add({ course: "turns", user: "u:cy", question: "1a", mode: "exam", examSession: session.id, answer: "x", justification: null, score: 3, max: 5, items: [], feedback: [], needsReview: false, graderVersion: "1", createdAt: at });
    });
    await checkedYet;
    const submitting = two.transaction(async (tx) => {
      const open = await tx.examSessions.open("turns", "u:cy");
      if (!open || !(await tx.examSessions.submit(open.id, later(2), "student"))) return null;
      return (await tx.attempts.forSession(open.id)).map((a) => a.score);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await answering;
    expect(await submitting).toEqual([3]);
    // Now submitted: an answer checking the session finds none open.
    expect(await one.transaction((tx) => tx.examSessions.open("turns", "u:cy"))).toBeNull();
  });

  it("refuses a second open exam started while the first is stored but not yet committed", async () => {
    const held = schema.client();
    let release!: () => void;
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const holding = held.transaction(async (tx) => {
      await tx.query("INSERT INTO exam_sessions (course_id, user_id, exam_id, started_at, deadline) VALUES ('held', 'u:bo', 'midterm', 0, 1)");
      inserted();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await insertedYet;
    // Not committed yet: this start cannot see it, and its insert waits on the unique index.
    const starting = two.examSessions.start("held", "u:bo", "quiz", at, later(60)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await holding;
    expect(await starting).toMatchObject({ message: expect.stringMatching(/exam_sessions_one_open/) });
    await held.close();
  });
});
