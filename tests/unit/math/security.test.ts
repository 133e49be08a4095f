import { afterAll, describe, expect, it } from "vitest";
import { createGradingPool } from "../../../src/core/grading/grading-pool.ts";
import { checkExpression, evaluateNumber } from "../../../src/core/math/index.ts";
import { ATTACKS } from "../../fixtures/hostile-expressions.ts";
import { backpropContext, dLdW1 } from "./math-fixtures.ts";

/** Every past sandbox escape and resource attack must come back as a plain message; their times are in `npm run bench -- worst`. */

describe("hostile input, in process", () => {
  it.each(ATTACKS)("%s is refused or answered with a message", (_label, input) => {
    const result = checkExpression(input, "x");
    expect(result.result).not.toBe("equal");
    expect(result.reason.length).toBeGreaterThan(10);
    expect(result.reason).not.toMatch(/\n\s+at /); // no stack traces
    const number = evaluateNumber(input);
    expect(number.ok).toBe(false);
  });

  it("refuses the attacks with a context too", () => {
    for (const [, input] of ATTACKS) {
      expect(checkExpression(input, dLdW1, { context: backpropContext }).result).not.toBe("equal");
    }
  });

  it("does not let the reference side through either", () => {
    expect(checkExpression("1", 'evaluate("1")').result).toBe("invalid");
  });
});

describe("hostile input, through the grading pool", () => {
  const pool = createGradingPool({ size: 2, timeoutMs: 2000 });
  afterAll(() => pool.close());

  it("answers every attack and still grades a normal check afterwards", async () => {
    const results = await Promise.all(ATTACKS.map(([, input]) => pool.check(input, "x")));
    for (const result of results) expect(result.result).not.toBe("equal");
    await expect(pool.check(dLdW1, "(step(W_1 x) .* (W3' (z - y))) x'", { context: backpropContext }))
      .resolves.toMatchObject({ result: "equal" });
  });

  it("stops an evaluation that runs too long and replaces the worker", async () => {
    const quick = createGradingPool({ size: 1, timeoutMs: 100 });
    try {
      const slow = Array.from({ length: 40 }, () => "ones(100,100)").join("*");
      const result = await quick.check(slow, "x");
      expect(result).toEqual({ result: "invalid", reason: "This expression took too long to evaluate (over 0.1 s); simplify it and try again." });
      await expect(quick.check("x+x", "2x")).resolves.toMatchObject({ result: "equal" });
    } finally {
      await quick.close();
    }
  });

  it("survives a worker killed by its memory limit", async () => {
    const hungry = createGradingPool({
      size: 1, timeoutMs: 20_000, maxOldGenerationSizeMb: 48,
      workerEntry: new URL("../../fakes/memory-hungry-worker.mjs", import.meta.url),
    });
    try {
      const result = await hungry.check("exhaust memory", "x");
      expect(result.result).toBe("invalid");
      expect(result.reason).toMatch(/too much memory|stopped/);
      await expect(hungry.check("(x+1)^2", "x^2+2x+1")).resolves.toMatchObject({ result: "equal" });
    } finally {
      await hungry.close();
    }
  });
});
