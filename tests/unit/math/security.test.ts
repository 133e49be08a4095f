import { afterAll, describe, expect, it } from "vitest";
import { createGradingPool } from "../../../src/core/grading/grading-pool.ts";
import { checkExpression, evaluateNumber } from "../../../src/core/math/index.ts";
import { backpropContext, dLdW1 } from "./math-fixtures.ts";

/**
 * Every input here once broke a sandbox somewhere (mathjs's own security suite lists most) or
 * would cost the bot its memory or its event loop. Each must come back as a plain message.
 */

const ATTACKS: Array<[label: string, input: string]> = [
  ["a 10^10-element matrix", "ones(100000,100000)"],
  ["zeros with a huge size", "zeros(1e5,1e5)"],
  ["a huge identity", "identity(100000)"],
  ["an outer product of generated vectors", "ones(10000,1)*ones(1,10000)"],
  ["a huge range", "1:1e8"],
  ["factorial of a million", "factorial(1e6)"],
  ["the factorial operator", "1000000!"],
  ["a 100k-character sum", Array.from({ length: 50_000 }, () => "1").join("+")],
  ["10k nested parentheses", `${"(".repeat(10_000)}1${")".repeat(10_000)}`],
  ["import", "import({}, {override: true})"],
  ["evaluate", 'evaluate("1")'],
  ["parse", 'parse("x")'],
  ["compile", 'compile("1")'],
  ["simplify", 'simplify("x")'],
  ["derivative", 'derivative("x^2", "x")'],
  ["resolve", 'resolve("x")'],
  ["reviver", "reviver()"],
  ["createUnit", 'createUnit("x")'],
  ["config", "config({number: 'BigNumber'})"],
  ["chain", "chain(1)"],
  ["the Function constructor via a function", 'cos.constructor("return process")()'],
  ["the Function constructor via an array", '[].map.constructor("return process")()'],
  ["__proto__", "__proto__"],
  ["constructor as a symbol", "constructor"],
  ["prototype access", "x.prototype"],
  ["toString", "toString"],
  ["property access with a string", 'x["constructor"]'],
  ["an object literal", "{a: 1}.a"],
  ["a string literal", '"abc"'],
  ["a single-quoted string", "'abc'"],
  ["an assignment", "x = 1"],
  ["a function definition", "f(x) = x"],
  ["a block", "x; 1"],
  ["a conditional", "x > 0 ? 1 : 0"],
  ["a comparison", "x > 1"],
  ["indexing", "[1,2,3][1]"],
  ["a huge literal matrix", `[${Array.from({ length: 1000 }, () => "1").join(",")}]`],
  ["a tower of exponents", "10^10^10"],
  ["a taller tower", "10^10^10^10^10"],
  ["a huge matrix power", "ones(100,100)^100000000"],
  ["sin of a huge number", "sin(10^1000)"],
  ["a unit conversion", "5 cm to inch"],
  ["a dollar name", "$x"],
  ["an unknown function", "gamma(5)"],
];

const TIME_BUDGET_MS = 1500;

describe("hostile input, in process", () => {
  it.each(ATTACKS)("%s is refused or answered with a message", (_label, input) => {
    const started = performance.now();
    const result = checkExpression(input, "x");
    expect(performance.now() - started).toBeLessThan(TIME_BUDGET_MS);
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
