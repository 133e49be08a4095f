import { expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { at, attempt } from "./records.ts";
import { describeStores } from "./stores.ts";

const announcement = (course: string, message: string, postAt: Date) =>
  ({ course, author: "u:tara", message, channel: "announcements", postAt, createdAt: at(), deliveredAt: null });

/** A regrade request of `user` about one of their answers. */
async function request(store: Store, user: string, createdAt = at(1)) {
  const a = await store.attempts.add(attempt(user, { score: 1 }));
  return store.ta.regrades.add({ course: "c", user, question: a.question, attempt: a.id, grader: "Ken-Fu", reason: "I justified it", scoreBefore: 1, createdAt });
}

describeStores("the TA tools' repositories", (db) => {
  it("schedules, changes and cancels an announcement only while it is pending", async () => {
    const store = await db.open();
    const later = await store.ta.announcements.add(announcement("c", "**Review** at 5pm", at(60)));
    const sooner = await store.ta.announcements.add(announcement("c", "Quiz", at(30)));
    await store.ta.announcements.add({ ...announcement("c", "Posted at once", at()), deliveredAt: at() });
    expect(later).toEqual({ id: later.id, course: "c", author: "u:tara", message: "**Review** at 5pm", channel: "announcements", postAt: at(60), createdAt: at(), deliveredAt: null, cancelledAt: null });
    expect(await store.ta.announcements.get(later.id)).toEqual(later);
    expect((await store.ta.announcements.pending("c")).map((a) => a.id)).toEqual([sooner.id, later.id]);
    expect(await store.ta.announcements.update(later.id, { message: "Review at 6pm", channel: "general", postAt: at(90) })).toBe(true);
    expect(await store.ta.announcements.get(later.id)).toMatchObject({ message: "Review at 6pm", channel: "general", postAt: at(90) });
    expect(await store.ta.announcements.cancel(sooner.id, at(5))).toBe(true);
    expect(await store.ta.announcements.cancel(sooner.id, at(6))).toBe(false);
    expect(await store.ta.announcements.update(sooner.id, { message: "x", channel: "y", postAt: at(9) })).toBe(false);
    expect(await store.ta.announcements.get(sooner.id)).toMatchObject({ message: "Quiz", cancelledAt: at(5) });
    expect(await store.ta.announcements.get(9999)).toBeNull();
  });

  it("claims due announcements once, soonest first, for one course or all", async () => {
    const store = await db.open();
    const b = await store.ta.announcements.add(announcement("c", "b", at(20)));
    const a = await store.ta.announcements.add(announcement("c", "a", at(10)));
    const other = await store.ta.announcements.add(announcement("other", "o", at(10)));
    await store.ta.announcements.add(announcement("c", "not yet", at(90)));
    expect(await store.ta.announcements.claimDue(at(5))).toEqual([]);
    expect((await store.ta.announcements.claimDue(at(30), "c")).map((x) => [x.id, x.deliveredAt])).toEqual([[a.id, at(30)], [b.id, at(30)]]);
    expect(await store.ta.announcements.claimDue(at(31), "c")).toEqual([]);
    expect((await store.ta.announcements.claimDue(at(32))).map((x) => x.id)).toEqual([other.id]);
    expect(await store.ta.announcements.update(a.id, { message: "late edit", channel: "x", postAt: at(99) })).toBe(false);
    expect((await store.ta.announcements.pending("c")).map((x) => x.message)).toEqual(["not yet"]);
  });

  it("claims each due announcement exactly once when two stores (two processes) sweep at once", async () => {
    const one = await db.open();
    const two = await db.another();
    for (let i = 0; i < 60; i += 1) await one.ta.announcements.add(announcement(i % 2 ? "c" : "other", `#${i}`, at(i % 7)));
    const claimed = (await Promise.all([one, two, one, two].map((s, n) => s.ta.announcements.claimDue(at(10), n < 2 ? undefined : "c")))).flat();
    expect(claimed.map((x) => x.message).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `#${i}`).sort());
  });

  it("keeps regrade requests: open ones oldest first, a student's newest first, resolved once", async () => {
    const store = await db.open();
    const first = await request(store, "u:ana", at(1));
    const second = await request(store, "u:ana", at(2));
    const ben = await request(store, "u:ben", at(3));
    expect(await store.ta.regrades.get(first.id)).toEqual(first);
    expect(first).toMatchObject({ course: "c", user: "u:ana", grader: "Ken-Fu", scoreBefore: 1, createdAt: at(1), resolvedAt: null, resolvedBy: null, scoreAfter: null, note: null });
    expect((await store.ta.regrades.open("c")).map((r) => r.id)).toEqual([first.id, second.id, ben.id]);
    expect((await store.ta.regrades.forUser("c", "u:ana")).map((r) => r.id)).toEqual([second.id, first.id]);
    expect(await store.ta.regrades.openForAttempt(first.attempt)).toEqual(first);

    expect(await store.ta.regrades.resolve(first.id, { by: "u:ken", score: 4, note: "fair point", at: at(10) })).toBe(true);
    expect(await store.ta.regrades.resolve(first.id, { by: "u:mike", score: 0, note: null, at: at(11) })).toBe(false);
    await store.ta.regrades.resolve(ben.id, { by: "u:ken", score: 1, note: null, at: at(12) });
    expect(await store.ta.regrades.get(first.id)).toMatchObject({ resolvedAt: at(10), resolvedBy: "u:ken", scoreAfter: 4, note: "fair point" });
    expect(await store.ta.regrades.openForAttempt(first.attempt)).toBeNull();
    expect((await store.ta.regrades.open("c")).map((r) => r.id)).toEqual([second.id]);
    expect((await store.ta.regrades.resolved("c", 10)).map((r) => r.id)).toEqual([ben.id, first.id]);
    expect((await store.ta.regrades.resolved("c", 1)).map((r) => r.id)).toEqual([ben.id]);
    expect(await store.ta.regrades.open("other")).toEqual([]);
  });

  it("allows one open regrade per answer: a second is refused until the first is resolved", async () => {
    const store = await db.open();
    const open = await request(store, "u:ana");
    const again = { course: "c", user: "u:ana", question: open.question, attempt: open.attempt, grader: "Ken-Fu", reason: "again", scoreBefore: 1, createdAt: at(2) };
    await expect(store.ta.regrades.add(again)).rejects.toThrow();
    expect((await store.ta.regrades.open("c")).map((r) => r.id)).toEqual([open.id]);
    await store.ta.regrades.resolve(open.id, { by: "u:ken", score: 1, note: null, at: at(3) });
    expect(await store.ta.regrades.add(again)).toMatchObject({ reason: "again", resolvedAt: null });
  });

  it("opens one regrade when a student's two requests for one answer arrive at once through two stores", async () => {
    const one = await db.open();
    const two = await db.another();
    const a = await one.attempts.add(attempt("u:ana", { score: 1 }));
    const ask = (store: Store, reason: string) => store.ta.regrades.add({ course: "c", user: "u:ana", question: a.question, attempt: a.id, grader: "Ken-Fu", reason, scoreBefore: 1, createdAt: at(1) });
    const asked = await Promise.allSettled([ask(one, "first"), ask(two, "second"), ask(one, "third"), ask(two, "fourth")]);
    expect(asked.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await two.ta.regrades.open("c")).toHaveLength(1);
  });

  it("resolves a regrade once when two graders decide at the same moment through two stores", async () => {
    const one = await db.open();
    const two = await db.another();
    const requests = [];
    for (let i = 0; i < 20; i += 1) requests.push(await request(one, `u:${i}`));
    const decided = await Promise.all(requests.flatMap((r) => [one, two].map((s, n) => s.ta.regrades.resolve(r.id, { by: `u:ta${n}`, score: n, note: null, at: at(5) }))));
    expect(decided.filter(Boolean)).toHaveLength(20);
    expect(await two.ta.regrades.open("c")).toEqual([]);
  });

  it("routes a grader named in the bank to a chat user, whatever the case of the name", async () => {
    const store = await db.open();
    await store.ta.graders.assign("c", "Ken-Fu", "u:ken");
    await store.ta.graders.assign("c", "Mike", "u:mike");
    expect(await store.ta.graders.userFor("c", "ken-fu")).toBe("u:ken");
    await store.ta.graders.assign("c", "KEN-FU", "u:ken2");
    expect(await store.ta.graders.userFor("c", "Ken-Fu")).toBe("u:ken2");
    expect((await store.ta.graders.list("c")).map((g) => g.user)).toEqual(["u:ken2", "u:mike"]);
    expect(await store.ta.graders.userFor("other", "Ken-Fu")).toBeNull();
  });

  it("replaces a grade with the TA's, keeps every change in the history, and leaves the review queue", async () => {
    const store = await db.open();
    const waiting = await store.attempts.add(attempt("u:ana", { question: "2a", score: 0, needsReview: true }));
    const fine = await store.attempts.add(attempt("u:ana", { question: "3a" }));
    const other = await store.attempts.add(attempt("u:ben", { course: "other", needsReview: true }));
    expect(await store.ta.grades.pendingReview("c", 0, 10)).toEqual([waiting]);
    expect(await store.ta.grades.countPendingReview("c")).toBe(1);
    const items = [{ id: "drawing", label: "Drawing", points: 5, earned: 4.5 }];
    const replaced = await store.ta.grades.replace({ attempt: waiting.id, score: 4.5, items, by: "u:tara", source: "review", note: null, at: at(10) });
    expect(replaced).toEqual({ ...waiting, score: 4.5, items, needsReview: false, reviewedBy: "u:tara" });
    expect(await store.attempts.get(waiting.id)).toEqual(replaced);
    await store.ta.grades.replace({ attempt: waiting.id, score: 5, items: [], by: "u:ken", source: "regrade", note: "fair", at: at(20) });
    expect(await store.ta.grades.history(waiting.id)).toEqual([
      { attempt: waiting.id, oldScore: 0, newScore: 4.5, source: "review", by: "u:tara", note: null, at: at(10) },
      { attempt: waiting.id, oldScore: 4.5, newScore: 5, source: "regrade", by: "u:ken", note: "fair", at: at(20) },
    ]);
    expect(await store.ta.grades.history(fine.id)).toEqual([]);
    expect(await store.ta.grades.countPendingReview("c")).toBe(0);
    expect(await store.ta.grades.pendingReview("other", 0, 10)).toEqual([other]);
    await expect(store.ta.grades.replace({ attempt: 9999, score: 1, items: [], by: "u:tara", source: "review", note: null, at: at() })).rejects.toThrow();
  });

  it("queues exam answers for review only once the exam is submitted, and only the last to each question", async () => {
    const store = await db.open();
    const session = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    const exam = (question: string) => store.attempts.add(attempt("u:ana", { question, mode: "exam", examSession: session.id, needsReview: true, score: 0 }));
    await exam("2a");
    const last = await exam("2a");
    const proof = await exam("5");
    const practice = [];
    for (let i = 0; i < 3; i += 1) practice.push(await store.attempts.add(attempt("u:ben", { needsReview: true })));
    expect((await store.ta.grades.pendingReview("c", 0, 10)).map((a) => a.id)).toEqual(practice.map((a) => a.id));
    await store.examSessions.submit(session.id, at(50), "student");
    const queue = [last.id, proof.id, ...practice.map((a) => a.id)].sort((a, b) => a - b);
    expect((await store.ta.grades.pendingReview("c", 0, 10)).map((a) => a.id)).toEqual(queue);
    expect(await store.ta.grades.countPendingReview("c")).toBe(5);
    expect((await store.ta.grades.pendingReview("c", queue[1]!, 2)).map((a) => a.id)).toEqual(queue.slice(2, 4));
  });

  it("replaces an imported assessment's scores at once, keeping per-question columns and the name as spelled", async () => {
    const store = await db.open();
    const questions = [{ id: "1a", title: "Q1a", max: 5 }, { id: "Bonus", title: "Bonus", max: null }];
    const scores = [
      { student: "905000002", name: "Ben", section: "C147", score: 71.5, questions: { "1a": 4.5, Bonus: 0 } },
      { student: "ana@ucla.edu", name: "Ana", section: null, score: 88 },
    ];
    expect(await store.ta.assessments.replace("c", "Midterm", scores, at(), questions)).toEqual({ previous: 0 });
    expect(await store.ta.assessments.scores("c", "Midterm")).toEqual([scores[1], scores[0]]);
    expect(await store.ta.assessments.questions("c", "Midterm")).toEqual(questions);
    expect(await store.ta.assessments.find("c", "midterm")).toBe("Midterm");
    expect(await store.ta.assessments.find("c", " MIDTERM ")).toBe("Midterm");
    expect(await store.ta.assessments.find("c", "final")).toBeNull();
    expect(await store.ta.assessments.list("c")).toEqual([{ name: "Midterm", count: 2, importedAt: at() }]);

    // Imported again under another spelling: one assessment, the new scores and spelling.
    expect(await store.ta.assessments.replace("c", "MIDTERM", [scores[1]!], at(5))).toEqual({ previous: 2 });
    expect(await store.ta.assessments.list("c")).toEqual([{ name: "MIDTERM", count: 1, importedAt: at(5) }]);
    expect(await store.ta.assessments.questions("c", "midterm")).toEqual([]);
    await store.ta.assessments.replace("c", "Quiz 1", [], at(6));
    expect((await store.ta.assessments.list("c")).map((a) => [a.name, a.count])).toEqual([["MIDTERM", 1], ["Quiz 1", 0]]);
    expect(await store.ta.assessments.list("other")).toEqual([]);

    expect(await store.ta.assessments.remove("c", "midterm")).toBe(true);
    expect(await store.ta.assessments.remove("c", "midterm")).toBe(false);
    expect(await store.ta.assessments.scores("c", "MIDTERM")).toEqual([]);
    expect((await store.ta.assessments.list("c")).map((a) => a.name)).toEqual(["Quiz 1"]);
  });
});
