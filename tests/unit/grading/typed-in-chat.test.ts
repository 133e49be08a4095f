import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";

// Answers as students type them in a one-line chat box, not as the rubric writes them.
const bank = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));
const grade = (id: string, text: string) => gradeAnswer(bank.require(id), { text });

describe("answers typed on one line of chat", () => {
  it.each([
    ["1b", "It keeps activations from becoming too large or too small, which avoids exploding or vanishing gradients"],
    ["1b", "Updating earlier layers changes the distribution of the next layer's inputs (internal covariate shift); batch norm keeps it stable"],
    ["4b-i", "16 filters of 7x7x3"],
    ["4b-i", "There are 16 filters, each 7 x 7 x 3"],
    ["4b-ii", "The depth is 16 and there are 32*3*3*16 = 4608 parameters"],
    ["4b-ii", "depth 16, params 4,608"],
    ["2c-ii", "W1^T (1(W1 x) ⊙ (W3^T dL/dz)) + W2^T dL/dz"],
    ["1c", "dL/dW = (softmax(A) - Y) X'; dL/db = sum(softmax(A) - Y, 2)"],
    [
      "4a-iii",
      "tanh: saturates for large |x|, differentiable everywhere, approximates identity near 0; leaky relu: does not saturate, " +
        "not differentiable at 0, does not approximate identity; gelu: saturates for very negative x, differentiable everywhere, does not approximate identity",
    ],
  ])("%s: %s earns full marks", (id, text) => {
    const g = grade(id, text);
    expect(`${g.score}/${g.max}`).toBe(`${g.max}/${g.max}`);
  });

  it("reads values out of prose in the blanks' order, and still grades them", () => {
    expect(grade("4b-i", "16 filters, 5x5x3").score).toBe(2);
    expect(grade("4b-ii", "16 and 4068").score).toBeLessThan(5);
  });

  it("names a dropped transpose even though its shapes cannot be evaluated", () => {
    const g = grade("2c-i", "(1(W1 x) ⊙ (W3 dL/dz)) xᵀ");
    expect(g.score).toBeLessThan(6);
    expect(g.feedback.join(" ")).toMatch(/needs a transpose/);
  });
});
