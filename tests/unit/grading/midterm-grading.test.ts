import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import type { Answer, Question } from "../../../src/core/bank/schema.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";

// The real midterm: every reference answer earns full marks, and the mistakes students really make do not.
const bank = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));
const grade = (id: string, text: string, justification?: string) =>
  gradeAnswer(bank.require(id), { text, ...(justification !== undefined ? { justification } : {}) });

function valueText(spec: { kind: string; value?: unknown; reference?: string }): string {
  if (spec.kind === "expression") return spec.reference ?? "";
  if (spec.kind === "dimensions") return (spec.value as unknown[]).join(" x ");
  return String(spec.value);
}

/** The answer a student would type from the official solution. */
function referenceAnswer(q: Question): string {
  const spec: Answer = q.answer;
  switch (spec.kind) {
    case "blanks":
      return spec.blanks.map((b) => `${b.label}: ${valueText(b)}`).join("\n");
    case "number":
    case "expression":
    case "dimensions":
      return valueText(spec);
    default:
      return q.solution;
  }
}

describe("the midterm bank's reference answers", () => {
  it.each(bank.all().map((q) => [q.id, q] as const))("%s grades as the solution deserves", (_id, q) => {
    const g = gradeAnswer(q, { text: referenceAnswer(q) });
    if (q.answer.kind === "drawing" || q.answer.kind === "proof") {
      expect(g).toMatchObject({ score: 0, needsReview: true });
    } else {
      expect(g.score, JSON.stringify(g.items)).toBe(q.points);
      expect(g.needsReview, g.feedback.join(" | ")).toBe(false);
    }
  });

  it("has short-answer rubrics whose positive points add up to the question's points", () => {
    for (const q of bank.all()) {
      const spec = q.answer;
      const entries = spec.kind === "short" ? spec.rubric : spec.kind === "truefalse" ? spec.justification : undefined;
      if (!entries) continue;
      const positive = entries.reduce((s, e) => s + Math.max(0, e.points), 0);
      const expected = spec.kind === "truefalse" ? q.points - spec.choicePoints : q.points;
      expect(positive, q.id).toBe(expected);
    }
  });
});

describe("realistic student answers that deserve full marks", () => {
  it.each([
    ["1a", "kNN has to compare each test image with every training image so prediction is too slow for real time; and in 1M-dimensional pixel space Euclidean distance is not meaningful (curse of dimensionality)"],
    ["1b", "It reduces internal covariate shift: when earlier layers update, the distribution of the next layer's inputs changes, and normalizing keeps it stable."],
    ["1b", "It keeps the activations from blowing up or vanishing."],
    ["1d-i", "The model is overfitting; the network is too complex for the dataset and the training set is too small."],
    ["1d-i", "Overfiting. It was trained for too many epochs and there is not enough training data."],
    ["1d-ii", "Take random crops of 28x28 and apply small rotations to the digits. Don't flip them since digits aren't symmetric."],
    ["1d-ii", "Shift the digits by a few pixels and zoom in or out a little."],
    ["2b", "dL/dz = z - y"],
    ["2c-i", "(1(W1 x) ⊙ (W3^T dL/dz)) x^T"],
    ["2c-ii", "W1' * (step(W1*x) .* (W3' * (z - y))) + W2' * (z - y)"],
    ["3a", "false, because regularization improves generalization to the test set"],
    ["3a", "F - it's meant to prevent overfitting, not to lower the training loss"],
    ["3b", "False, a minibatch gradient is only a noisy estimate of the full gradient."],
    ["3c", "True, because the sum of squared gradients in the denominator only grows."],
    ["3d", "true, the learning rate is too small so each update barely changes the loss"],
    ["4a-i", "W_1 ∈ R^{m×n}, W_s ∈ R^{m×n}, W_2 ∈ R^{l×m}"],
    ["4a-ii", "m(2n + l + 1) + l"],
    ["4a-iii", "tanh: saturates for large |x|, differentiable everywhere, approximates identity near 0\nleaky relu: doesn't saturate, not differentiable at 0, doesn't approximate identity\ngelu: saturates for very negative x, differentiable everywhere, does not approximate identity since f'(0) = 0.5"],
    ["4b-i", "16 filters; 7 × 7 × 3"],
    ["4b-ii", "depth is 16 and parameters = 4,608"],
    ["4b-iii", "Convolutional layers use sparse connections and weight sharing: the same filter is applied across the image."],
    ["4b-iii", "Each filter only looks at a small patch of the input, and the same filter weights are reused across all positions in the image."],
  ])("%s: %s", (id, text) => {
    const g = grade(id, text);
    expect(g.score, JSON.stringify(g.items)).toBe(g.max);
    expect(g.needsReview, g.feedback.join(" | ")).toBe(false);
  });
});

