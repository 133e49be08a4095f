import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import type { Question } from "../../../src/core/bank/schema.ts";
import { createGradingPool } from "../../../src/core/grading/grading-pool.ts";
import { TroubledPool } from "../../fakes/troubled-pool.ts";

/**
 * A grading that cannot finish is a failure outcome, never a grade: the caller must not be able
 * to mistake a timeout or a dead worker for a 0 the student earned.
 */

const bank = new QuestionBank(loadBankFile(fileURLToPath(new URL("../../../data/banks/midterm.yaml", import.meta.url))));
const dW1 = bank.require("2c-i");
const RIGHT = { text: "(1(W_1 x) ⊙ (W3ᵀ dL/dz)) xᵀ" };

describe("grading pool failures", () => {
  // The pool's timeout ends a hang; it is the mechanism under test, not a measured time.
  const troubled = new TroubledPool({ size: 1, timeoutMs: 1000 });
  const pool = troubled.pool;
  afterAll(() => troubled.close());

  it("reports a hang as a timeout, then grades again with a fresh worker", async () => {
    troubled.hangNext();
    await expect(pool.grade(dW1, RIGHT)).resolves.toEqual({ ok: false, failure: "timeout", detail: "no answer within 1000 ms" });
    await expect(pool.grade(dW1, RIGHT)).resolves.toMatchObject({ ok: true, grade: { score: dW1.points } });
  });

  it("reports a worker that exits mid-job as a crash", async () => {
    troubled.crashNext();
    await expect(pool.grade(dW1, RIGHT)).resolves.toMatchObject({ ok: false, failure: "crash", detail: expect.stringMatching(/code 70/) });
    await expect(pool.grade(dW1, RIGHT)).resolves.toMatchObject({ ok: true, grade: { score: dW1.points } });
  });

  it("reports a grader that throws in a worker as an internal failure, with the stack for the log", async () => {
    troubled.breakNext();
    const outcome = await pool.grade(dW1, RIGHT);
    expect(outcome).toMatchObject({ ok: false, failure: "internal", detail: expect.stringMatching(/TypeError[\s\S]*\n\s+at /) });
  });

  it("reports a grader that throws inline (text-only questions) as an internal failure", async () => {
    const tf = bank.require("3a");
    const broken = { ...tf, answer: { ...tf.answer, get justification(): never { throw new Error("boom in the rubric"); } } } as unknown as Question;
    await expect(pool.grade(broken, { text: "false, because it helps generalization" }))
      .resolves.toMatchObject({ ok: false, failure: "internal", detail: expect.stringMatching(/boom in the rubric/) });
  });

  it("says when it is idle: at once when nothing runs, else once its queued work is done", async () => {
    await expect(pool.whenIdle()).resolves.toBe(true);
    const order: string[] = [];
    const jobs = [pool.grade(dW1, RIGHT), pool.grade(dW1, { text: "x" })].map((job) => job.then(() => order.push("graded")));
    const idle = pool.whenIdle().then((value) => order.push(`idle ${value}`));
    await Promise.all([...jobs, idle]);
    expect(order).toEqual(["graded", "graded", "idle true"]);
  });

  it("is never idle again once closed, and grades nothing then", async () => {
    const closing = createGradingPool({ size: 1 });
    const waiting = closing.grade(dW1, RIGHT);
    const idle = closing.whenIdle();
    await closing.close();
    await expect(idle).resolves.toBe(false);
    await expect(waiting).resolves.toMatchObject({ ok: false, failure: "closed" });
    await expect(closing.whenIdle()).resolves.toBe(false);
    await expect(closing.grade(dW1, RIGHT)).resolves.toMatchObject({ ok: false, failure: "closed" });
  });
});
