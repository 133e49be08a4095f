import { describe, expect, it } from "vitest";
import { checkExpression } from "../../../src/core/math/index.ts";
import { backpropContext, countContext, dLdW1 } from "./math-fixtures.ts";

const withContext = (student: string, reference = dLdW1) => checkExpression(student, reference, { context: backpropContext });

describe("checkExpression with a question's context", () => {
  it.each([
    ["the reference itself", dLdW1],
    ["z - y spelled out", "(step(W1*x) .* (W3' * (z - y))) * x'"],
    ["z expanded", "(step(W1*x) .* (W3' * (W3*relu(W1*x) + W2*x - y))) * x'"],
    ["dL/dz, juxtaposition, ^T and the indicator 1(u)", "(1(W1 x) .* (W3^T dL/dz)) x^T"],
    ["Unicode: ⊙, ᵀ, 𝟙 and the alias W_1", "(𝟙(W_1 x) ⊙ (W3ᵀ dLdz)) xᵀ"],
    ["transpose() and indicator()", "dotMultiply(indicator(W1*x), transpose(W3)*dLdz) * transpose(x)"],
    ["diag form", "diag(step(W1*x)) * W3' * dLdz * x'"],
  ])("accepts %s", (_label, student) => {
    expect(withContext(student)).toMatchObject({ result: "equal" });
  });

  it("names the shapes when a transpose is missing", () => {
    const result = withContext("(step(W1*x) .* (W3' * dLdz)) * x");
    expect(result.result).toBe("different");
    expect(result.reason).toMatch(/cannot be evaluated|shape|matrix|vector/);
  });

  it("reports a wrong shape in words", () => {
    const result = withContext("step(W1*x) .* (W3' * dLdz)");
    expect(result).toEqual({ result: "different", reason: expect.stringMatching(/your answer is a \d×1 vector but a \d×\d matrix is expected/) });
  });

  it("says a product or a sum whose sizes do not fit in the question's words, never the checker's sample sizes", () => {
    const product = withContext("W1 * W3");
    expect(product.reason).toMatch(/a product whose sizes do not fit .* check the order of the factors and the transposes/);
    expect(product.reason).not.toMatch(/Matrix A|\(\d+\)/);
    expect(withContext("W1 + x").reason).toMatch(/terms whose sizes differ/);
  });

  it("catches the transposed answer even though every product is defined", () => {
    expect(withContext("x * (step(W1*x) .* (W3' * dLdz))'").result).toBe("different");
  });

  it("tells relu from its derivative", () => {
    expect(withContext("(relu(W1*x) .* (W3' * dLdz)) * x'").result).toBe("different");
  });

  it("names the allowed symbols for an unknown one", () => {
    const result = withContext("q * x'");
    expect(result.result).toBe("invalid");
    expect(result.reason).toContain("`q` is not defined here; you may use x, y, W1, W2, W3, z, dLdz");
  });

  it("names the allowed functions for an unknown one", () => {
    const result = withContext("foo(x)");
    expect(result.result).toBe("invalid");
    expect(result.reason).toMatch(/`foo` is not a function you may use; allowed functions: .*relu/);
  });

  it("treats softmax column by column", () => {
    const context = { dimensions: {}, derived: {}, symbols: { A: { shape: [4, 3], domain: "real" as const, aliases: [] } } };
    expect(checkExpression("softmax(A)", "exp(A) * diag(1 ./ (ones(1, 4) * exp(A)))", { context }).result)
      .toBe("equal");
  });
});

describe("scalar answers as students type them", () => {
  const reference = "2*m*n + m*l + m + l";
  it.each(["2mn+ml+m+l", "2 m n + m l + m + l", "m(2n+l+1)+l", "mn + m + mn + ml + l", "m·(2n + l + 1) + l"])("accepts %s", (student) => {
    expect(checkExpression(student, reference, { context: countContext })).toMatchObject({ result: "equal" });
  });

  it("gives a value it can show for a wrong count", () => {
    const result = checkExpression("mn+ml+m+l", reference, { context: countContext });
    expect(result.result).toBe("different");
    expect(result.reason).toMatch(/your answer is \d+ but the expected value is \d+/);
  });

  it("uses the unicode minus and superscripts", () => {
    expect(checkExpression("m² − n²", "(m-n)*(m+n)", { context: countContext }).result).toBe("equal");
  });
});

describe("checkExpression without a context", () => {
  it.each([
    ["x*(x+1)", "x^2+x", "equal"],
    ["x1", "x_1", "different"],
    ["X", "x", "different"],
    ["sqrt(-1)", "i", "equal"],
    ["[1,2]", "[1,2,3]", "different"],
    ["99999999/10^8", "99999998/99999999", "different"],
    ["(x-a)^6000", "(a-x)^6000", "equal"],
    ["1/0", "1", "invalid"],
    ["1 +", "1", "invalid"],
  ])("%s vs %s is %s", (student, reference, expected) => {
    expect(checkExpression(student, reference).result).toBe(expected);
  });

  it("requires a tolerance for numeric tests", () => {
    expect(checkExpression("0", "0", { test: "relative" })).toEqual({ result: "invalid", reason: "the relative test needs a tolerance" });
  });

  it("applies relative and absolute tolerances at the edge", () => {
    expect(checkExpression("1.05", "1", { test: "relative", rtol: 0.05 }).result).toBe("equal");
    expect(checkExpression("0.949", "1", { test: "relative", rtol: 0.05 }).result).toBe("different");
    expect(checkExpression("3.14", "pi", { test: "absolute", atol: 0.001 }).result).toBe("different");
  });
});
