import { describe, expect, it } from "vitest";
import { bothWaysAsUnsure } from "../../../src/core/grading/both-ways.ts";
import { statesAClaim } from "../../../src/core/grading/claim-reading.ts";
import { formulasAsWords } from "../../../src/core/grading/formula-words.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";
import { parseChoice } from "../../../src/core/grading/true-false-grader.ts";
import { expectScores } from "./midterm-grading.ts";

// Ways of reading short answers and justifications: each rule with new wordings that must
// earn the credit, and a near miss that must not.

describe("a clause that says both ways claims nothing", () => {
  it("reads a self-denying clause or doubted opposites as unsure", () => {
    expect(bothWaysAsUnsure("the cost might matter or might not, who can tell")).toBe(" unsure , who can tell");
    expect(bothWaysAsUnsure("it helps or perhaps it does not")).toBe(" unsure ");
    expect(bothWaysAsUnsure("maybe the step is small or maybe large")).toBe(" unsure ");
    expect(bothWaysAsUnsure("it is cheap or expensive, depends on the hardware")).toBe(" unsure , depends on the hardware");
  });

  it("keeps a choice between opposites, and a single suggestion with maybe", () => {
    expect(bothWaysAsUnsure("zoom in or out, or make the digit bigger or smaller")).toBe("zoom in or out, or make the digit bigger or smaller");
    expect(bothWaysAsUnsure("maybe make them larger or smaller")).toBe("maybe make them larger or smaller");
    // The bare "saturates or not" is the lexer's to drop, word by word.
    expect(bothWaysAsUnsure("bounded or not, smooth")).toBe("bounded or not, smooth");
  });

  expectScores([
    ["1a", "it may be slow at test time or it may not, and the curse of dimensionality could matter or could not", 0],
    ["1a", "perhaps prediction is slow or perhaps it is fast, i guess; L2 in high dimensions is not meaningful", 2.5],
    // A plain claim of both reasons still earns both.
    ["1a", "prediction is slow since every query scans all stored images, and L2 distance is not meaningful in high dimensions", 5],
  ]);
});

describe("a long list of terms that names every option", () => {
  it("reads a verb form alone between commas as a term", () => {
    expect(statesAClaim("bias, variance, overfitting, curse of dimensionality, memory, latency")).toBe(false);
    expect(statesAClaim("it is overfitting, so stop early")).toBe(true);
  });

  expectScores([
    // Named among unrelated terms: nothing, where naming would earn.
    ["4b-iii", "weight sharing weight sharing local connectivity dropout batchnorm stride pooling activation bias softmax", 0],
    // A short list of the right terms still earns.
    ["4b-iii", "weight sharing, local connectivity", 5],
    // A long bare list that includes the deducted flips chooses nothing.
    ["1d-ii", "shear, flip, blur, translate, zoom, mirror, contrast, warp", 0],
    // A short list: the arithmetic stands (two valid, minus the flip).
    ["1d-ii", "random crops; small rotations; vertical flips", 3],
  ]);
});

describe("symbols and shorthand in a justification", () => {
  it("reads a slip of true as true", () => {
    expect(parseChoice("tru, the cache only grows").choice).toBe(true);
    expect(parseChoice("tue: the sum never shrinks").choice).toBe(true);
    expect(parseChoice("fase, it is an estimate").choice).toBe(false);
  });

  it("reads arrows as relations, not a run of keywords", () => {
    expect(statesAClaim("cache grows → step shrinks → lr decays over time only")).toBe(true);
  });

  it("reads a value compared with its previous step, a positive variance, a norm and a grid position", () => {
    expect(formulasAsWords("G_k ≥ G_{k-1}")).toContain("G never decreases");
    expect(formulasAsWords("s_t <= s_{t-1}")).toContain("s never increases");
    expect(formulasAsWords("Var[g_B] != 0")).toContain("the variance is positive");
    expect(formulasAsWords("||u - v||_2 is huge")).toContain("L2 norm");
    expect(formulasAsWords("one filter at each (x, y)")).toBe("one filter at each position");
  });

  expectScores([
    ["3c", "true: G_k = G_{k-1} + g_k ⊙ g_k ≥ G_{k-1}, so the step never grows", 5],
    ["3c", "tru. cache adds g² each step → cache only ↑ → lr only ↓", 5],
    // The sign flipped: the sum is said to shrink, so no reason is credited.
    ["3c", "true, the accumulated squared gradients shrink over time", 2],
    ["3b", "false, Var(g_batch) > 0 since B is much smaller than N", 5],
    ["4b-iii", "every kernel is local and the same kernel is used at each (r, c)", 5],
    ["4b-iii", "the filter is not local: it sees every pixel", 0],
  ]);
});

