import { describe, expect, it } from "vitest";
import { numberWordsAsDigits } from "../../../src/core/grading/blank-text.ts";
import { statesAClaim } from "../../../src/core/grading/claim-reading.ts";
import { firstValueIn } from "../../../src/core/grading/prose-values.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";
import { marksAsWords } from "../../../src/core/grading/text-lexer.ts";
import { parseChoice } from "../../../src/core/grading/true-false-grader.ts";
import { grade } from "./midterm-grading.ts";

// Kinds of error a blind set showed. The examples are written for these tests, not taken from a
// labelled set.
const item = (id: string, text: string, itemId: string) => grade(id, text).items.find((i) => i.id === itemId)?.earned;

describe("a hedged true/false choice", () => {
  it("reads the choice the student commits to", () => {
    expect(parseChoice("probably true? the sum keeps growing").choice).toBe(true);
    expect(parseChoice("maybe F, it is only an estimate").choice).toBe(false);
    expect(parseChoice("i guess false since the batch is small").choice).toBe(false);
    expect(parseChoice("This is wrong: it only helps validation").choice).toBe(false);
    expect(parseChoice("it's correct, the steps are tiny").choice).toBe(true);
    expect(parseChoice("I'd go with false: only a few samples").choice).toBe(false);
  });

  it("gives no choice when both are asserted, and keeps a word that qualifies a noun", () => {
    expect(parseChoice("True false, depends on the batch").hedged).toBe(true);
    expect(parseChoice("F. T. whichever").hedged).toBe(true);
    expect(parseChoice("right answers need reasons").choice).toBeUndefined();
    expect(grade("3b", "true false: a minibatch is an estimate").score).toBe(0);
  });
});

describe("claims the rubric's words are put in", () => {
  it("gives nothing for a concept stated and denied in one breath", () => {
    const table = "tanh: differentiable, not differentiable, saturates\nleaky relu: does not saturate\ngelu: smooth";
    expect(item("4a-iii", table, "tanh-differentiable")).toBe(0);
    expect(item("4a-iii", table, "tanh-saturates")).toBe(1);
    expect(grade("4a-iii", table).needsReview).toBe(true);
  });

  it("reads a long unpunctuated run of terms as a list, not a claim", () => {
    expect(statesAClaim("sparse local shared tied weights fewer parameters small kernels sliding")).toBe(false);
    expect(statesAClaim("the model overfits because it trained for too many epochs")).toBe(true);
    expect(statesAClaim("lr too small")).toBe(true);
  });

  it("gives a list nothing when it names the option the rubric deducts for", () => {
    const g = grade("1d-i", "overfit underfit too many epochs not enough images noisy labels high variance");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });

  it("rejects a subject judged not to apply", () => {
    expect(analyzeText("the curse of dimensionality does not apply here").tokens.find((t) => t.surface === "curse")?.negated).toBe(true);
    expect(item("1a", "Testing is fast. The curse of dimensionality does not apply to photos.", "curse-of-dimensionality")).toBe(0);
  });

  it("claims nothing the student says they are unsure about", () => {
    const table = "tanh: saturates, smooth, identity near 0\nleaky relu: does not saturate, not differentiable at 0, not sure about identity\ngelu: no idea";
    expect(item("4a-iii", table, "leaky-relu-not-identity")).toBe(0);
    expect(item("4a-iii", table, "leaky-relu-not-differentiable")).toBe(1);
  });

  it("claims nothing for a property asked about and left open", () => {
    const g = grade("4a-iii", "tanh: saturates? perhaps. smooth? maybe\nleaky relu: does not saturate");
    expect(item("4a-iii", "tanh: saturates? perhaps. smooth? maybe\nleaky relu: does not saturate", "tanh-saturates")).toBe(0);
    expect(g.score).toBe(1);
  });

  it("sends a concept denied to be present, or earned next to a deduction, to a TA", () => {
    expect(grade("4b-iii", "weight sharing and local connectivity are not used in convolutions").needsReview).toBe(true);
    const both = grade("1d-i", "overfitting, underfitting, too many epochs, not enough data");
    expect(both.needsReview).toBe(true);
    expect(item("1a", "It is slow at test time; the curse of dimensionality is irrelevant.", "curse-of-dimensionality")).toBe(0);
  });

  it("sends a property claimed of one thing and denied of another to a TA", () => {
    const g = grade("4b-iii", "weight sharing is a property of dense layers, not of convolutions");
    expect(g.needsReview).toBe(true);
    const purpose = grade("3a", "False, it exists to reduce overfitting, not to lower training loss");
    expect(purpose.score).toBe(5);
    expect(purpose.needsReview).toBe(false);
  });
});

describe("notation", () => {
  it("reads ticks and crosses of a table typed in chat", () => {
    expect(marksAsWords("✗ smooth, sat ✔")).toBe(" not smooth, sat  yes ");
    expect(marksAsWords("C∞ ✔")).toContain("smooth");
    const table = "tanh → sat. both ends ✔, C∞ ✔, ≈ identity ✔\nlrelu → no sat., ✗ diff at 0, ✗ identity\ngelu → sat. for x→−∞, smooth ✔, ✗ identity";
    expect(grade("4a-iii", table).score).toBe(9);
  });

  it("ends a clause at an arrow, so a negation before it does not reach past it", () => {
    expect(grade("3c", "T: the sum of squared grads is non-decreasing ⇒ step size non-increasing").score).toBe(5);
  });

  it("reads numbers and shapes in words, and a value after a modal verb", () => {
    expect(numberWordsAsDigits("twenty-four filters, each five by five by three")).toBe("24 filters, each 5 by 5 by 3");
    expect(numberWordsAsDigits("two thousand and forty eight")).toBe("2048");
    expect(numberWordsAsDigits("each one is 7x7x3")).toBe("each one is 7x7x3");
    expect(grade("4b-i", "there are sixteen filters and each is seven by seven by three").score).toBe(5);
    expect(grade("4b-ii", "the depth must be 16 (it matches layer 1), so 32*3*3*16 = 4608 params").score).toBe(5);
  });

  it("reads the result that work shown in words goes on to state", () => {
    expect(grade("4b-ii", "a filter is 3x3x16 so 144 weights each, times 32 filters = 4608").score).toBe(5);
    expect(grade("4b-ii", "each filter is 3x3x3, times 32 filters = 864").score).toBe(0);
  });

  it("takes a formula after reasoning in words, and drops question marks after it", () => {
    expect(grade("1c", "dL/dW = (softmax(A) - Y) * X'; dL/db is that summed over examples so (softmax(A) - Y) * u ?").score).toBe(10);
  });

  it("reads a change written Δw as the update", () => {
    expect(grade("3d", "True: Δθ ≈ 0 since the update is approximately zero at this rate").score).toBe(5);
  });

  it("reads a sentence about all the parts for each part, and has a TA confirm it", () => {
    const g = grade("4a-iii", "none of the three saturate, and all three are smooth");
    expect(item("4a-iii", "none of the three saturate, and all three are smooth", "leaky-relu-no-saturation")).toBe(1);
    expect(item("4a-iii", "none of the three saturate, and all three are smooth", "gelu-differentiable")).toBe(1);
    expect(item("4a-iii", "none of the three saturate, and all three are smooth", "tanh-saturates")).toBe(0);
    expect(g.needsReview).toBe(true);
  });

  it("reads a numpy shape tuple of letters, with words after it", () => {
    expect(firstValueIn("dimensions", "(l, m) as numpy would print")).toBe("(l, m)");
  });
});
