import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";

// Misgradings a reviewer found among ~400 realistic answers, graded on the real bank with the score
// each deserves. Grouped by the general rule that fixed them.
const bank = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));
const grade = (id: string, text: string) => gradeAnswer(bank.require(id), { text });

type Case = readonly [id: string, text: string, score: number];

function expectScores(cases: readonly Case[]): void {
  it.each(cases)("%s: %s -> %s", (id, text, score) => {
    const g = grade(id, text);
    expect(g.score, JSON.stringify(g.items)).toBe(score);
  });
}

describe("expressions wrapped in punctuation, $…$ or trailing words", () => {
  expectScores([
    ["2b", "dL/dz = z - y.", 4],
    ["2b", "$z - y$", 4],
    ["4a-ii", "2mn+lm+m+l.", 3],
    ["4a-ii", "2mn+ml+m+l parameters", 3],
    ["4a-ii", "2mn+ml+m+l (weights plus biases)", 3],
    ["1c", "dL/dW = (softmax(A) - Y) * X'.\ndL/db = (softmax(A) - Y) * u.", 10],
  ]);
});

describe("x as multiplication between digits in number blanks", () => {
  expectScores([
    ["4b-ii", "depth: 16; parameters: 32x3x3x16", 5],
    ["4b-ii", "depth: 16; parameters: 4608 = 32x3x3x16", 5],
    ["4b-ii", "The depth is 16 and there are 32x3x3x16 = 4608 parameters", 5],
  ]);
});

describe("work shown inside blanks", () => {
  expectScores([
    ["4b-ii", "depth: 16 (matches 16 input channels); parameters: 32*3*3*16 = 4608", 5],
    ["4b-ii", "Depth 16. Each filter has 3*3*16 = 144 weights, so 32*144 = 4608 parameters.", 5],
    ["4b-ii", "Each filter is 3x3x16 so the depth is 16. There are 4608 parameters.", 5],
    ["4b-i", "16 filters, dimensions 7x7x3 because 32-7+1 = 26", 5],
    ["4b-i", "Since (32 - F)/1 + 1 = 26, F = 7, so 16 filters of 7x7x3", 5],
    ["4b-i", "16 filters, 5x5x3", 2],
  ]);
  it("keeps a wrong count wrong", () => {
    expect(grade("4b-ii", "16; 4068").score).toBeLessThan(5);
  });
});

describe("the relu indicator written as a comparison or relu'", () => {
  const gate = [
    "1(W1 x > 0)", "(W1 x > 0)", "(W1*x >= 0)", "relu'(W1 x)", "1{W1 x}", "1[W1 x]", "1{W1 x > 0}",
  ];
  expectScores([
    ...gate.map((g) => ["2c-i", `(${g} .* (W3' dLdz)) x'`, 6] as const),
    ["2c-ii", "W1' (1(W1 x > 0) .* (W3' dLdz)) + W2' dLdz", 6],
  ]);
});

describe("3a: generalization named as the reason, not just mentioned", () => {
  expectScores([
    ["3a", "False. Regularization hurts generalization but lowers training loss.", 2],
    ["3a", "False. Regularization reduces generalization.", 2],
    ["3a", "False. Generalization is not affected by regularization; it only speeds up training.", 2],
    ["3a", "False. Regularization is for lowering test loss.", 5],
  ]);
});

describe("1d-i: everyday wordings of the reasons", () => {
  expectScores([
    ["1d-i", "Overfitting. Not enough data. The model is too big.", 5],
    ["1d-i", "Overfitting. Lack of training data. The model is too large for the amount of data.", 5],
    ["1d-i", "Overfitting. Limited training data. The model is too big.", 5],
    ["1d-i", "Overfitting. Too few training images. The model is too large for the amount of data.", 5],
    ["1d-i", "Overfitting. The dataset does not have enough images. The model is too big.", 5],
    ["1d-i", "Overfitting. The model is too big and there is not enough data.", 5],
    ["1d-i", "Overfitting. It was trained for too many epochs without early stopping; too few training images.", 5],
  ]);
});

describe("4a-iii: one-line answers, infinities and short forms", () => {
  expectScores([
    ["4a-iii", "tanh: saturates for large |x|, differentiable everywhere, approximates identity near 0. leaky relu: does not saturate, not differentiable at 0, does not approximate identity, gelu: saturates for x → -∞, differentiable everywhere, does not approximate identity", 9],
    ["4a-iii", "tanh: saturates at both ends, smooth, identity near origin\nleaky relu: does not saturate, not differentiable at 0, not identity\ngelu: saturates for x → −∞, smooth, not approximately identity", 9],
    ["4a-iii", "tanh: saturates at both ends, smooth, identity near origin\nleaky relu: does not saturate, not differentiable at 0, not identity\ngelu: saturates as x -> -inf, smooth, not identity", 9],
    ["4a-iii", "tanh: saturates at both ends, smooth, identity near origin\nleaky relu: does not saturate, not differentiable at 0, not identity\ngelu: saturates for both large positive and negative x, smooth, not identity", 8],
  ]);
});

