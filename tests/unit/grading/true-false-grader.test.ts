import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { parseChoice } from "../../../src/core/grading/true-false-grader.ts";
import { makeQuestion } from "./question-fixtures.ts";

const regularization = makeQuestion({
  kind: "truefalse", correct: false, choicePoints: 2,
  justification: [{ id: "why", label: "Helps generalization", points: 3, phrases: ["generalization", "test set performance", "reduce overfitting"] }],
});
const learningRate = makeQuestion({
  kind: "truefalse", correct: true, choicePoints: 2,
  justification: [{ id: "small", label: "Learning rate too small", points: 3, phrases: ["learning rate is too small"] }],
  alternative: { choice: false, maxPoints: 3, reading: "The loss has plateaued.", justification: [{ id: "plateau", label: "Plateau", points: 4, phrases: ["plateau", "converged"] }] },
});

describe("parseChoice", () => {
  it.each([
    ["false, because x", false, "because x"], ["True. It is", true, "It is"], ["F - reason", false, "reason"],
    ["t because", true, "because"], ["No, it is not", false, "it is not"], ["yes", true, ""],
    ["The statement is false since", false, "since"], ["FALSE: reason", false, "reason"],
  ])("reads %j", (text, choice, rest) => {
    expect(parseChoice(text)).toEqual({ choice, rest });
  });

  it.each([
    ["yes true, it needs a stack", true, "it needs a stack"], ["no false", false, ""], ["yep step too small", true, "step too small"],
    ["nah the sum only grows", false, "the sum only grows"], ["wrong it shrinks", false, "it shrinks"],
    ["incorrect because it grows", false, "because it grows"], ["right, it grows", true, "it grows"],
  ])("reads a leading affirmation or negation %j as the choice", (text, choice, rest) => {
    expect(parseChoice(text)).toEqual({ choice, rest });
  });

  it("keeps a leading word that qualifies a noun, and a hedge, from being a choice", () => {
    expect(parseChoice("correct labels matter most").choice).toBeUndefined();
    expect(parseChoice("Not true, it shrinks").choice).toBe(false);
    expect(parseChoice("no t-test is needed").choice).toBeUndefined();
    expect(parseChoice("true or false, it depends on the data").hedged).toBe(true);
  });

  it("does not read a choice into ordinary words", () => {
    expect(parseChoice("no regularization helps").choice).toBeUndefined();
    expect(parseChoice("fast training").choice).toBeUndefined();
    expect(parseChoice("").choice).toBeUndefined();
  });
});

describe("true/false grader", () => {
  it("gives full marks for the right choice with the reason", () => {
    expect(gradeAnswer(regularization, { text: "false, because regularization improves generalization to the test set" }).score).toBe(5);
    expect(gradeAnswer(regularization, { text: "false", justification: "it reduces overfitting" }).score).toBe(5);
  });

  it("gives only the choice points without a justification, and says so", () => {
    const g = gradeAnswer(regularization, { text: "False" });
    expect(g.score).toBe(2);
    expect(g.feedback[0]).toMatch(/justification/);
  });

  it("gives only the choice points for a justification without the reason", () => {
    const g = gradeAnswer(regularization, { text: "false, because it is not true" });
    expect(g.score).toBe(2);
    expect(g.needsReview).toBe(false);
  });

  it("gives nothing for a wrong choice, whatever it says", () => {
    const g = gradeAnswer(regularization, { text: "true, it helps generalization" });
    expect(g.score).toBe(0);
    expect(g.feedback[0]).toMatch(/statement is false/);
  });

  it("credits the justified alternative reading up to its maximum", () => {
    expect(gradeAnswer(learningRate, { text: "false, the loss has plateaued" }).score).toBe(3);
    const bare = gradeAnswer(learningRate, { text: "false" });
    expect(bare.score).toBe(0);
    expect(bare.feedback[0]).toMatch(/only with a justification/);
    expect(gradeAnswer(learningRate, { text: "true, the learning rate is too small" }).score).toBe(5);
  });

  it("asks for a choice when there is none", () => {
    const g = gradeAnswer(regularization, { text: "regularization helps generalization" });
    expect(g.score).toBe(0);
    expect(g.feedback[0]).toMatch(/Start your answer with true or false/);
    expect(gradeAnswer(regularization, { text: "" }).feedback[0]).toMatch(/empty/);
  });

  it("sends a right choice with an unmatched real justification to review", () => {
    const g = gradeAnswer(regularization, { text: "false, since penalizing large weights makes the optimizer trade data fit for smaller norms" });
    expect(g.score).toBe(2);
    expect(g.needsReview).toBe(true);
  });
});
