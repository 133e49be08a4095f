import { describe, expect, it } from "vitest";
import { perClassFromWords } from "../../../src/core/grading/per-class-words.ts";
import { type Case, expectScores, grade } from "./midterm-grading.ts";

/**
 * Formulas described entirely in words, read into the index or matrix form the graders check
 * (formula-in-words.ts, per-class-words.ts). Every reading of words goes to a TA; near misses stay
 * wrong, and words that cannot be read go to a TA rather than a confident 0. The answers are written
 * for these tests.
 */
describe("1c: the per-class sums in words", () => {
  const right: Case[] = [
    ["1c", "For class k's weights: add up over all the examples (the predicted probability of class k minus one if k is the true label) times that example's input. For class k's bias it is the same sum without the input.", 10],
    ["1c", "the weights of class k: go through every example, take the softmax probability of k, subtract 1 when k is that example's label, multiply it by the example's input vector and add everything up over the examples; the bias of k: the exact same thing with no input", 10],
  ];
  expectScores(right);

  it("reads the index form, and sends it to a TA", () => {
    expect(perClassFromWords(right[0]![1])).toBe("dL/dw_k = Σ_i (p_ik - 1{y_i = k}) x_i; dL/db_k = Σ_i (p_ik - 1{y_i = k})");
    expect(grade("1c", right[0]![1]).needsReview).toBe(true);
  });

  it("leaves out the label term when it is not said: the known mistake, not full credit", () => {
    const g = grade("1c", "For class k's weights: add up over all the examples the predicted probability of class k times that example's input; for class k's bias sum the predicted probabilities of k across the examples.");
    expect(g.score).toBeLessThan(10);
    expect(g.needsReview).toBe(true);
  });

  const unread = [
    // The label term added, or the probability subtracted from one: a different claim.
    "For class k's weights: add up over the examples the predicted probability of k plus one if k is the label, times the example's input; the bias is the same without the input",
    "For class k's weights: add up over the examples one minus the predicted probability of k if k is the label, times the example's input; the bias is the same without the input",
    // One example, no sum: not the gradient over the data.
    "for class k's weights: (the predicted probability of k minus one if k is the label) times the input; the bias is the same without the input",
    // The input missing from the weights.
    "For class k's weights: add up over the examples the predicted probability of k minus one if k is the label; the bias is the same without the input",
    // A hedge, a denial, something else multiplied in.
    "For class k's weights: add up over the examples the predicted probability of k minus one if k is the label, maybe times the example's input; the bias is the same without the input",
    "For class k's weights: add up over the examples the predicted probability of k minus one if k is the label times the score of class k; the bias is the same without the input",
    // The bias said to keep the input.
    "For class k's weights: add up over the examples the predicted probability of k minus one if k is the label, times the example's input; the bias is the same times the example's input",
  ];
  it("does not read near misses, hedges or other claims; they go to a TA, never full credit", () => {
    for (const text of unread) {
      expect(perClassFromWords(text), text).toBeUndefined();
      const g = grade("1c", text);
      expect(g.score, text).toBeLessThan(10);
      if (g.score === 0) expect(g.needsReview, text).toBe(true);
    }
  });
});

describe("2b: the direction of the error in words", () => {
  const right: Case[] = [
    ["2b", "how far the prediction lies from the target, pointing from the target to the prediction", 4],
    ["2b", "the gradient is simply the vector going from the label to the network output", 4],
    ["2b", "Write the loss as half a dot product of the error with itself. Differentiating leaves the estimate take away the target.", 4],
  ];
  expectScores(right);

  it("goes to a TA", () => {
    expect(grade("2b", right[0]![1]).needsReview).toBe(true);
  });

  const nearMisses: Case[] = [
    // The arrow the wrong way: the sign flipped.
    ["2b", "how far the prediction lies from the target, pointing from the prediction to the target", 0],
    ["2b", "Write the loss as half a dot product. Differentiating leaves the target take away the estimate.", 0],
  ];
  expectScores(nearMisses);

  it("without a direction the sign is not said: a TA reads it", () => {
    const g = grade("2b", "how far the prediction lies from the target");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });
});

describe("2c: products in words", () => {
  const right: Case[] = [
    ["2c-ii", "the sum of both branch gradients: W1 transposed applied to (the relu on/off pattern of W1x times, entry by entry, W3 transposed dL/dz), plus W2 transposed applied to dL/dz", 6],
    ["2c-ii", "the two paths add: W1 transposed applied to (the on/off switch of W1x multiplied by, entry by entry, W3 transposed dL/dz), plus W2 transposed applied to dL/dz", 6],
  ];
  expectScores(right);

  const nearMisses: Case[] = [
    // A transpose dropped on the shortcut.
    ["2c-ii", "the two paths add: W1 transposed applied to (the indicator of W1x times, entry by entry, W3 transposed dL/dz), plus W2 applied to dL/dz", 0],
    // A plain product where the elementwise one is needed.
    ["2c-ii", "the two paths add: W1 transposed applied to (the indicator of W1x times W3 transposed dL/dz), plus W2 transposed applied to dL/dz", 0],
  ];
  expectScores(nearMisses);

  it("reads 'multiply x transposed by that vector from the left' with x transposed first, a product that does not fit: a TA", () => {
    const g = grade("2c-i", "go back through W3 transposed and zero out entries where W1x was negative, then multiply x transposed by that vector from the left");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });
});