describe("1a: phrases on the wrong subject or across a contrast", () => {
  expectScores([
    ["1a", "kNN is fast at test time but slow at training time.", 0],
    ["1a", "Training is slow since it has to compute the distance to all training images.", 0],
    ["1a", "kNN handles high-dimensional data well.", 0],
    ["1a", "The images are high dimensional so training takes a long time.", 0],
  ]);
});

describe("3b: approximation and sampling wordings", () => {
  expectScores([
    ["3b", "False, it's an approximation.", 5],
    ["3b", "False. Only a sample of the training set is used.", 5],
  ]);
});

describe("true/false choice in other words", () => {
  const why = "regularization improves generalization, not the training loss.";
  expectScores([
    ["3a", `Incorrect. ${why}`, 5],
    ["3a", `Wrong, ${why}`, 5],
    ["3a", `Not true. ${why}`, 5],
    ["3a", `The answer is false: ${why}`, 5],
    ["3a", `I'd say false, ${why}`, 5],
    ["3a", `Fals. ${why}`, 5],
    ["3d", "Correct. The learning rate is too small.", 5],
    ["3d", "Right, the learning rate is too small.", 5],
  ]);
  it("sends an answer with no readable choice to a TA", () => {
    const g = grade("3a", "Regularization improves generalization.");
    expect(g.needsReview).toBe(true);
  });
});

describe("1d-ii: large rotations and rejected flips", () => {
  expectScores([
    ["1d-ii", "Rotate the images by 90 degrees and crop.", 2.5],
    ["1d-ii", "Flipping is not valid for digits. Instead crop and rotate.", 5],
    ["1d-ii", "Cropping and rotating, since flipping changes the digit.", 5],
  ]);
  it("never credits the rotation option for a 180-degree rotation", () => {
    for (const text of ["Rotating by 180 degrees and cropping.", "Mirror the images and rotate them by 180 degrees."]) {
      const augment = grade("1d-ii", text).items.find((i) => i.id === "augmentations");
      expect(augment?.note ?? "", text).not.toMatch(/Rotate/);
    }
  });
});

describe("4b-iii: more wordings of sparse connectivity and sharing", () => {
  expectScores([
    ["4b-iii", "Because the filters are small and are applied at every position (parameter sharing).", 5],
    ["4b-iii", "The filters are much smaller than the input and the same weights are used at every location.", 5],
    ["4b-iii", "Sparse interactions and tied weights.", 5],
  ]);
});

describe("transpose and power bind to the nearest factor", () => {
  expectScores([
    ["1c", "dL/dW = X (softmax(A) - Y)'\ndL/db = (softmax(A) - Y) u", 8],
    ["1c", "dL/dW = (softmax(W*X + bu') - Y) X'\ndL/db = (softmax(W*X + bu') - Y) u", 10],
  ]);
});

describe("LaTeX spellings", () => {
  expectScores([
    ["2c-i", String.raw`\left(1(W_{1} \mathbf{x}) \odot (W_{3}^\top \frac{dL}{dz})\right) \mathbf{x}^⊤`, 6],
    ["2c-ii", String.raw`W_{1}^T (1(W_{1} x) \odot (W_{3}^T \frac{\partial L}{\partial z})) + W_{2}^T \frac{dL}{dz}`, 6],
  ]);
});

describe("2c: the seed's intermediate variables b and c", () => {
  expectScores([
    ["2c-i", "(1(b) .* (W3' dLdz)) x'", 6],
    ["2c-ii", "W1' (1(b) .* (W3' dLdz)) + W2' dLdz", 6],
  ]);
});

describe("transposed (row-vector) gradients earn partial credit", () => {
  expectScores([
    ["2c-ii", "dLdz' (W3 diag(step(W1 x)) W1 + W2)", 4],
    ["1c", "dL/dW = (softmax(A) - Y) X'\ndL/db = ((softmax(A) - Y) u)'", 8],
  ]);
});

describe("4a: several labels for one shape, capitals, and x as times", () => {
  expectScores([
    ["4a-i", "W1, Ws: m x n; W2: l x m", 3],
    ["4a-i", "W1 and Ws are m x n, W2 is l x m", 3],
    ["4a-i", "W1: M x N; Ws: M x N; W2: L x M", 3],
    ["4a-ii", "m x n + m x n + l x m + m + l", 3],
  ]);
});

describe("1b: scale and covariate-shift phrases need their verb", () => {
  expectScores([
    ["1b", "It makes the weights too large or too small.", 0],
    ["1b", "It increases the covariate shift between layers.", 0],
    ["1b", "It keeps activations from becoming too large or too small, which avoids exploding or vanishing gradients", 5],
    ["1b", "It reduces internal covariate shift: when earlier layers update, the distribution of inputs to later layers changes; batchnorm keeps them normalized so training is stable", 5],
  ]);
});
