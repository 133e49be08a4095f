import { describe, expect, it } from "vitest";
import { type Case, expectScores, grade } from "./midterm-grading.ts";

/**
 * Formulas described in sentences (formula-in-words.ts): counts and constants in number words,
 * "subtract … from …", "the difference between … and …", "the product of … and …", and steps that
 * send a gradient back through a matrix. Every reading of words goes to a TA.
 */
describe("counts said in sentences (4a-ii)", () => {
  const right: Case[] = [
    ["4a-ii", "two times n times m, plus l times m, plus l, plus m", 3],
    ["4a-ii", "n times m twice, plus the product of l and m, plus m plus l", 3],
    ["4a-ii", "twice the product of n and m plus m times l plus l plus m", 3],
  ];
  expectScores(right);

  const nearMisses: Case[] = [
    // The biases left out, then one bias left out: the listed mistakes, not full credit.
    ["4a-ii", "two times m times n plus m times l", 2],
    ["4a-ii", "n times m twice, plus l times m, plus m", 2],
    // The shortcut counted once.
    ["4a-ii", "the product of m and n, plus the product of m and l, plus m, plus l", 2],
  ];
  expectScores(nearMisses);
});

describe("differences said in sentences (2b)", () => {
  const right: Case[] = [
    ["2b", "subtract the target from the prediction", 4],
    ["2b", "the difference between our estimate and the label", 4],
    ["2b", "the estimate z take away the actual y", 4],
  ];
  expectScores(right);

  it("is confirmed by a TA", () => {
    expect(grade("2b", "subtract the target from the prediction").needsReview).toBe(true);
  });

  const nearMisses: Case[] = [
    // The sign flipped in words.
    ["2b", "subtract the prediction from the target", 0],
    ["2b", "the difference between the label and the estimate", 0],
    // Two signs offered: a hedge.
    ["2b", "subtract the target from the prediction, or subtract the prediction from the target", 0],
    // A constant left in: a TA weighs it.
    ["2b", "twice the difference between the prediction and the target, since the square brings down a 2", 0],
  ];
  expectScores(nearMisses);

  it("a constant left in goes to a TA, never a confident 0", () => {
    expect(grade("2b", "twice the difference between the prediction and the target, since the square brings down a 2").needsReview).toBe(true);
  });
});

describe("steps in sentences: back through a matrix (2c)", () => {
  const right: Case[] = [
    ["2c-i", "pass dL/dz back through W3 transposed, zero out the entries where W1x was negative, then multiply on the right by x transposed", 6],
    ["2c-i", "go back through W3 transposed and zero out where W1x is negative, and then multiply on the right by x transposed, that gives a p by n matrix", 6],
  ];
  expectScores(right);

  it("is confirmed by a TA", () => {
    expect(grade("2c-i", right[0]![1]).needsReview).toBe(true);
  });

  const nearMisses: Case[] = [
    // The transpose missing.
    ["2c-i", "go back through W3, zero out the entries where W1x was negative, then multiply on the right by x transposed", 0],
    // The relu step left out.
    ["2c-i", "go back through W3 transposed, then multiply on the right by x transposed", 3],
    // Only the relu path of 2c-ii: not full credit.
    ["2c-ii", "go back through W3 transposed, zero out where W1x was negative, then multiply by W1 transposed. That's the gradient for x.", 3],
  ];
  expectScores(nearMisses);

  it("steps it cannot read go to a TA, never a confident 0", () => {
    const g = grade("2c-i", "send the error back through the hidden layer, then stretch it by the input");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });
});
