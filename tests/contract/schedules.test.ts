import { expect, it } from "vitest";
import { at } from "./records.ts";
import { describeStores } from "./stores.ts";

describeStores("schedules, served questions and hints", (db) => {
  it("keeps a review card's due time and the scheduler's state as given, one card per question", async () => {
    const store = await db.open();
    const state = { stability: 2.5, difficulty: 5.1, reps: 1, lapses: 0, last: "2026-11-28T10:00:00.000Z", nested: { steps: [1, 10] }, none: null };
    await store.schedules.put("c", "u:ana", { question: "3a", dueAt: at(60), state });
    await store.schedules.put("c", "u:ana", { question: "1a", dueAt: at(30), state: { reps: 0 } });
    await store.schedules.put("c", "u:ana", { question: "3a", dueAt: at(90), state: { ...state, reps: 2 } });
    await store.schedules.put("c", "u:ben", { question: "1a", dueAt: at(10), state: {} });
    expect(await store.schedules.get("c", "u:ana", "3a")).toEqual({ question: "3a", dueAt: at(90), state: { ...state, reps: 2 } });
    expect((await store.schedules.forUser("c", "u:ana")).map((r) => [r.question, r.dueAt])).toEqual([["1a", at(30)], ["3a", at(90)]]);
    expect(await store.schedules.get("c", "u:ana", "2b")).toBeNull();
    expect(await store.schedules.get("other", "u:ana", "3a")).toBeNull();
  });

  it("remembers which questions were served, with the variant last shown", async () => {
    const store = await db.open();
    expect(await store.served.has("c", "u:ana", "1a")).toBe(false);
    expect(await store.served.variant("c", "u:ana", "1a")).toBeNull();
    const variant = { seed: 11, values: { N: 28, F: 5, stride: 1.5 } };
    await store.served.mark("c", "u:ana", "1a", at(), variant);
    expect(await store.served.has("c", "u:ana", "1a")).toBe(true);
    expect(await store.served.has("c", "u:ben", "1a")).toBe(false);
    expect(await store.served.variant("c", "u:ana", "1a")).toEqual(variant);
    // Served again with the exam's own numbers: the variant is gone.
    await store.served.mark("c", "u:ana", "1a", at(5));
    expect(await store.served.variant("c", "u:ana", "1a")).toBeNull();
    await store.served.mark("c", "u:ana", "1a", at(6), null);
    expect(await store.served.has("c", "u:ana", "1a")).toBe(true);
  });

  it("counts a solution looked at once, for the next answer only, and as serving the question", async () => {
    const store = await db.open();
    expect(await store.served.takeSolutionSeen("c", "u:ana", "3b")).toBe(false);
    await store.served.solutionSeen("c", "u:ana", "3b", at());
    expect(await store.served.has("c", "u:ana", "3b")).toBe(true);
    // Asked for the question again before answering: the solution was still seen.
    await store.served.mark("c", "u:ana", "3b", at(1));
    expect(await store.served.takeSolutionSeen("c", "u:ana", "3b")).toBe(true);
    expect(await store.served.takeSolutionSeen("c", "u:ana", "3b")).toBe(false);
    await store.served.solutionSeen("c", "u:ana", "3b", at(2));
    expect(await store.served.takeSolutionSeen("c", "u:ben", "3b")).toBe(false);
    expect(await store.served.takeSolutionSeen("c", "u:ana", "3b")).toBe(true);
  });

  it("climbs a question's hint ladder, never down, and starts it over when reset", async () => {
    const store = await db.open();
    expect(await store.served.hintsShown("c", "u:ana", "4a-i")).toBe(0);
    // Hints follow a served question: nothing to climb before.
    expect(await store.served.climbHints("c", "u:ana", "4a-i", 1)).toBe(0);
    await store.served.mark("c", "u:ana", "4a-i", at());
    expect(await store.served.climbHints("c", "u:ana", "4a-i", 1)).toBe(1);
    expect(await store.served.climbHints("c", "u:ana", "4a-i", 3)).toBe(3);
    expect(await store.served.climbHints("c", "u:ana", "4a-i", 2)).toBe(3);
    expect(await store.served.hintsShown("c", "u:ana", "4a-i")).toBe(3);
    // Serving the question again keeps the ladder; a full-marks answer resets it.
    await store.served.mark("c", "u:ana", "4a-i", at(5));
    expect(await store.served.hintsShown("c", "u:ana", "4a-i")).toBe(3);
    await store.served.resetHints("c", "u:ana", "4a-i");
    expect(await store.served.hintsShown("c", "u:ana", "4a-i")).toBe(0);
    expect(await store.served.climbHints("c", "u:ana", "4a-i", 1)).toBe(1);
  });

  it("climbs to the highest rung when two stores (two processes) press hint buttons at once", async () => {
    const one = await db.open();
    const two = await db.another();
    await one.served.mark("c", "u:ana", "4a-i", at());
    const reached = await Promise.all([1, 2, 3, 2, 1].map((rung, i) => (i % 2 ? two : one).served.climbHints("c", "u:ana", "4a-i", rung)));
    expect(Math.max(...reached)).toBe(3);
    expect(await two.served.hintsShown("c", "u:ana", "4a-i")).toBe(3);
  });
});
