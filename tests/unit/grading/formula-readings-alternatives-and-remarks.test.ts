import { describe, expect, it } from "vitest";
import type { Blank } from "../../../src/core/bank/schema.ts";
import { checkedResult, isHedged } from "../../../src/core/grading/blank-readings.ts";
import { offeredAlternatives } from "../../../src/core/grading/formula-alternatives.ts";
import { rewriteIndicators } from "../../../src/core/math/indicator-rewrite.ts";
import { squareGroups } from "../../../src/core/math/student-input-normalizer.ts";
import { grade, item, score } from "./midterm-grading.ts";

// Kinds of reading for formulas, blanks and numbers. Every answer here is written for these
// tests (other wordings of each kind), not taken from a labelled set.
const countBlank: Blank = { kind: "number", label: "count", aliases: [], points: 2, value: "16", mistakes: [] };

describe("several formulas offered for one answer", () => {
  it("gives nothing to an aside that offers another formula, or to a comma list of candidates", () => {
    expect(score("2b", "z - y (or possibly y - z if the loss is flipped)")).toBe(0);
    expect(score("2b", "z - y or perhaps 2(z - y)")).toBe(0);
    expect(score("2b", "y - z, z - y, (z - y)'")).toBe(0);
    expect(score("4a-ii", "2mn + ml + m + l, mn + ml, 3mn")).toBe(0);
    expect(score("2b", "∓(y - z)")).toBe(0);
    expect(score("2c-ii", "W1' (step(W1 x) .* W3' dLdz) +/- W2' dLdz")).toBe(0);
    expect(grade("2b", "z - y or perhaps 2(z - y)").needsReview).toBe(false);
  });

  it("grades one formula when the entries are the same formula written twice", () => {
    expect(score("2b", "z - y, or equivalently -(y - z)")).toBe(4);
    expect(score("4a-ii", "2mn + ml + m + l or m(2n + l + 1) + l")).toBe(3);
    // Near miss: a list in words is not a list of formulas.
    expect(offeredAlternatives("z - y, since the loss is half the squared norm", (w) => ["z", "y"].includes(w))).toEqual([]);
  });

  it("splits at 'or' and at a bare comma list only", () => {
    const word = (w: string) => ["W1", "x", "sum"].includes(w);
    expect(offeredAlternatives("W1 x (or x W1)", word)).toEqual(["W1 x", "x W1"]);
    expect(offeredAlternatives("sum(W1, 2), x", word)).toEqual(["sum(W1, 2)", "x"]);
    expect(offeredAlternatives("L = W1 x, so x", word)).toEqual([]);
  });
});

describe("notation: brackets, reversed gates, asides, arrows and conclusions", () => {
  it("reads square brackets used for grouping as parentheses, not as a matrix", () => {
    expect(squareGroups("[a + b] * c")).toBe("(a + b) * c");
    expect(squareGroups("W'[f(a, b) .* v]")).toBe("W'(f(a, b) .* v)");
    // Near miss: a literal with commas stays a matrix.
    expect(squareGroups("[m, n]")).toBe("[m, n]");
    expect(score("2c-i", "dL/dW1 = [1(W1 x) ⊙ (W3ᵀ dL/dz)] xᵀ")).toBe(6);
    expect(score("2c-ii", "W1ᵀ [step(W1 x) ⊙ W3ᵀ dLdz] + W2ᵀ dLdz")).toBe(6);
  });

  it("reads a gate that passes the negative units as the reversed gate", () => {
    expect(rewriteIndicators("(u <= 0) .* v")).toBe("step(-(u)) .* v");
    expect(rewriteIndicators("1(u < 0) .* v")).toBe("step(-(u)) .* v");
    expect(score("2c-i", "(1(W1 x <= 0) ⊙ (W3ᵀ dLdz)) xᵀ")).toBe(3);
    // Near miss: the right gate keeps full credit.
    expect(score("2c-i", "((W1*x >= 0) .* (W3' * dLdz)) * x'")).toBe(6);
  });

  it("drops an aside in words in parentheses, but not a call or a formula in brackets", () => {
    expect(score("1c", "S = softmax(A) (applied per column)\ndL/dW = (S - Y) X'\ndL/db = (S - Y) u (summing over the examples)")).toBe(10);
    expect(score("2b", "(z - y) (the residual of the prediction)")).toBe(4);
    // Near miss: a bracketed factor is part of the formula.
    expect(score("2b", "2 (z - y)")).toBe(0);
  });

  it("takes the result after an arrow, and after 'so' at the end of worked text", () => {
    expect(score("4a-ii", "W1 and Ws are m by n each, W2 is l by m, biases m and l ⇒ 2mn + ml + m + l")).toBe(3);
    expect(score("4a-ii", "weights 2mn + lm, plus m + l for the biases -> 2mn + lm + m + l overall")).toBe(3);
    expect(score("2b", "L = 0.5 (z - y)'(z - y), its gradient is 0.5 * 2 (z - y) so simply z - y")).toBe(4);
    // Near miss: the conclusion itself is wrong.
    expect(score("2b", "L = 0.5 (z - y)'(z - y), its gradient is so simply y - z")).toBe(0);
  });

  it("reads a sum of parts described in words", () => {
    expect(score("2c-ii", "sum of two pieces: W2 transpose times dLdz, plus W1 transpose times (the relu gate of W1x element-wise times W3 transpose dLdz)")).toBe(6);
    // Near miss: one part is missing its transpose.
    expect(score("2c-ii", "sum of two pieces: W2 times dLdz, plus W1 transpose times (the relu gate of W1x element-wise times W3 transpose dLdz)")).toBe(0);
  });
});

