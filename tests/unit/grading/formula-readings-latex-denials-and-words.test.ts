import { describe, expect, it } from "vitest";
import { readRemarks } from "../../../src/core/grading/formula-remarks.ts";
import { grade, score } from "./midterm-grading.ts";

// Formulas as students write them (round 5): pasted LaTeX, a set the result lies in, a formula
// rejected before the answer, a formula said to be a part of something, per-class sums with the
// softmax spelled out, and formulas in words. Every answer here is written for these tests, not
// taken from a labelled set.

const anyMath = (clause: string) => /[\d+*/^=()_\\-]/.test(clause) || /\b[xyz]\b/.test(clause);

describe("LaTeX that only sets the type, and the set a result lies in", () => {
  it("reads sized brackets, \\tfrac and \\dfrac, \\mathbb{1}, \\odot and ^\\top", () => {
    expect(score("2c-i", String.raw`\Big(\mathbb{1}(W_1 x) \odot W_3^{\top}\dfrac{\partial L}{\partial z}\Big) x^\top`)).toBe(6);
    expect(score("2c-ii", String.raw`W_2^\top\dfrac{\partial L}{\partial z} + W_1^\top\bigl(\mathbb{1}(W_1x)\odot W_3^\top\tfrac{\partial L}{\partial z}\bigr)`)).toBe(6);
    // Near miss: the same LaTeX with W3's transpose dropped is the listed mistake, worth nothing.
    expect(score("2c-i", String.raw`\Big(\mathbb{1}(W_1 x) \odot W_3\dfrac{\partial L}{\partial z}\Big) x^\top`)).toBe(0);
  });

  it("drops a set annotation after the result, in any spelling", () => {
    expect(score("2b", String.raw`\nabla_{z} L = z - y \in \mathbb{R}^{m}`)).toBe(4);
    expect(score("2b", "z - y ∈ ℝ^{m×1}")).toBe(4);
    expect(score("2b", "dL/dz = z - y in R^m")).toBe(4);
    // Near miss: the annotation does not hide a flipped sign.
    expect(score("2b", "y - z ∈ ℝ^m")).toBe(0);
  });
});

describe("a formula rejected, then the answer", () => {
  it("reads the affirmed formula, not the denied one", () => {
    expect(score("2b", "it's not y - z, the square is symmetric but its derivative is not. so it is z - y")).toBe(4);
    expect(score("4a-ii", "it's not 2mn + ml, the biases count too. total = 2mn + ml + m + l")).toBe(3);
    expect(score("2b", "not 2(z - y) but z - y")).toBe(4);
  });

  it("grades the affirmed formula when it is the wrong one (near misses)", () => {
    // The denied formula is right: what is affirmed is a listed mistake.
    expect(score("4a-ii", "not 2mn + ml + m + l, the shortcut is not trained. total = mn + ml + m + l")).toBe(2);
    expect(score("2b", "not z - y, the half stays. so it's y - z")).toBe(0);
    // A denial alone gives no answer: never credited.
    expect(score("2b", "the answer is not z - y")).toBe(0);
  });
});

describe("a formula said to be a part of something is not the answer", () => {
  it("sends the claim to review with nothing earned", () => {
    const claim = grade("2b", "dL/dz = 1/2 (z - y)^T (z - y), so z - y shows up in it");
    expect(claim.score).toBe(0);
    expect(claim.needsReview).toBe(true);
    const alone = grade("2b", "z - y appears in the loss");
    expect(alone.score).toBe(0);
    expect(alone.needsReview).toBe(true);
  });

  it("still grades an answer given beside such a remark", () => {
    expect(score("2b", "dL/dz = z - y; note that z occurs in the loss only once")).toBe(4);
    expect(readRemarks("w = 2 x, so x appears in it", anyMath)).toEqual({ text: "w = 2 x", aboutAPart: true });
    expect(readRemarks("z - y", anyMath)).toEqual({ text: "z - y", aboutAPart: false });
  });
});

describe("per-class sums with the softmax spelled out", () => {
  const ratio = String.raw`\exp(a_k(x_i)) / \sum_j \exp(a_j(x_i))`;

  it("reads exp(…) over a sum of exps, and square brackets as grouping", () => {
    expect(score("1c", `dL/dw_k = \\sum_i ( ${ratio} - 1[y_i = k] ) x_i; dL/db_k = \\sum_i ( ${ratio} - 1[y_i = k] )`)).toBe(10);
    expect(score("1c", "dL/dw_k = Σ_i [p_k(x_i) - 1{k = y_i}] x_i, p_k = e^{a_k}/Σ_j e^{a_j}\ndL/db_k = Σ_i [p_k(x_i) - 1{k = y_i}]")).toBe(10);
  });

  it("does not give full credit to a bias gradient without the indicator (near miss)", () => {
    const g = grade("1c", `dL/dw_k = \\sum_i ( ${ratio} - 1[y_i = k] ) x_i; dL/db_k = \\sum_i ${ratio}`);
    expect(g.score).toBeLessThan(10);
    expect(g.needsReview).toBe(true);
  });
});

describe("formulas in words", () => {
  it("reads a count said with 'twice', after work in words and a colon", () => {
    expect(score("4a-ii", "one m×n block for each of the two input layers and an m×l one on top, with biases: twice m times n, plus l times m, plus m, plus l")).toBe(3);
    // Near miss: the biases left out.
    expect(score("4a-ii", "the weights only: twice m times n, plus l times m")).toBe(2);
  });

  it("reads paths that add, the upstream gradient, a gate, and a product whose side the shapes decide", () => {
    const paths = grade("2c-ii", "the two branches add: through the shortcut it's W2 transposed times the upstream gradient, and through the hidden layer you take W3 transposed times upstream, gate it where W1x ≥ 0, then multiply by W1 transposed");
    expect(paths.score).toBe(6);
    expect(paths.needsReview).toBe(true);
    expect(score("2c-i", "start with W3 transposed times the incoming gradient, gate it where W1 x >= 0, then multiply by x transposed")).toBe(6);
  });

  it("gives nothing to a described formula that misses a step (near misses)", () => {
    expect(score("2c-ii", "add both: W2 transposed times the upstream gradient, and W3 transposed times upstream, then multiply by W1 transposed")).toBe(0);
    expect(score("2c-i", "start with W3 times the incoming gradient, gate it where W1 x >= 0, then multiply by x transposed")).toBe(0);
  });
});
