import { expect, it } from "vitest";
import { at, attempt } from "./records.ts";
import { describeStores } from "./stores.ts";

describeStores("attempts", (db) => {
  it("keeps every field of an answer as given, fractions, JSON and the time to the millisecond included", async () => {
    const store = await db.open();
    const createdAt = new Date(at(5).getTime() + 123);
    const variant = { seed: 7, values: { N: 28, lr: 0.005 } };
    const added = await store.attempts.add(attempt("u:ana", {
      question: "1a", score: 2.5, max: 4, justification: "because", needsReview: true, createdAt, variant,
      feedback: ["First sentence.", "Ünïcode ✓ $x^2$"], hintsUsed: 2, mistakes: ["dropped transpose"],
    }));
    expect(added).toMatchObject({ question: "1a", score: 2.5, reviewedBy: null, hintsUsed: 2, mistakes: ["dropped transpose"], variant });
    const read = await store.attempts.get(added.id);
    expect(read).toEqual({ ...added, createdAt });
    expect(read!.items).toEqual(attempt("u:ana").items);
    expect(await store.attempts.get(added.id + 1000)).toBeNull();
  });

  it("fills what an answer left out: no hints, no mistakes, the exam's own numbers, no TA", async () => {
    const store = await db.open();
    const added = await store.attempts.add(attempt("u:ana"));
    expect(await store.attempts.get(added.id)).toMatchObject({ hintsUsed: 0, mistakes: [], variant: null, reviewedBy: null, justification: null, needsReview: false });
  });

  it("stores an answer a platform delivered twice once, and answers the retry with the first", async () => {
    const store = await db.open();
    const first = await store.attempts.add(attempt("u:ana", { interactionId: "delivery-1", answer: "first" }));
    const retry = await store.attempts.add(attempt("u:ana", { interactionId: "delivery-1", answer: "second" }));
    expect(retry).toEqual(first);
    await store.attempts.add(attempt("u:ana", { interactionId: "delivery-2" }));
    await store.attempts.add(attempt("u:ana"));
    await store.attempts.add(attempt("u:ana"));
    expect((await store.attempts.forUser("c", "u:ana")).map((a) => a.answer)).toEqual(["first", ...Array(3).fill(attempt("u:ana").answer)]);
  });

  it("keeps the files of an answer byte for byte, in the order they were attached", async () => {
    const store = await db.open();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x00, 0x0a]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0x00]);
    const added = await store.attempts.add(attempt("u:ana", { question: "2a", files: [{ name: "drawing.png", contentType: "image/png", bytes: png }, { name: "b.jpg", contentType: "image/jpeg", bytes: jpeg }] }));
    const files = await store.attempts.files(added.id);
    expect(files.map((f) => [f.name, f.contentType])).toEqual([["drawing.png", "image/png"], ["b.jpg", "image/jpeg"]]);
    expect(files.map((f) => Buffer.compare(f.bytes, [png, jpeg][files.indexOf(f)]!))).toEqual([0, 0]);
    expect(await store.attempts.files((await store.attempts.add(attempt("u:ana"))).id)).toEqual([]);
  });

  it("lists a student's answers in order, a question's answers across the course, and a session's", async () => {
    const store = await db.open();
    const session = await store.examSessions.start("c", "u:ana", "midterm", at(), at(110));
    const a1 = await store.attempts.add(attempt("u:ana", { question: "1a" }));
    const b1 = await store.attempts.add(attempt("u:ben", { question: "1a" }));
    const a2 = await store.attempts.add(attempt("u:ana", { question: "2b", mode: "exam", examSession: session.id }));
    const other = await store.attempts.add(attempt("u:ana", { course: "other", question: "1a" }));
    expect((await store.attempts.forUser("c", "u:ana")).map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect((await store.attempts.forQuestion("c", "1a")).map((a) => a.id)).toEqual([a1.id, b1.id]);
    expect((await store.attempts.forSession(session.id)).map((a) => a.id)).toEqual([a2.id]);
    expect((await store.attempts.forUser("other", "u:ana")).map((a) => a.id)).toEqual([other.id]);
    expect(await store.attempts.forUser("c", "u:nobody")).toEqual([]);
  });

  it("sums up a student's answers per question for one mode: count, best, latest, full marks, hints", async () => {
    const store = await db.open();
    await store.attempts.add(attempt("u:ana", { question: "3a", score: 5, createdAt: at(1) }));
    await store.attempts.add(attempt("u:ana", { question: "3a", score: 1, needsReview: true, hintsUsed: 2, createdAt: at(2) }));
    await store.attempts.add(attempt("u:ana", { question: "3b", score: 4.999_999_999_9, createdAt: at(3) }));
    await store.attempts.add(attempt("u:ana", { question: "3b", score: 2, mode: "exam", createdAt: at(4) }));
    await store.attempts.add(attempt("u:ben", { question: "3a", score: 5 }));
    const summary = (await store.attempts.summarize("c", "u:ana", "practice")).sort((x, y) => x.question.localeCompare(y.question));
    expect(summary).toEqual([
      { question: "3a", attempts: 2, best: 5, latest: 1, fullMarks: 1, latestNeedsReview: true, lastAt: at(2), latestHints: 2 },
      { question: "3b", attempts: 1, best: 4.999_999_999_9, latest: 4.999_999_999_9, fullMarks: 1, latestNeedsReview: false, lastAt: at(3), latestHints: 0 },
    ]);
    expect(await store.attempts.summarize("c", "u:ana", "exam")).toMatchObject([{ question: "3b", attempts: 1, latest: 2, fullMarks: 0 }]);
  });

  it("tells the distinct quarter hours a student answered in, oldest first, per mode", async () => {
    const store = await db.open();
    for (const minutes of [50, 1, 14, 16, 16, 61]) await store.attempts.add(attempt("u:ana", { createdAt: at(minutes) }));
    await store.attempts.add(attempt("u:ana", { createdAt: at(120), mode: "exam" }));
    const quarter = (m: number) => at(m).getTime();
    expect(await store.attempts.activeTimes("c", "u:ana", "practice")).toEqual([quarter(0), quarter(15), quarter(45), quarter(60)]);
    expect(await store.attempts.activeTimes("c", "u:ana", "exam")).toEqual([quarter(120)]);
    expect(await store.attempts.activeTimes("c", "u:ben", "practice")).toEqual([]);
  });

  it("replaces an automatic grade only while no TA has graded the answer", async () => {
    const store = await db.open();
    const added = await store.attempts.add(attempt("u:ana", { score: 0, needsReview: true, feedback: ["Grading failed; retried later."] }));
    const regraded = await store.attempts.setAutomaticGrade(added.id, { score: 4, items: [], feedback: ["Good."], needsReview: false, graderVersion: "g2" });
    expect(regraded).toMatchObject({ id: added.id, score: 4, items: [], feedback: ["Good."], needsReview: false, graderVersion: "g2", answer: added.answer });
    expect(await store.attempts.get(added.id)).toEqual(regraded);

    await store.ta.grades.replace({ attempt: added.id, score: 5, items: [], by: "u:tara", source: "review", note: null, at: at(9) });
    expect(await store.attempts.setAutomaticGrade(added.id, { score: 1, items: [], feedback: [], needsReview: false, graderVersion: "g3" })).toBeNull();
    expect(await store.attempts.get(added.id)).toMatchObject({ score: 5, reviewedBy: "u:tara", graderVersion: "g2" });
    expect(await store.attempts.setAutomaticGrade(added.id + 1000, { score: 1, items: [], feedback: [], needsReview: false, graderVersion: "g3" })).toBeNull();
  });

  it("stores a retried delivery once when two stores (two processes) take it at the same moment", async () => {
    const one = await db.open();
    const two = await db.another();
    const tries = Array.from({ length: 20 }, (_, i) => [one, two].map((store) => store.attempts.add(attempt("u:ana", { interactionId: `d-${i}`, answer: `answer ${i}` })))).flat();
    const added = await Promise.all(tries);
    for (let i = 0; i < 20; i += 1) expect(added[2 * i]!.id).toBe(added[2 * i + 1]!.id);
    // Which of the two stored it first may differ from delivery to delivery: compare as sets.
    expect((await one.attempts.forUser("c", "u:ana")).map((a) => a.answer).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `answer ${i}`).sort());
  });
});
