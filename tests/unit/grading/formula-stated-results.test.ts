import { describe, expect, it } from "vitest";
import { type Case, expectScores, grade, item } from "./midterm-grading.ts";

/**
 * A formula stated inside prose (formula-text.ts, formula-remarks.ts, index-notation.ts): after a
 * lead-in that ends in a colon, after a sentence that states it ("The gradient is …", "That's …"),
 * the last of a simplification; code restating it in brackets or after `#`; the elementwise product
 * typed `(.)` or `(hadamard)`; a denied alternative after a per-class sum. Near misses stay wrong.
 */
describe("a formula after a lead-in in words and a colon", () => {
  const right: Case[] = [
    ["4a-ii", "The skip matrix has its own weights so we have to count it as well: 2nm + lm + l + m", 3],
    ["2c-ii", "both paths into x give a gradient, and they add up:\ndL/dx = W2' dLdz + W1' (step(W1 x) .* (W3' dLdz))", 6],
    ["2b", "differentiating the half squared norm gives back the residual: z - y", 4],
  ];
  expectScores(right);

  const nearMisses: Case[] = [
    // The shortcut matrix forgotten: the listed mistake.
    ["4a-ii", "The skip matrix needs no weights of its own here: nm + lm + l + m", 2],
    // The sign flipped after the colon.
    ["2b", "differentiating the half squared norm gives back the residual: y - z", 0],
  ];
  expectScores(nearMisses);
});

describe("a sentence that states the result after prose", () => {
  const right: Case[] = [
    ["4a-ii", "Each weight matrix counts its entries and each bias its length. That's 2nm + lm + m + l altogether.", 3],
    ["2b", "The loss is half the squared distance. The gradient is the vector z - y.", 4],
    // A shape after the result, then a full stop.
    ["2b", "Half the squared length differentiates nicely. The gradient is z - y (m x 1).", 4],
  ];
  expectScores(right);

  const nearMisses: Case[] = [
    ["2b", "The loss is half the squared distance. The gradient is the vector 2(z - y).", 0],
    // A denied formula first, then a wrong one stated: still wrong.
    ["2b", "It is not z - y, that is too simple. The gradient is the vector y - z.", 0],
    ["4a-ii", "Each weight matrix counts its entries. That's 2nm + lm in total.", 2],
  ];
  expectScores(nearMisses);
});

describe("the last result of a simplification is the answer", () => {
  it("grades what the work simplifies to, so a wrong simplification is wrong", () => {
    expect(grade("4a-ii", "nm + m + nm + lm + l = 2nm + lm + m + l, which simplifies to (m+1)(n+l)").score).toBe(0);
    expect(grade("4a-ii", "nm + m + nm + lm + l, which simplifies to 2nm + lm + m + l").score).toBe(3);
  });
});

describe("code and typed operators around a formula", () => {
  const right: Case[] = [
    // The same result restated in numpy, in brackets.
    ["2b", "dL/dz = z - y   (numpy: grad = z - y)", 4],
    // Shapes in code comments after each statement.
    ["2c-i", "h = W1 @ x          # pre-activation (p,)\ng = (h >= 0) * (W3.T @ dLdz)   # (p,)\ndW1 = np.outer(g, x)   # (p, n)", 6],
    // The elementwise product typed as (.) or (hadamard), in a chain of steps.
    ["2c-i", "let h = W1 x, r = relu(h).\ndL/dh = 1(h) (hadamard) W3^T dL/dz\ndL/dW1 = (1(W1 x) (.) (W3^T dL/dz)) x^T", 6],
  ];
  expectScores(right);

  const nearMisses: Case[] = [
    // The transpose of W3 dropped, with the typed elementwise product.
    ["2c-i", "dL/dW1 = (1(W1 x) (.) (W3 dL/dz)) x^T", 0],
    // The indicator left out in code.
    ["2c-i", "g = W3.T @ dLdz   # (p,)\ndW1 = np.outer(g, x)   # (p, n)", 3],
  ];
  expectScores(nearMisses);
});

describe("a per-class sum followed by a denied alternative (1c)", () => {
  it("reads the affirmed sum and drops the denied one", () => {
    const text = "∂L/∂w_k = Σ_i (p_ik − 1[y_i = k]) x_i, not Σ_i p_ik x_i\n∂L/∂b_k = Σ_i (p_ik − 1[y_i = k])";
    expect(item("1c", text, "dL/dW")).toBe(5);
  });

  it("does not credit the denied sum when it is the one given", () => {
    const text = "∂L/∂w_k = Σ_i p_ik x_i, not Σ_i (p_ik − 1[y_i = k]) x_i\n∂L/∂b_k = Σ_i (p_ik − 1[y_i = k])";
    expect(item("1c", text, "dL/dW")).toBeLessThan(5);
  });

  it("reads p_k inside a sum over the examples as the probability of example i", () => {
    expect(item("1c", "dL/dw_k = Σ_i (p_k − 1{k=y_i}) x_i\ndL/db_k = Σ_i (p_k − 1{k=y_i})", "dL/db")).toBe(5);
  });

  it("gives nothing for a part with two signs offered by convention", () => {
    const text = "dL/dw_k = Σ_i (p_k − 1{k=y_i}) x_i or Σ_i (1{k=y_i} − p_k) x_i depending on convention\ndL/db_k = Σ_i (p_k − 1{k=y_i})";
    expect(item("1c", text, "dL/dW")).toBe(0);
    expect(item("1c", text, "dL/db")).toBe(5);
  });
});
