import { describe, expect, it } from "vitest";
import { ALLOWED_FUNCTIONS, evaluateNumber, referencedSymbols } from "../../../src/core/math/index.ts";

describe("referencedSymbols", () => {
  it.each([
    ["W3*relu(W1*x) + W2*x", ["W3", "W1", "x", "W2"]],
    ["(step(W1*x) .* (W3' * dLdz)) * x'", ["W1", "x", "W3", "dLdz"]],
    ["e^(i*pi) + x_1", ["x_1"]],
    ["W1ᵀ x² + A^T", ["W1", "x", "A"]],
    ["softmax(W*X + b*u') - Y", ["W", "X", "b", "u", "Y"]],
  ])("%s uses %j", (expression, expected) => {
    expect(referencedSymbols(expression)).toEqual(expected);
  });

  it("throws a readable error for text that is not an expression", () => {
    expect(() => referencedSymbols("x +")).toThrow(/cannot read "x \+": this is not a valid expression/);
    expect(() => referencedSymbols("x = 1")).toThrow(/assignments/);
  });
});

describe("evaluateNumber", () => {
  it.each([["32*3*3*16", 4608], ["4,608", 4608], ["2^10", 1024], ["1e-3", 0.001], ["sqrt(16) − 1", 3], ["3·4", 12]])("%s is %d", (text, value) => {
    expect(evaluateNumber(text)).toEqual({ ok: true, value });
  });

  it.each([["1/0", /finite/], ["0/0", /finite/], ["x+1", /uses x/], ["[1,2]", /single number/], ["sqrt(-1)", /real/], ["2 +", /not a valid/]])(
    "%s is refused",
    (text, message) => {
      const result = evaluateNumber(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    },
  );
});

it("lists the functions students may use", () => {
  expect(ALLOWED_FUNCTIONS).toEqual(expect.arrayContaining(["relu", "sigmoid", "softmax", "step", "diag", "exp", "log", "sqrt", "tanh", "abs", "max", "norm", "sum", "ones", "transpose"]));
  expect(ALLOWED_FUNCTIONS).not.toContain("evaluate");
});
