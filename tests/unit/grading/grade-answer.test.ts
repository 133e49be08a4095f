import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { GRADER_VERSION } from "../../../src/core/grading/grade.ts";
import type { Question } from "../../../src/core/bank/schema.ts";
import { makeQuestion } from "./question-fixtures.ts";

const questions: Question[] = [
  makeQuestion({ kind: "number", value: 4608 }),
  makeQuestion({ kind: "dimensions", value: ["m", "n"] }),
  makeQuestion({ kind: "expression", reference: "2*x", symbols: { x: {} } }),
  makeQuestion({ kind: "truefalse", correct: false, choicePoints: 2, justification: [{ id: "a", label: "A", points: 3, phrases: ["generalization"] }] }),
  makeQuestion({ kind: "short", rubric: [{ id: "a", label: "A", points: 5, phrases: ["overfitting"] }, { id: "b", label: "B", points: -2, phrases: ["flip"] }] }),
  makeQuestion({ kind: "blanks", blanks: [
    { kind: "number", label: "a", points: 2, value: 1 }, { kind: "dimensions", label: "b", points: 3, value: [7, 7, 3] },
  ] }),
  makeQuestion({ kind: "proof", rubric: [{ id: "a", label: "A", points: 5 }], selfCheck: ["Did you take the log?"] }),
];

describe("gradeAnswer", () => {
  it("never throws and keeps the score within [0, max] for any input", () => {
    fc.assert(fc.property(fc.constantFrom(...questions), fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 100 }), { nil: undefined }), (q, text, justification) => {
      const g = gradeAnswer(q, { text, ...(justification !== undefined ? { justification } : {}) });
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(g.max);
      expect(g.graderVersion).toBe(GRADER_VERSION);
      expect(g.question).toBe("q1");
    }), { numRuns: 300 });
  });

  it("turns a grader bug into a review instead of an exception", () => {
    const broken = { ...questions[0], answer: { kind: "number", value: 1, get mistakes(): never { throw new Error("boom"); } } } as unknown as Question;
    const g = gradeAnswer(broken, { text: "2" });
    expect(g.needsReview).toBe(true);
    expect(g.feedback[0]).toMatch(/a TA will/);
  });

  it("sends drawings and proofs to review with the self-check list", () => {
    const g = gradeAnswer(questions[6] as Question, { text: "log of the product is the sum" });
    expect(g).toMatchObject({ score: 0, needsReview: true });
    expect(g.feedback.join("\n")).toMatch(/A TA will grade your proof[\s\S]*Did you take the log\?/);
    expect(g.items[0]).toMatchObject({ id: "a", earned: 0 });
  });
});
