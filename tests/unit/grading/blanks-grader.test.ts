import { describe, expect, it } from "vitest";
import { assignParts, looseLabel } from "../../../src/core/grading/blanks-grader.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import type { BlanksAnswer } from "../../../src/core/bank/schema.ts";
import { makeQuestion } from "./question-fixtures.ts";

const weights = makeQuestion({
  kind: "blanks",
  blanks: [
    { kind: "dimensions", label: "W1", aliases: ["W_1"], points: 1, value: ["m", "n"] },
    { kind: "dimensions", label: "Ws", aliases: ["W_s"], points: 1, value: ["m", "n"] },
    { kind: "dimensions", label: "W2", aliases: ["W_2"], points: 1, value: ["l", "m"] },
  ],
}, 3);
const conv = makeQuestion({
  kind: "blanks",
  blanks: [
    { kind: "number", label: "depth", aliases: ["filter depth"], points: 2, value: 16 },
    { kind: "number", label: "parameters", aliases: ["params"], points: 3, value: "32*3*3*16",
      mistakes: [{ answer: "32*3*3*3", feedback: "Each filter is as deep as its input: 16." }] },
  ],
});
const grads = makeQuestion({
  kind: "blanks",
  shared: { dimensions: { n: [3, 4] }, symbols: { x: { shape: ["n"] }, a: {} } },
  blanks: [
    { kind: "expression", label: "dL/dx", aliases: ["dLdx"], points: 2, reference: "2*a*x" },
    { kind: "expression", label: "dL/da", aliases: ["dLda"], points: 2, reference: "x'*x" },
  ],
}, 4);

const score = (q: typeof conv, text: string) => gradeAnswer(q, { text }).score;

describe("blanks grader", () => {
  it("reads labelled parts in any order, with loose labels and separators", () => {
    expect(score(weights, "W1: m x n\nWs: m×n\nW2: l by m")).toBe(3);
    expect(score(weights, "W2 = l x m; W_1 ∈ R^{m×n}; w_s: (m, n)")).toBe(3);
    expect(score(conv, "parameters: 4608; depth: 16")).toBe(5);
    expect(score(conv, "filter depth is 16 and params = 4,608")).toBe(5);
  });

  it("fills unlabelled parts by what they can be, then in the listed order", () => {
    expect(score(weights, "m x n; m x n; l x m")).toBe(3);
    expect(score(conv, "16, 32*3*3*16")).toBe(5);
    expect(score(conv, "16\n4608")).toBe(5);
    // Issue 11: values given in the other order are matched by meaning (4608 can only be the count).
    expect(score(conv, "4608; 16")).toBe(5);
  });

  it("grades each blank with its own kind and points", () => {
    const g = gradeAnswer(weights, { text: "W1: m x n; Ws: n x m; W2: l x m" });
    expect(g.score).toBe(2);
    expect(g.feedback.join(" ")).toMatch(/Ws: n×m is transposed/);
    expect(score(grads, "dL/dx = 2 a x\ndL/da = x' * x")).toBe(4);
  });

  it("gives a blank's known mistake its feedback", () => {
    const g = gradeAnswer(conv, { text: "depth: 16; parameters: 288*3" });
    expect(g.score).toBe(2);
    expect(g.feedback).toContain("parameters: Each filter is as deep as its input: 16.");
  });

  it("names missing blanks and ignored parts", () => {
    const g = gradeAnswer(weights, { text: "W2: l x m; W1: (m, n)" });
    expect(g.score).toBe(2);
    expect(g.feedback[0]).toMatch(/Missing: Ws/);
    const extra = gradeAnswer(conv, { text: "16; 4608; 12" });
    expect(extra.score).toBe(5);
    expect(extra.feedback.join(" ")).toMatch(/ignored/);
    expect(gradeAnswer(conv, { text: "" }).feedback[0]).toMatch(/empty/);
  });

  it("matches labels loosely", () => {
    expect(looseLabel("∂L/∂W")).toBe(looseLabel("dl/dw"));
    expect(looseLabel("W_{1}")).toBe("w1");
    const spec = weights.answer as BlanksAnswer;
    expect(assignParts(spec.blanks, "w 2: l x m").values).toEqual([undefined, undefined, "l x m"]);
  });
});
