import { expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { at, attempt, enrolled } from "./records.ts";
import { describeStores } from "./stores.ts";

/** An answer in an exam session, as the exam stores it. */
const answer = (store: Store, user: string, session: number, question: string, score: number) =>
  store.attempts.add(attempt(user, { question, score, mode: "exam", examSession: session }));

describeStores("exam sessions and results", (db) => {
  it("starts a session, finds it open and latest, and submits it once", async () => {
    const store = await db.open();
    const session = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    expect(session).toEqual({ id: session.id, course: "c", user: "u:ana", exam: "midterm", startedAt: at(), deadline: at(110), submittedAt: null, submittedBy: null, reportedAt: null });
    expect(await store.examSessions.open("c", "u:ana")).toEqual(session);
    expect(await store.examSessions.latest("c", "u:ana")).toEqual(session);
    expect(await store.examSessions.open("c", "u:ben")).toBeNull();
    expect(await store.examSessions.submittedForUser("c", "u:ana")).toEqual([]);

    expect(await store.examSessions.submit(session.id, at(50), "student")).toBe(true);
    expect(await store.examSessions.submit(session.id, at(51), "deadline")).toBe(false);
    expect(await store.examSessions.open("c", "u:ana")).toBeNull();
    const submitted = { ...session, submittedAt: at(50), submittedBy: "student" };
    expect(await store.examSessions.latest("c", "u:ana")).toEqual(submitted);
    expect(await store.examSessions.submittedForUser("c", "u:ana")).toEqual([submitted]);
  });

  it("allows one open session per student: a second start is refused until the first is submitted", async () => {
    const store = await db.open();
    const first = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    await expect(store.examSessions.start("c", "u:ana", "midterm", at(1), at(111))).rejects.toThrow();
    expect(await store.examSessions.open("c", "u:ana")).toEqual(first);
    // Another student, or the same one in another course, is another matter.
    await store.examSessions.start("c", "u:ben", "midterm", at(), at(110));
    await store.examSessions.start("other", "u:ana", "midterm", at(), at(110));
    await store.examSessions.submit(first.id, at(5), "student");
    const second = await store.examSessions.start("c", "u:ana", "midterm", at(6), at(116));
    expect(await store.examSessions.latest("c", "u:ana")).toEqual(second);
    expect((await store.examSessions.submittedForUser("c", "u:ana")).map((s) => s.id)).toEqual([first.id]);
  });

  it("starts one session when a student's two starts arrive at once through two stores (two processes)", async () => {
    const one = await db.open();
    const two = await db.another();
    const starts = await Promise.allSettled([one, two, one, two].map((s) => s.examSessions.start("c", "u:ana", "midterm", at(), at(110))));
    expect(starts.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(await two.examSessions.open("c", "u:ana")).toEqual((starts.find((s) => s.status === "fulfilled") as PromiseFulfilledResult<unknown>).value);
  });

  it("lists open sessions past their deadline, soonest first, and claims each reminder once", async () => {
    const store = await db.open();
    const late = await store.examSessions.start("c", "u:ana", "midterm", at(), at(30));
    const early = await store.examSessions.start("c", "u:ben", "midterm", at(), at(20));
    const running = await store.examSessions.start("c", "u:cy", "midterm", at(), at(200));
    const done = await store.examSessions.start("c", "u:dee", "midterm", at(), at(10));
    await store.examSessions.submit(done.id, at(5), "student");
    expect((await store.examSessions.expired(at(30))).map((s) => s.id)).toEqual([early.id, late.id]);
    expect(await store.examSessions.expired(at(19))).toEqual([]);

    expect((await store.examSessions.claimReminders(at(25), at(15))).map((s) => s.id)).toEqual([early.id]);
    expect((await store.examSessions.claimReminders(at(40), at(16))).map((s) => s.id)).toEqual([late.id]);
    expect(await store.examSessions.claimReminders(at(40), at(17))).toEqual([]);
    expect((await store.examSessions.claimReminders(at(300), at(18))).map((s) => s.id)).toEqual([running.id]);
  });

  it("marks a deadline report shown once", async () => {
    const store = await db.open();
    const session = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    await store.examSessions.submit(session.id, at(110), "deadline");
    expect(await store.examSessions.markReported(session.id, at(111))).toBe(true);
    expect(await store.examSessions.markReported(session.id, at(112))).toBe(false);
    expect(await store.examSessions.latest("c", "u:ana")).toMatchObject({ submittedBy: "deadline", submittedAt: at(110), reportedAt: at(111) });
  });

  it("submits, reports and reminds each session once when two stores (two processes) sweep at once", async () => {
    const one = await db.open();
    const two = await db.another();
    const sessions = [];
    for (let i = 0; i < 30; i += 1) sessions.push(await one.examSessions.start("c", `u:${i}`, "midterm", at(), at(20 + i)));
    const reminded = (await Promise.all([one, two, one, two].map((s) => s.examSessions.claimReminders(at(100), at(10))))).flat();
    expect(reminded.map((s) => s.id).sort((a, b) => a - b)).toEqual(sessions.map((s) => s.id));
    const submitted = await Promise.all(sessions.flatMap((s) => [one, two].map((store) => store.examSessions.submit(s.id, at(60), "deadline"))));
    expect(submitted.filter(Boolean)).toHaveLength(30);
    const reported = await Promise.all(sessions.flatMap((s) => [two, one].map((store) => store.examSessions.markReported(s.id, at(61)))));
    expect(reported.filter(Boolean)).toHaveLength(30);
    expect(await one.examSessions.expired(at(100))).toEqual([]);
  });

  it("counts the last answer to each question of each student's latest submitted session, TA changes included", async () => {
    const store = await db.open();
    await store.enrollments.upsertUser("u:ana", "Ana");
    const first = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    await answer(store, "u:ana", first.id, "1a", 5);
    await store.examSessions.submit(first.id, at(1), "student");
    const second = await store.examSessions.start("c", "u:ana", "midterm", at(2), at(112));
    const old = await answer(store, "u:ana", second.id, "1a", 1);
    const last = await answer(store, "u:ana", second.id, "1a", 3);
    await answer(store, "u:ana", second.id, "2a", 0);
    // Not submitted yet: the first session still counts.
    expect(await store.ta.examResults.latest("c", "midterm")).toMatchObject([{ session: first.id, total: 5 }]);
    await store.examSessions.submit(second.id, at(3), "student");
    expect(await store.ta.examResults.latest("c", "midterm")).toEqual([{ user: "u:ana", name: "Ana", section: null, studentId: null, session: second.id, total: 3, scores: { "1a": 3, "2a": 0 } }]);

    const change = { items: [], by: "u:tara", source: "review" as const, note: null, at: at(4) };
    await store.ta.grades.replace({ ...change, attempt: old.id, score: 5 }); // superseded: does not count
    await store.ta.grades.replace({ ...change, attempt: last.id, score: 4.5 });
    expect((await store.ta.examResults.latest("c", "midterm"))[0]).toMatchObject({ total: 4.5, scores: { "1a": 4.5, "2a": 0 } });
  });

  it("gives each student's result with their section and SID, a bonus in the total, and other exams and courses apart", async () => {
    const store = await db.open();
    await enrolled(store, "u:ana", "Ana", "C247");
    await store.enrollments.setStudentId("c", "u:ana", "905000001");
    await store.enrollments.upsertUser("u:ben", "Ben");
    const sit = async (course: string, user: string, exam: string, scores: Record<string, number>) => {
      const s = await store.examSessions.start(course, user, exam, at(), at(110));
      for (const [question, score] of Object.entries(scores)) await answer(store, user, s.id, question, score);
      await store.examSessions.submit(s.id, at(100), "deadline");
      return s;
    };
    const ana = await sit("c", "u:ana", "midterm", { "1a": 5, "5": 6 });
    const ben = await sit("c", "u:ben", "midterm", {});
    await sit("c", "u:ana", "final", { "1a": 1 });
    await sit("other", "u:ana", "midterm", { "1a": 2 });
    const results = (await store.ta.examResults.latest("c", "midterm")).sort((a, b) => a.user.localeCompare(b.user));
    expect(results).toEqual([
      { user: "u:ana", name: "Ana", section: "C247", studentId: "905000001", session: ana.id, total: 11, scores: { "1a": 5, "5": 6 } },
      { user: "u:ben", name: "Ben", section: null, studentId: null, session: ben.id, total: 0, scores: {} },
    ]);
    expect(await store.ta.examResults.latest("c", "quiz")).toEqual([]);
  });

  it("gives /stats the same students as `latest`, in order and in columns: section, total, each question's scores (NaN unanswered)", async () => {
    const store = await db.open();
    await enrolled(store, "u:ana", "Ana", "C247");
    await store.enrollments.upsertUser("u:ben", "Ben");
    for (const [user, scores] of [["u:ben", {}], ["u:ana", { "1a": 3, "2a": 0.5 }]] as const) {
      const s = await store.examSessions.start("c", user, "midterm", at(), at(110));
      for (const [question, score] of Object.entries(scores)) await answer(store, user, s.id, question, score);
      await store.examSessions.submit(s.id, at(100), "student");
    }
    const open = await store.examSessions.start("c", "u:cy", "midterm", at(), at(110));
    await answer(store, "u:cy", open.id, "1a", 5); // not submitted: not counted

    const table = await store.ta.examResults.scores("c", "midterm");
    const latest = await store.ta.examResults.latest("c", "midterm");
    expect(table.sections).toEqual(latest.map((r) => r.section));
    expect(table.totals).toEqual(latest.map((r) => r.total));
    expect(table.sections).toEqual(["C247", null]);
    expect(table.totals).toEqual([3.5, 0]);
    expect(Array.from(table.column("1a")!)).toEqual([3, NaN]);
    expect(Array.from(table.column("2a")!)).toEqual([0.5, NaN]);
    expect(table.column("5")).toBeUndefined();
    expect((await store.ta.examResults.scores("c", "quiz")).size).toBe(0);
  });
});