describe("paraphrases of the rubric's concepts", () => {
  expectScores([
    // 1a: nuisance changes dominate pixel distance.
    ["1a", "a car shifted by a few pixels ends up far away in pixel space from the same car", 2.5],
    ["1a", "the closest image by L2 can belong to another class because close in L2 mostly reflects lighting and background", 2.5],
    // 1b: each layer's gradient pretends the others stay put.
    ["1b", "each layer's gradient treats the other layers as fixed even though all layers are updated at the same time", 5],
    ["1b", "when an update upstream changes what later layers receive, those layers have to re-adapt; bn keeps it steady", 5],
    ["1b", "bn keeps activations from vanishing through the layers", 5],
    // Only the common scale, no reason: partial.
    ["1b", "because all neurons are on the same scale", 2],
    // 3c: the sum keeps adding up.
    ["3c", "true, since the cache keeps adding up squared gradients and never forgets old gradients", 5],
    ["3c", "true, because the squared gradients are added up but old ones are dropped after a window", 2],
  ]);
});

describe("where a negation stops, and which place of a repeated word a phrase takes", () => {
  const negatedWords = (text: string) => analyzeText(text).tokens.filter((t) => t.negated).map((t) => t.surface);

  it("ends a negation at a colon after a clause, not after a label", () => {
    expect(negatedWords("it is not exact: a batch is used")).not.toContain("batch");
    expect(negatedWords("its not the full gradient: only a sample is used")).not.toContain("sample");
    expect(negatedWords("not allowed: vertical flips")).toContain("flips");
    expect(negatedWords("relu: not differentiable")).toContain("differentiable");
  });

  expectScores([
    ["3b", "false, it isn't the true gradient: just a random minibatch is used", 5],
    ["1b", "it's not about regularization: updates to early layers change the input statistics of later ones", 5],
    // A reason denied after the colon stays denied.
    ["3b", "false, it is computed: not from a subset but from all of the data", 2],
    // Two ideas sharing a word ("training") each keep their own place.
    ["1d-i", "overfitting: far more parameters than training images, and we kept training after the validation error went up", 5],
  ]);

  it("reads a summation sign as a sum", () => {
    expect(formulasAsWords("∑_{k=1}^{t} g_k^2 only grows")).toContain("sum of");
  });

  expectScores([
    ["3c", "true since Σ_{s≤t} g_s² never shrinks", 5],
    ["3c", "true, Σ g² can shrink when the gradients shrink", 2],
  ]);
});

describe("terse claims", () => {
  it("reads a verb after a manner adverb as a predicate, not a term", () => {
    expect(statesAClaim("cache steadily growing")).toBe(true);
    expect(statesAClaim("loss slowly decreasing")).toBe(true);
    expect(statesAClaim("fast training, stable gradients")).toBe(false);
  });

  expectScores([
    ["3c", "T: accumulator monotonically increasing", 5],
    ["4b-iii", "local conn & shared weights", 5],
    // Only one of the two ideas.
    ["4b-iii", "sparse conn", 2.5],
  ]);
});
