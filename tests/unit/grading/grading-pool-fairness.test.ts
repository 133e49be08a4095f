import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { defaultPoolSize, createGradingPool, GradingBusyError, type GradingPool } from "../../../src/core/grading/grading-pool.ts";

/**
 * Fairness is about order, not time: which answers a worker takes while one student floods the
 * pool. The worker stand-in blocks for a while on an answer starting with "slow" and answers any
 * other at once, so the order results come back in is the order the pool ran them.
 */

const bank = new QuestionBank(loadBankFile(fileURLToPath(new URL("../../../data/banks/midterm.yaml", import.meta.url))));
const dW1 = bank.require("2c-i");
let pool: GradingPool | undefined;

function slowPool(options: { size: number; perStudent?: number; maxQueued?: number }): GradingPool {
  // The time limit is far above the stand-in's slow job: a timeout here would be the machine, not the pool.
  pool = createGradingPool({ ...options, timeoutMs: 30_000, workerEntry: new URL("../../fakes/slow-worker.mjs", import.meta.url), workerData: { slowMs: 150 } });
  return pool;
}

/** Grades `text` as `owner`, recording in `finished` when its result came back. */
function graded(p: GradingPool, owner: string, text: string, finished: string[]) {
  return p.grade(dW1, { text }, { owner }).then((outcome) => {
    finished.push(`${owner}:${text}`);
    return outcome;
  });
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("grading pool fairness", () => {
  it("grades an honest answer while another student floods the pool: the flood holds one worker, not all", async () => {
    const p = slowPool({ size: 2, perStudent: 5 });
    const finished: string[] = [];
    const flood = ["slow 1", "slow 2", "slow 3", "slow 4", "slow 5"].map((t) => graded(p, "mallory", t, finished));
    const honest = graded(p, "ana", "W x", finished);
    const outcomes = await Promise.all([honest, ...flood]);
    for (const o of outcomes) expect(o.ok).toBe(true);
    // FIFO would run two slow jobs first and the honest one after the whole flood. Here the honest
    // answer runs beside Mallory's first job, or, when the second worker is still starting (a loaded
    // machine), right after it: never behind the rest of the flood.
    expect(finished.indexOf("ana:W x")).toBeLessThan(finished.indexOf("mallory:slow 2"));
    // Mallory's jobs ran one at a time, in the order sent.
    expect(finished.filter((f) => f.startsWith("mallory:"))).toEqual(["slow 1", "slow 2", "slow 3", "slow 4", "slow 5"].map((t) => `mallory:${t}`));
  });

  it("takes students in turn: each student's next job waits for their previous one, not the class's", async () => {
    const p = slowPool({ size: 1 });
    const finished: string[] = [];
    const jobs = [
      graded(p, "bo", "slow b1", finished), graded(p, "bo", "slow b2", finished),
      graded(p, "cy", "slow c1", finished), graded(p, "cy", "slow c2", finished),
      graded(p, "di", "d1", finished),
    ];
    await Promise.all(jobs);
    expect(finished).toEqual(["bo:slow b1", "cy:slow c1", "di:d1", "bo:slow b2", "cy:slow c2"]);
  });

  it("refuses a student's job beyond their limit with a clear 'try again in a moment', keeping the others", async () => {
    const p = slowPool({ size: 1, perStudent: 2 });
    const finished: string[] = [];
    const first = [graded(p, "mallory", "slow 1", finished), graded(p, "mallory", "slow 2", finished)];
    const third = p.grade(dW1, { text: "slow 3" }, { owner: "mallory" });
    await expect(third).rejects.toBeInstanceOf(GradingBusyError);
    await expect(third).rejects.toMatchObject({ code: "grading-busy", message: expect.stringMatching(/still being graded.*again in a moment.*not saved/) });
    // Another student is not refused: the limit is per student.
    await expect(graded(p, "ana", "W x", finished)).resolves.toMatchObject({ ok: true });
    await Promise.all(first);
  });

  it("refuses everyone's new job when the whole line is full, and tools without an owner run side by side", async () => {
    const p = slowPool({ size: 1, maxQueued: 2 });
    const finished: string[] = [];
    await graded(p, "warm-up", "ready?", finished); // the worker is up: the next job runs, not waits
    const running = graded(p, "a", "slow a", finished);
    const waiting = [graded(p, "b", "slow b", finished), graded(p, "c", "slow c", finished)];
    await expect(p.grade(dW1, { text: "d" }, { owner: "d" })).rejects.toMatchObject({ code: "grading-busy", message: expect.stringMatching(/busy with the class's answers/) });
    await Promise.all([running, ...waiting]);
    // A TA's batch (no owner) is not held to one job at a time.
    const checks = await Promise.all(["x", "y"].map((s) => p.check(s, s)));
    expect(checks.map((c) => c.result)).toEqual(["equal", "equal"]);
  });

  it("sizes the pool from the cores: at least 2 workers, at most 8", () => {
    expect(defaultPoolSize(1)).toBe(2);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(6)).toBe(6);
    expect(defaultPoolSize(64)).toBe(8);
  });
});
