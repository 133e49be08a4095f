import { describe, expect, it } from "vitest";
import { stripLeftSide } from "../../../src/core/grading/expression-grader.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { makeQuestion } from "./question-fixtures.ts";

const network = {
  dimensions: { n: [3, 4], m: [2, 5], p: [6, 7] },
  symbols: {
    x: { shape: ["n"] }, y: { shape: ["m"] },
    W1: { shape: ["p", "n"], aliases: ["W_1"] }, W2: { shape: ["m", "n"] }, W3: { shape: ["m", "p"] },
  },
  derived: { z: { definition: "W3*relu(W1*x) + W2*x" }, dLdz: { definition: "z - y", aliases: ["dL/dz"] } },
};
const dW1 = makeQuestion({
  kind: "expression",
  reference: "(step(W1*x) .* (W3' * dLdz)) * x'",
  ...network,
  mistakes: [{ answer: "(relu(W1*x) .* (W3' * dLdz)) * x'", points: 3, feedback: "You used relu(W1 x) where the derivative needs its indicator 1(W1 x)." }],
}, 6);
const dz = makeQuestion({ kind: "expression", reference: "z - y", ...network, mistakes: [{ answer: "y - z", feedback: "The sign is flipped." }] }, 4);

describe("expression grader", () => {
  it("accepts equivalent forms, including the expansion of a derived symbol", () => {
    expect(gradeAnswer(dz, { text: "z - y" }).score).toBe(4);
    expect(gradeAnswer(dz, { text: "dL/dz = z - y" }).score).toBe(4);
    expect(gradeAnswer(dz, { text: "W3*relu(W1*x) + W2*x - y" }).score).toBe(4);
    expect(gradeAnswer(dW1, { text: "(1(W1 x) ⊙ (W3^T dL/dz)) x^T" }).score).toBe(6);
  });

  it("gives a known mistake its points and feedback", () => {
    const g = gradeAnswer(dW1, { text: "(relu(W1*x) .* (W3' * dLdz)) * x'" });
    expect(g.score).toBe(3);
    expect(g.feedback[0]).toMatch(/indicator/);
    expect(gradeAnswer(dz, { text: "y - z" }).feedback).toEqual(["The sign is flipped."]);
  });

  it("fails a dropped transpose with a shape message, not an exception", () => {
    const g = gradeAnswer(dW1, { text: "(step(W1*x) .* (W3 * dLdz)) * x'" });
    expect(g.score).toBe(0);
    expect(g.feedback.join(" ")).toMatch(/not equivalent/);
    expect(g.needsReview).toBe(false);
  });

  it("names an unknown symbol", () => {
    const g = gradeAnswer(dz, { text: "q + 1" });
    expect(g.score).toBe(0);
    expect(g.feedback[0]).toMatch(/`q`/);
  });

  it("survives garbage", () => {
    for (const text of ["", "((((", "ones(100000,100000)", "import('fs')", "x".repeat(5000)]) {
      const g = gradeAnswer(dz, { text });
      expect(g.score, text.slice(0, 20)).toBe(0);
      expect(g.feedback.length).toBeGreaterThan(0);
    }
  });

  it("strips a copied left-hand side only", () => {
    expect(stripLeftSide("dL/dW1 = a*b")).toBe("a*b");
    expect(stripLeftSide("a <= b")).toBe("a <= b");
    expect(stripLeftSide("z - y")).toBe("z - y");
  });
});

describe("formulas with LaTeX groups and examples after them", () => {
  const growth = makeQuestion({ kind: "expression", reference: "3^(k-1) + 2", symbols: { k: { domain: "positive-integer" } } }, 3);

  it("reads an exponent group in braces as parentheses", () => {
    expect(gradeAnswer(growth, { text: "3^{k-1}+2" }).score).toBe(3);
    expect(gradeAnswer(growth, { text: "\\frac{2 \\cdot 3^{k-1} + 4}{2}" }).score).toBe(3);
    expect(gradeAnswer(growth, { text: "3^{k}+2" }).score).toBe(0);
  });

  it("grades the formula, not an example worked after it", () => {
    expect(gradeAnswer(growth, { text: "3^(k-1)+2, e.g. k=1 gives 3" }).score).toBe(3);
    expect(gradeAnswer(growth, { text: "3^(k-1)+2 for example k = 2 gives 5" }).score).toBe(3);
  });
});