describe("partial credit a TA gives for known slips", () => {
  it("gives half the bias blank for a gradient not summed over the examples", () => {
    expect(item("1c", "dW = (softmax(A) - Y) X^T; db = softmax(A) - Y", "dL/db")).toBe(2.5);
    expect(item("1c", "P = softmax(A)\ndL/dW = (P - Y) * X'\ndL/db = P - Y", "dL/db")).toBe(2.5);
    // Near miss: summed, it is right.
    expect(item("1c", "dW = (softmax(A) - Y) X^T; db = sum(softmax(A) - Y, 2)", "dL/db")).toBe(5);
  });

  it("counts one forgotten bias vector as a known mistake", () => {
    expect(score("4a-ii", "mn + m + mn + ml")).toBe(2);
    expect(score("4a-ii", "2nm + lm + l")).toBe(2);
    // Near miss: both biases forgotten is the other listed mistake, still 2; none of the weights is 0.
    expect(score("4a-ii", "m + l")).toBe(0);
  });

  it("gives the x-instead-of-xᵀ slip of 2c-i its partial credit", () => {
    expect(score("2c-i", "(step(W1 x) ⊙ (W3ᵀ dLdz)) x")).toBe(4);
  });
});

describe("numbers in blanks: lists, hedges and checked work", () => {
  it("treats a list of numbers, or an alternative with a question mark, as several answers", () => {
    expect(isHedged(countBlank, "16, 3, 32")).toBe(true);
    expect(isHedged(countBlank, "16 32")).toBe(true);
    expect(isHedged(countBlank, "16 (or 32?)")).toBe(true);
    expect(isHedged(countBlank, "16, 26 or 32")).toBe(true);
    // Near misses: one number with a thousands comma, and the same number twice.
    expect(isHedged(countBlank, "4,608")).toBe(false);
    expect(isHedged(countBlank, "16 16")).toBe(false);
    expect(score("4b-ii", "depth: 16 32\nparameters: 4608 864")).toBe(0);
    expect(item("4b-i", "filters: 16 (or 3?)\nsize: 7x7x3", "filters")).toBe(0);
  });

  it("takes the result of work whose arithmetic checks out", () => {
    expect(checkedResult("3*3*16 weights in each filter, times 32 filters = 4608")).toBe("4608");
    expect(checkedResult("32 filters × 3×3×16 = 4608 weights")).toBe("4608");
    // Near miss: the work does not give the stated result.
    expect(checkedResult("3*3*16 per filter × 32 = 4600")).toBeUndefined();
    expect(score("4b-ii", "every filter spans the 16 input channels so depth = 16; params = 3·3·16 each × 32 filters = 4608")).toBe(5);
  });
});

