import { describe, expect, it } from "vitest";
import { checkMistakeHints } from "../../../src/core/bank/hint-checks.ts";
import { Question } from "../../../src/core/bank/schema.ts";
import { reviewOf } from "../../../src/core/practice/scheduler.ts";

const question = (hints: string[], mistakes: object[]) => Question.parse({
  id: "q1", problem: 1, title: "Q", topic: "t", points: 2, grader: "TA", prompt: "2+2?", solution: "4", hints,
  answer: { kind: "number", value: 4, mistakes },
});

function issues(q: Question): string[] {
  const out: string[] = [];
  checkMistakeHints(q, ["questions", 0], (path, message) => out.push(`${path.join(".")}: ${message}`));
  return out;
}

describe("hint ladders in the bank", () => {
  it("refuses a mistake that points to a hint the question does not have, and a name used twice", () => {
    expect(issues(question(["Add."], [{ answer: "5", feedback: "Off by one.", hint: 1, name: "off by one" }]))).toEqual([]);
    expect(issues(question(["Add."], [{ answer: "5", feedback: "Off by one.", hint: 2 }])))
      .toEqual(["questions.0.answer.mistakes.0.hint: points to hint 2, but question q1 has 1 hint"]);
    expect(issues(question([], [{ answer: "5", feedback: "x", name: "n" }, { answer: "3", feedback: "y", name: "n" }])))
      .toEqual(['questions.0.answer.mistakes.1.name: the mistake name "n" is used twice in question q1']);
  });
});

describe("spaced repetition with hints", () => {
  it("rates a hinted success Hard, a seen solution Again, and a clean one Good", () => {
    expect(reviewOf(2, 2, false, 2)).toEqual({ rating: "Hard", why: "full marks with 2 hints" });
    expect(reviewOf(2, 2, true, 2).rating).toBe("Again");
    expect(reviewOf(2, 2)).toEqual({ rating: "Good", why: "full marks" });
    expect(reviewOf(0, 2, false, 1).rating).toBe("Again");
  });
});
