import { describe, expect, it } from "vitest";
import { statesAClaim } from "../../../src/core/grading/claim-reading.ts";
import { hasLongPlainList } from "../../../src/core/grading/option-lists.ts";
import { parseChoice } from "../../../src/core/grading/true-false-grader.ts";
import { expectScores, grade } from "./midterm-grading.ts";

// Ways of reading short answers and justifications: each rule with new wordings that must earn the
// credit, and a near miss that must not.

describe("a true/false choice after a filler word or a hedge", () => {
  it.each([
    ["hmm, false. the penalty keeps weights small", false],
    ["umm true: the sum only grows", true],
    ["well f, it is a noisy estimate", false],
    ["might be true, the step is tiny", true],
  ])("%s -> %s", (text, choice) => {
    expect(parseChoice(text).choice).toBe(choice);
  });

  it("a hedge between both choices makes none", () => {
    expect(parseChoice("could be true or false, depends on the data").hedged).toBe(true);
    expect(parseChoice("hmm true/false").choice).toBeUndefined();
  });
});

describe("a justification that denies the accepted reason earns nothing for it", () => {
  expectScores([
    ["3b", "False: a minibatch gradient is no estimate at all, it is exact for the few samples it uses", 2],
    ["3b", "False, it is not an approximation, just the batch's own exact gradient", 2],
    // The near miss: the reason stated, with "exact" denied rather than the estimate.
    ["3b", "False, it is not exact: it is an estimate from a handful of samples", 5],
  ]);
});

describe("how students say a minibatch gradient is approximate", () => {
  expectScores([
    ["3b", "False. each step only sees a few images, so the descent direction is random around the true gradient", 5],
    ["3b", "false, we never use all the data in one step, so the update is not exact", 5],
    ["3b", "f: minibatch ≠ full set → ≈", 5],
  ]);

  it("a relation in symbols states something", () => {
    expect(statesAClaim("minibatch ≠ whole set")).toBe(true);
    expect(statesAClaim("gap ↑")).toBe(true);
  });
});

describe("regularization judged by the test set, not the training loss", () => {
  expectScores([
    ["3a", "umm false: it trades off the training loss for smaller weights", 5],
    ["3a", "False, the aim is that the model works on test data we have not seen", 5],
    ["3a", "hmm false. with the penalty the optimizer can not just minimize the data loss", 5],
    // Near miss: the right words, the wrong choice.
    ["3a", "true, it trades off the training loss for smaller weights", 0],
  ]);
});

describe("the cost of kNN at prediction time, in other words", () => {
  expectScores([
    ["1a", "Each incoming photo must be compared against every training example before the car can act.", 2.5],
    ["1a", "For every query it has to scan the whole training set, which is hopeless at 30 frames a second.", 2.5],
    ["1a", "The classifier keeps all the pictures and computes the distance to every image it stored, each time.", 2.5],
  ]);

  it("the cost put at training time earns nothing", () => {
    const g = grade("1a", "Training a kNN takes ages because it must look at all the training images.");
    expect(g.items.find((i) => i.id === "test-cost")?.earned).toBe(0);
  });
});

describe("pixel distance in millions of dimensions, in other words", () => {
  expectScores([
    ["1a", "With so many dimensions the euclid gap between two pictures says nothing useful.", 2.5],
    ["1a", "Euclidean distance is not meaningful, as all points end up roughly equally far apart.", 2.5],
    ["1a", "the L2 in many dimensions is a poor guide, the closest is not the most similar", 2.5],
  ]);
});

describe("a list that names every option earns nothing", () => {
  expectScores([
    ["1a", "Reasons: slow testing, slow training, fast testing, high bias, low variance, large k, small k", 0],
    ["1d-i", "underfitting or overfitting. causes: big model, tiny model, too few images, too many images, long training, short training", 0],
    // A list of right answers is not a list of every option.
    ["1d-ii", "crop, rotate, shift, zoom, blur, add noise", 5],
  ]);

  it("is told by its shape: many short plain entries in one sentence", () => {
    expect(hasLongPlainList("bias, variance, k, slow, fast, cheap")).toBe(true);
    expect(hasLongPlainList("slow at test time, and L2 is meaningless")).toBe(false);
    expect(hasLongPlainList("f(0)=0, f'(0)=1, x→∞, a, b, c")).toBe(false);
  });
});

describe("overfitting said as memorising, with its reasons in other words", () => {
  expectScores([
    ["1d-i", "The net learned its training images by heart. There are too few images, and many labels are wrong.", 5],
    ["1d-i", "variance ≫ bias. The model has more parameters than samples, and we trained too many epochs.", 5],
    ["1d-i", "Overfitting, since it has way more weights than needed and the images have little diversity.", 5],
  ]);
});

describe("why batch norm helps, in other words", () => {
  expectScores([
    ["1b", "Whenever the earlier layers keep changing, a later layer receives inputs whose mean drifts; BN holds it still.", 5],
    ["1b", "The deep layers are chasing a moving target otherwise.", 5],
    ["1b", "Through many layers the values explode or vanish; normalizing each layer stops that.", 5],
    // Near miss: the concept denied.
    ["1b", "It does not stop values from exploding or vanishing.", 0],
  ]);
});

describe("a table of one-letter verdicts", () => {
  expectScores([
    ["4a-iii", "tanh: sat y, diff y, id y\nleaky relu: sat n, diff n, id n\ngelu: sat y (neg side), diff y, id n", 9],
    ["4a-iii", "tanh: sat y diff y id y\nleaky relu: sat n diff n id n\ngelu: sat y diff y id n", 9],
  ]);

  it("a denial in plain words is not read as a table", () => {
    const g = grade("4a-iii", "leaky relu: no saturation, no derivative at 0, no identity behaviour");
    expect(g.score).toBe(3);
  });
});

describe("properties of activations in other words", () => {
  expectScores([
    ["4a-iii", "tanh: flattens out at both ends, smooth, looks like y = x around 0", 3],
    ["4a-iii", "tanh: saturates at both ends, not non-differentiable anywhere, not far from the identity near 0", 3],
    // A GELU that saturates on the positive side is wrong.
    ["4a-iii", "gelu: saturates for positive x, differentiable, not identity", 2],
  ]);
});

describe("local connectivity and sharing said through negations", () => {
  expectScores([
    ["4b-iii", "A filter does not connect to all the inputs, and its weights do not vary across positions.", 5],
    ["4b-iii", "the weights do not change from one position to another and each unit sees only a small region", 5],
  ]);
});

describe("a rotation rejected for turning a 6 into a 9", () => {
  expectScores([
    ["1d-ii", "Do not rotate, a rotated 6 is a 9; just shift them and add noise.", 5],
    ["1d-ii", "Crop and rotate them a little.", 5],
  ]);
});