describe("the mistakes students really make", () => {
  it.each([
    ["1a", "It is slow at test time."],
    ["1b", "It makes the network train faster."],
    ["1d-i", "The model is underfitting because the model is too simple."],
    ["1d-ii", "Flip the images horizontally and vertically."],
    ["1d-ii", "Rotate the images and flip them horizontally."],
    ["1c", "dL/dW = (Y - softmax(A)) * X'\ndL/db = (Y - softmax(A)) * u"],
    ["2b", "y - z"],
    ["2c-i", "(step(W1*x) .* (W3 * dLdz)) * x'"],
    ["2c-i", "(relu(W1*x) .* (W3' * dLdz)) * x'"],
    ["2c-ii", "W1' * (step(W1*x) .* (W3' * dLdz))"],
    ["3a", "true, regularization lowers the training loss"],
    ["3a", "false, because that is what the statement says"],
    ["3a", "false"],
    ["3b", "true, SGD computes the gradient"],
    ["3c", "false, the learning rate can go up again"],
    ["3d", "false"],
    ["4a-i", "W1: n x m\nWs: n x m\nW2: m x l"],
    ["4a-ii", "mn + ml + m + l"],
    ["4a-iii", "tanh: does not saturate, differentiable everywhere, approximates identity\nleaky relu: saturates, differentiable everywhere, approximates identity\ngelu: saturates for very negative x, differentiable everywhere, approximates identity"],
    ["4b-i", "filters: 3; size: 7x7x16"],
    ["4b-ii", "depth: 16; parameters: 4068"],
    ["4b-ii", "depth: 3; parameters: 32*3*3*3"],
    ["4b-iii", "Convolutional layers use pooling, which shrinks the image."],
  ])("%s: %s", (id, text) => {
    expect(grade(id, text).score).toBeLessThan(bank.require(id).points);
  });

  it("explains the classic mistakes in words", () => {
    expect(grade("2b", "y - z").feedback.join(" ")).toMatch(/sign is flipped/);
    expect(grade("2c-i", "(relu(W1*x) .* (W3' * dLdz)) * x'").feedback.join(" ")).toMatch(/indicator/);
    expect(grade("2c-ii", "W1' * (step(W1*x) .* (W3' * dLdz))").feedback.join(" ")).toMatch(/shortcut/);
    expect(grade("1d-i", "underfitting").feedback.join(" ")).toMatch(/not underfitting/);
    expect(grade("1d-ii", "rotate and flip").feedback.join(" ")).toMatch(/Flips are not valid/);
    expect(grade("4a-i", "W1: n x m; Ws: m x n; W2: l x m").feedback.join(" ")).toMatch(/transposed/);
    expect(grade("4b-ii", "16; 4068").feedback.join(" ")).toMatch(/not the right value/);
  });

  it("gives the alternative reading of 3d partial credit only with its justification", () => {
    expect(grade("3d", "false, the loss has plateaued, so the model has converged").score).toBe(3);
    expect(grade("3d", "false").score).toBe(0);
  });
});
