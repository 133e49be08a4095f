import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { createGradingPool } from "../../../src/core/grading/grading-pool.ts";

/** The pool grades real bank questions in its workers, and inline where no math is involved. */

const bank = loadBankFile(fileURLToPath(new URL("../../../data/banks/midterm.yaml", import.meta.url)));
const question = (id: string) => {
  const found = bank.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id} in the bank`);
  return found;
};

describe("createGradingPool", () => {
  const pool = createGradingPool();
  afterAll(() => pool.close());

  it("grades an expression question in a worker", async () => {
    const q = question("2c-i");
    const outcome = await pool.grade(q, { text: "(1(W_1 x) ⊙ (W3ᵀ dL/dz)) xᵀ" });
    expect(outcome).toMatchObject({ ok: true, grade: { question: "2c-i", score: q.points, max: q.points } });
  });

  it("turns a hostile answer into feedback, not an exception", async () => {
    const q = question("2c-i");
    // Refused by the expression guard before any evaluation: the student's own input, graded 0 with a reason.
    const outcome = await pool.grade(q, { text: "ones(100000,100000)" });
    if (!outcome.ok) throw new Error(`grading failed: ${outcome.failure}`);
    expect(outcome.grade).toMatchObject({ score: 0, needsReview: false });
    expect(outcome.grade.feedback.join(" ")).toMatch(/ones sizes are limited/);
  });

  it("grades many checks concurrently across its workers", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, k) => pool.check(`x*${k} + x`, `(${k}+1)*x`)));
    expect(results.every((r) => r.result === "equal")).toBe(true);
  });

  it("answers after close without starting workers", async () => {
    const closing = createGradingPool({ size: 1 });
    await closing.close();
    await expect(closing.check("x", "x")).resolves.toMatchObject({ result: "invalid", reason: expect.stringMatching(/shutting down/) });
  });
});