describe("shapes and counts said in words", () => {
  it("keeps two numbers in words apart: 'seven and three' is not ten", () => {
    expect(score("4b-i", "sixteen filters, each five by five and three channels deep")).toBe(2);
    expect(score("4b-i", "16 filters of 7x7 with a depth of 3")).toBe(5);
    expect(score("4b-i", "filters: 16\nsize: 5x5 (depth: 3)")).toBe(2);
    expect(score("4b-i", "sixteen filters; each is seven by seven, three deep")).toBe(5);
    // Near miss: one hundred and eight is still one number.
    expect(score("4b-ii", "depth: sixteen\nparameters: one hundred and eight")).toBe(2);
  });

  it("skips an aside in words after a value, but reads an aside that offers another answer", () => {
    expect(score("4b-ii", "depth 16; 4608 weights (without the 32 bias terms)")).toBe(5);
    expect(score("4b-i", "16 filters (one per output channel) of 7x7x3")).toBe(5);
    // Near miss: "(maybe 32)" is a second answer.
    expect(item("4b-ii", "depth: 16 (maybe 32)\nparameters: 4608", "depth")).toBe(0);
  });

  it("reads 'times' between numbers as a product in a count", () => {
    expect(score("4b-ii", "depth: 16\nparameters: 32 times 3 times 3 times 16")).toBe(5);
    expect(item("4b-ii", "depth: 16\nparameters: 32 multiplied by 144", "parameters")).toBe(3);
    // Near miss: the biases added on top are the listed slip.
    expect(item("4b-ii", "depth: 16\nparameters: 32 times 144 + 32", "parameters")).toBe(2);
  });

  it("reads rows and columns in words as a shape, rows first", () => {
    expect(score("4a-i", "W1: m rows, n columns\nWs: n columns and m rows\nW2: l rows by m columns")).toBe(3);
    // Near miss: the rows and columns of W1 swapped.
    expect(item("4a-i", "W1: n rows and m columns\nWs: m x n\nW2: l x m", "W1")).toBe(0);
  });

  it("adds up a count itemised in words, for a TA to confirm", () => {
    const g = grade("4a-ii", "nm for W1, nm again for Ws, ml for W2, then m + l for the two bias vectors");
    expect([g.score, g.needsReview]).toEqual([3, true]);
    expect(score("4a-ii", "2 times mn for the input side, lm for the output layer, plus l + m biases")).toBe(3);
    // Near miss: the shortcut matrix left out is the listed slip.
    expect(score("4a-ii", "mn for W1, lm for W2, then m + l biases")).toBe(2);
  });
});

describe("a slip no listed mistake covers goes to a TA, never a silent 0", () => {
  it("sends the answer times a constant to review", () => {
    for (const text of ["2 (z - y)", "(z - y) / 2", "-2*(z - y)"]) {
      const g = grade("2b", text);
      expect([g.score, g.needsReview], text).toEqual([0, true]);
    }
    // Near miss: the whole sign flipped is the listed mistake, graded as such.
    expect(grade("2b", "-(z - y)").needsReview).toBe(false);
  });

  it("sends the answer with one term's sign flipped to review", () => {
    const g = grade("2c-ii", "W1ᵀ (step(W1 x) ⊙ W3ᵀ dLdz) - W2ᵀ dLdz");
    expect([g.score, g.needsReview]).toEqual([0, true]);
    expect(grade("4a-ii", "2mn - ml + m + l").needsReview).toBe(true);
    // Near miss: a wrong term, not a flipped one, is simply wrong.
    expect(grade("4a-ii", "2mn + ml + m + n").needsReview).toBe(false);
  });
});

describe("remarks around a formula", () => {
  it("drops a denied alternative and a shape said after the result", () => {
    expect(score("2b", "z - y (not -(z - y))")).toBe(4);
    expect(score("1c", "dW = (softmax(A) - Y) X' (c × d)\ndb = (softmax(A) - Y) u (c x 1)")).toBe(10);
    expect(score("1c", "dW = (softmax(A) - Y) X' => shape c x d; db = (softmax(A) - Y) u => shape c")).toBe(10);
    // Near misses: a bracketed declared name is a factor, and a bracketed number too.
    expect(score("2c-i", "(step(W1 x) .* (W3' dLdz)) (x)'")).toBe(6);
    expect(grade("2b", "(z - y) (2)").needsReview).toBe(true);
  });

  it("reads an intermediate named with a Greek letter", () => {
    expect(score("2c-i", "γ = step(W1 x) ⊙ (W3ᵀ dLdz); dL/dW1 = γ xᵀ")).toBe(6);
    expect(score("2c-ii", "let σ = W3' dLdz, then dx = W1' (step(W1 x) .* σ) + W2' dLdz")).toBe(6);
    // Near miss: the Greek name's definition misses the gate.
    expect(score("2c-i", "γ = W3ᵀ dLdz; dL/dW1 = γ xᵀ")).toBe(3);
  });

  it("reads a formula in words after a lead-in", () => {
    const g = grade("2b", "my answer is z minus y");
    expect([g.score, g.needsReview]).toEqual([4, true]);
    // Near miss: the words say the flipped sign.
    expect(score("2b", "my answer is y minus z")).toBe(0);
  });
});

