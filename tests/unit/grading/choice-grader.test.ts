import { describe, expect, it } from "vitest";
import type { ChoiceAnswer } from "../../../src/core/bank/schema.ts";
import { readChoices } from "../../../src/core/grading/choice-grader.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { makeQuestion } from "./question-fixtures.ts";

// A fair die: one answer, worth 2 points; (c) earns half as a partly right answer.
const die = makeQuestion({
  kind: "choice",
  options: [
    { id: "a", text: "1/6", feedback: "That is one outcome only." },
    { id: "b", text: "1/3", points: 2 },
    { id: "c", text: "one third, rounded to 0.3", points: 1 },
    { id: "d", text: "2/3" },
  ],
}, 2);
// Several answers, as Moodle weighs them: two right options of 50% each, two wrong ones of -50%.
const independence = makeQuestion({
  kind: "choice",
  multiple: true,
  options: [
    { id: "a", text: "P(A and B) = 0.2", points: 1.5 },
    { id: "b", text: "P(A | B) = 0.5", points: 1.5 },
    { id: "c", text: "P(A or B) = 0.9", points: -1.5, feedback: "Subtract the intersection." },
    { id: "d", text: "mutually exclusive", points: -1.5 },
  ],
}, 3);

const grade = (q: typeof die, text: string, justification?: string) => gradeAnswer(q, { text, ...(justification ? { justification } : {}) });

describe("readChoices", () => {
  const spec = die.answer as ChoiceAnswer;
  it.each([
    ["b", ["b"]], ["B", ["b"]], ["(b)", ["b"]], ["b)", ["b"]], ["b.", ["b"]], ["  (B)  ", ["b"]],
    ["b) 1/3", ["b"]], ["(b) because two of six faces", ["b"]], ["b because 5 and 6", ["b"]], ["b, since 2/6", ["b"]],
    ["answer: b", ["b"]], ["The answer is (b)", ["b"]], ["I think b", ["b"]],
    ["1/3", ["b"]], ["2/3", ["d"]], ["One third, rounded to 0.3.", ["c"]],
    ["a, c", ["a", "c"]], ["a and c", ["a", "c"]], ["a c", ["a", "c"]], ["a/c", ["a", "c"]], ["(a)(c)", ["a", "c"]],
    ["e", ["e"]],
  ])("reads %j as %j", (text, expected) => {
    expect(readChoices(spec, text)).toEqual(expected);
  });

  it.each(["", "no idea", "a third of the faces", "probably the second one"])("finds no option in %j", (text) => {
    expect(readChoices(spec, text)).toBeUndefined();
  });
});

describe("gradeChoice, one answer", () => {
  it("gives the right option all its points, however it is named", () => {
    for (const text of ["b", "(B)", "1/3", "b) 1/3"]) expect(grade(die, text)).toMatchObject({ score: 2, max: 2, needsReview: false });
  });

  it("gives a partly right option its own points, a wrong one nothing with its feedback", () => {
    expect(grade(die, "c").score).toBe(1);
    const wrong = grade(die, "a");
    expect(wrong.score).toBe(0);
    expect(wrong.feedback).toContain("(a): That is one outcome only.");
    expect(grade(die, "d").feedback).toEqual(["(d) is not right."]);
  });

  it("refuses two options when the question has one answer", () => {
    const both = grade(die, "b, d");
    expect(both.score).toBe(0);
    expect(both.feedback[0]).toMatch(/one answer, and yours names 2 options: choose one/);
  });

  it("says how to answer when no option is named, without sending the answer to a TA", () => {
    const none = grade(die, "no idea");
    expect(none).toMatchObject({ score: 0, needsReview: false });
    expect(none.unread).toEqual(["Answer with the letter of one option (a, b, c or d)."]);
    const missing = grade(die, "e");
    expect(missing.unread?.[0]).toMatch(/^There is no option \(e\)\. Answer with the letter/);
    expect(grade(die, "").feedback[0]).toMatch(/empty/);
  });

  it("reads the choice from the justification field when the answer field is empty of options", () => {
    expect(grade(die, "", "b").score).toBe(2);
  });
});

describe("gradeChoice, several answers", () => {
  it("adds the points of every chosen option", () => {
    expect(grade(independence, "a, b").score).toBe(3);
    expect(grade(independence, "b").score).toBe(1.5);
    const items = grade(independence, "b").items;
    // The right option left out is counted, not named.
    expect(items.map((i) => [i.id, i.points, i.earned])).toEqual([["b", 1.5, 1.5], ["missed", 1.5, 0]]);
    expect(items[1]).toMatchObject({ label: "The other right options", note: "1 not chosen." });
  });

  it("deducts a wrong pick as Moodle does, clamping the total at 0", () => {
    const some = grade(independence, "a, b, c");
    expect(some.score).toBe(1.5);
    expect(some.items.find((i) => i.id === "c")).toMatchObject({ points: -1.5, earned: -1.5 });
    expect(some.feedback).toContain("(c): Subtract the intersection.");
    expect(grade(independence, "a, b, c, d").score).toBe(0);
    expect(grade(independence, "c, d").score).toBe(0);
  });

  it("says what is missing without naming it", () => {
    expect(grade(independence, "a").feedback).toEqual(["One right option is missing."]);
  });
});
