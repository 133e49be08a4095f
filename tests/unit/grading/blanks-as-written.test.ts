import { describe, expect, it } from "vitest";
import { afterDenial, likeOtherBlanks } from "../../../src/core/grading/blank-readings.ts";
import { numberWordsAsDigits } from "../../../src/core/grading/blank-text.ts";
import { layerNotationAsBlanks } from "../../../src/core/grading/layer-notation.ts";
import { wordsToNumber } from "../../../src/core/grading/stated-number.ts";
import { grade, item, midterm, score } from "./midterm-grading.ts";

// Answers invented for these tests (4b-i: 16 filters of 7x7x3; 4b-ii: depth 16, 4608 parameters;
// 4a-i: W1 and Ws m×n, W2 l×m).
const blanksOf = (id: string) => {
  const answer = midterm.require(id).answer;
  if (answer.kind !== "blanks") throw new Error(`${id} is not a blanks question`);
  return answer.blanks;
};

describe("numbers in words", () => {
  it("reads a dozen and hundreds", () => {
    expect(numberWordsAsDigits("a dozen filters")).toBe("12 filters");
    expect(numberWordsAsDigits("forty-six hundreds and eight weights")).toBe("4608 weights");
    expect(wordsToNumber("two dozen")).toBe("24");
    expect(score("4b-i", "a dozen and four filters, each seven by seven by three")).toBe(5);
    // Near miss: a dozen is not sixteen.
    expect(item("4b-i", "a dozen filters of 7x7x3", "filters")).toBe(0);
  });

  it("reads a count said as 'N of them' after the thing counted", () => {
    expect(score("4b-i", "every output channel needs its own filter, so there are sixteen of them, each 7 by 7 by 3")).toBe(5);
    // Near miss: the spatial size counted as filters earns nothing.
    expect(item("4b-i", "one filter per position, so twenty-six of them, each 7x7x3", "filters")).toBe(0);
  });
});

describe("one value per blank", () => {
  it("gives nothing for a blank answered with a slash list of candidates", () => {
    expect(item("4b-ii", "depth 16 / 3 / 26; parameters: 4608", "depth")).toBe(0);
    expect(item("4b-ii", "depth 16 / 3 / 26; parameters: 4608", "parameters")).toBe(3);
    // A shape written with slashes where the blank is a shape stays a shape.
    expect(score("4b-i", "filters: 16 / size: 7 / 7 / 3")).toBe(5);
    expect(score("4b-i", "16 / 7x7x3")).toBe(5);
    // Near miss: two shapes for one shape blank.
    expect(item("4b-i", "filters: 16 / size: 7x7x3 / 7x7x16", "size")).toBe(0);
  });

  it("keeps a value before a comma apart from the labelled part after it", () => {
    expect(item("4b-i", "filters: 16 / 26, size: 7x7x3", "filters")).toBe(0);
    expect(item("4b-i", "filters: 16 / 26, size: 7x7x3", "size")).toBe(3);
    // A label with a value is not a bare label to share: "depth 16" keeps its own value.
    expect(score("4b-ii", "depth 16 / params 4608 / 4640")).toBe(2);
    expect(score("4b-ii", "depth 16 / params 4608")).toBe(5);
  });

  it("gives nothing for two numbers offered with remarks after them", () => {
    expect(item("4b-ii", "depth: 16\nparameters: 4608 or 4640 counting the biases", "parameters")).toBe(0);
    expect(item("4b-ii", "depth 16, weights 4608 or maybe 4640 with bias", "parameters")).toBe(0);
    // Work and explanations stay right.
    expect(score("4b-ii", "depth: 16\nparameters: 32 x 144 = 4608")).toBe(5);
    expect(score("4b-i", "filters: 16 (7x7x3 each)\nsize: 7x7x3")).toBe(5);
  });
});

