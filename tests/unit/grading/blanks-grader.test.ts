import { describe, expect, it } from "vitest";
import { assignParts, looseLabel } from "../../../src/core/grading/blank-parts.ts";
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

describe("blanks labelled with arrows or words", () => {
  // Where two values land in a table: the blanks are named by the values placed.
  const slots = makeQuestion({
    kind: "blanks",
    blanks: [
      { kind: "number", label: "7", aliases: ["value 7"], points: 2, value: 1 },
      { kind: "number", label: "15", aliases: ["value 15"], points: 2, value: 6 },
    ],
  }, 4);

  it.each([
    "7 -> bucket 1, 15 -> bucket 6", "15 → 6, 7 → 1", "7 at position 1, 15 at position 6",
    "7 goes to 1. 15 goes to 6", "15 ends up in bucket 6 and 7 lands in bucket 1", "value 7 => 1; value 15 => 6",
  ])("reads %j by its labels", (text) => {
    expect(gradeAnswer(slots, { text }).score).toBe(4);
  });

  it("still grades a wrong placement as wrong", () => {
    expect(gradeAnswer(slots, { text: "7 -> 1, 15 -> 5" }).score).toBe(2);
    expect(gradeAnswer(slots, { text: "7 goes to 6. 15 goes to 1" }).score).toBe(0);
  });

  it("never reads a placing word as the link in a part that has a colon", () => {
    const spec = conv.answer as BlanksAnswer;
    expect(assignParts(spec.blanks, "depth in the first layer: 16; params: 4608").values).toEqual(["depth in the first layer: 16", "4608"]);
  });
});
