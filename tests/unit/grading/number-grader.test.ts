import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { cleanNumberText, numberTolerance } from "../../../src/core/grading/number-grader.ts";
import { makeQuestion } from "./question-fixtures.ts";

const count = makeQuestion({ kind: "number", value: "32*3*3*16", mistakes: [{ answer: "32*3*3*16 + 32", points: 2, feedback: "Do not count the biases." }] }, 3);
const real = makeQuestion({ kind: "number", value: 0.125 }, 2);
const tight = makeQuestion({ kind: "number", value: 2.5, rtol: 1e-4 }, 2);
const nearZero = makeQuestion({ kind: "number", value: 0, atol: 1e-3 }, 2);

const score = (q: typeof count, text: string) => gradeAnswer(q, { text }).score;

describe("number grader", () => {
  it("accepts the value and arithmetic for it", () => {
    expect(score(count, "4608")).toBe(3);
    expect(score(count, "32*3*3*16")).toBe(3);
    expect(score(count, "4,608")).toBe(3);
    expect(score(count, "= 4608 parameters")).toBe(3);
  });

  it("wants an integer reference exactly", () => {
    expect(numberTolerance({ value: 4608, mistakes: [] }, 4608)).toEqual({ rtol: 1e-9, atol: 1e-9 });
    expect(score(count, "4600")).toBe(0);
    expect(score(count, "4068")).toBe(0);
    expect(score(count, "4608.0000000001")).toBe(3);
  });

  it("uses 1% relative tolerance for other references, or the question's own", () => {
    expect(score(real, "0.126")).toBe(2);
    expect(score(real, "0.13")).toBe(0);
    expect(score(real, "1/8")).toBe(2);
    expect(score(tight, "2.5002")).toBe(2);
    expect(score(tight, "2.501")).toBe(0);
    expect(score(nearZero, "0.0009")).toBe(2);
    expect(score(nearZero, "0.002")).toBe(0);
  });

  it("gives a known mistake its points and feedback", () => {
    const g = gradeAnswer(count, { text: "4640" });
    expect(g.score).toBe(2);
    expect(g.feedback).toContain("Do not count the biases.");
  });

  it("refuses NaN, Infinity and text with a message", () => {
    for (const text of ["NaN", "Infinity", "1/0", "lots"]) {
      const g = gradeAnswer(count, { text });
      expect(g.score, text).toBe(0);
      expect(g.feedback.length, text).toBeGreaterThan(0);
      expect(g.needsReview, text).toBe(false);
    }
    expect(gradeAnswer(count, { text: "" }).feedback[0]).toMatch(/empty/);
  });

  it("cleans what students wrap numbers in", () => {
    expect(cleanNumberText("answer: 16")).toBe("16");
    expect(cleanNumberText("16 filters")).toBe("16");
    expect(cleanNumberText("1,234,567")).toBe("1234567");
  });
});