describe("denied values", () => {
  it("reads what a labelled part says after it denies a value", () => {
    expect(afterDenial("isn't 3 (that is the input), it's 16")).toBe("16");
    expect(afterDenial("not 3")).toBe("");
    expect(afterDenial("16, not 3")).toBeUndefined();
    expect(score("4b-ii", "depth is not 3 (the image's), it is 16; parameters: 4608")).toBe(5);
    // Near misses: a denial alone answers nothing, and the value after "but" is read.
    expect(item("4b-ii", "depth isn't 16; parameters: 4608", "depth")).toBe(0);
    expect(item("4b-ii", "depth not 16 but 3; parameters: 864", "depth")).toBe(0);
  });

  it("skips a value denied in a sentence", () => {
    expect(score("4b-i", "not 3 filters (that's the colour depth) but 16 filters, each 7x7x3")).toBe(5);
    // Near miss: the denied value is the right one.
    expect(item("4b-i", "not 16 filters: there are 26 filters, each 7x7x3", "filters")).toBe(0);
  });
});

describe("the value a sentence states as its result", () => {
  it("prefers the value after 'so' or 'in total' to a step, and a count to a rate", () => {
    expect(score("4b-ii", "a filter is 16 deep, so depth 16. A filter has 144 weights; with 32 filters, in total 4608 weights")).toBe(5);
    expect(score("4b-ii", "depth 16; 144 weights per filter and 32 filters, so the layer has 4608 weights")).toBe(5);
    // Near misses: the only count given is a rate, or the result stated is wrong.
    expect(item("4b-ii", "depth 16; 144 weights per filter", "parameters")).toBe(0);
    expect(item("4b-ii", "depth 16. A filter has 144 weights, so 864 weights", "parameters")).toBe(0);
  });

  it("keeps a value given after its own label over one read from the sentence", () => {
    expect(score("4b-ii", "each kernel is three by three by sixteen. weights: 32 kernels × 144 = 4608")).toBe(5);
    // Near miss: the labelled value is the number of kernels.
    expect(item("4b-ii", "each kernel is 3x3x16. weights: 32 kernels", "parameters")).toBe(0);
    expect(item("4b-i", "the number of filters = 16, size 7x7x3", "filters")).toBe(2);
  });
});

describe("a blank said to be like another", () => {
  it("gives the blank named as alike the value", () => {
    const w = blanksOf("4a-i");
    expect(likeOtherBlanks(w, [undefined, "m×n just like W1", "l×m"])).toEqual(["m×n", "m×n just like W1", "l×m"]);
    expect(score("4a-i", "Ws: m by n, same as W1\nW2: l by m")).toBe(3);
    // Near misses: "unlike" and "not like" say nothing about W1.
    expect(item("4a-i", "Ws: m×n, unlike W1\nW2: l×m", "W1")).toBe(0);
    expect(item("4a-i", "Ws: m×n, not like W1\nW2: l×m", "W1")).toBe(0);
  });
});

describe("a layer in framework notation", () => {
  it("reads the depth from the call or the weight and the count from numel", () => {
    const conv = blanksOf("4b-ii");
    expect(layerNotationAsBlanks(conv, "nn.Conv2d(16, 32, kernel_size=3) -> conv.weight.numel() = 4608")).toBe("depth: 16\nparameters: 4608");
    expect(score("4b-ii", "tf kernel.shape == (3, 3, 16, 32); numel: 4608")).toBe(5);
    expect(score("4b-ii", "nn.Conv2d(in_channels=16, out_channels=32, kernel_size=3, bias=False); sum(p.numel() for p in conv.parameters()) = 4608")).toBe(5);
    // Near misses: the image's depth is wrong, two counts earn nothing, and a call and a weight that
    // disagree are not read (no confident score: a TA checks it).
    expect(score("4b-ii", "nn.Conv2d(3, 32, 3) -> numel = 864")).toBe(0);
    expect(item("4b-ii", "nn.Conv2d(16, 32, 3), numel = 4608 or 4640", "parameters")).toBe(0);
    expect(layerNotationAsBlanks(conv, "nn.Conv2d(3, 32, 3): weight.shape = (32, 16, 3, 3), numel = 4608")).toBeUndefined();
    expect(grade("4b-ii", "nn.Conv2d(3, 32, 3): weight.shape = (32, 16, 3, 3), numel = 4608").needsReview).toBe(true);
  });
});
