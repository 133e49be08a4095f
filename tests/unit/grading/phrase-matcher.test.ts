import { describe, expect, it } from "vitest";
import { PhraseMatcher, compilePhrase, editDistance } from "../../../src/core/grading/phrase-matcher.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";

const find = (answer: string, phrase: string) => new PhraseMatcher(analyzeText(answer)).match(compilePhrase(phrase));

describe("editDistance", () => {
  it("counts edits, transpositions as one, and stops past the bound", () => {
    expect(editDistance("dimention", "dimension", 2)).toBe(1);
    expect(editDistance("flpi", "flip", 1)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("PhraseMatcher", () => {
  it("matches stems and synonyms in any order within a sentence", () => {
    expect(find("Prediction is too slow for real time", "testing is computationally expensive").hit).toBeUndefined();
    expect(find("Prediction is too slow at test time", "slow at test time").hit).toBeDefined();
    expect(find("kNN is costly when predicting", "prediction is expensive").hit).toBeDefined();
  });

  it("does not match words from different sentences", () => {
    expect(find("It is slow. At test time we wait.", "slow at test time").hit).toBeUndefined();
  });

  it("tolerates typos: a sure one is strong, a loose one is weak", () => {
    const sure = find("the dimentionality is huge", "high dimensionality");
    expect(sure.hit?.weak).toBe(false);
    const loose = find("it saturats", "saturates");
    expect(loose.hit).toBeDefined();
    expect(find("regularisation helps generalizaton", "generalization").hit).toBeDefined();
  });

  it("does not take a different word for a typo", () => {
    expect(find("the model is underfitting", "overfitting").hit).toBeUndefined();
  });

  it("respects polarity: a negated phrase matches only negated text", () => {
    expect(find("leaky relu does not saturate", "does not saturate").hit).toBeDefined();
    expect(find("leaky relu saturates", "does not saturate").hit).toBeUndefined();
    expect(find("leaky relu saturates", "does not saturate").opposite).toBeDefined();
    expect(find("tanh doesn't saturate", "saturates").hit).toBeUndefined();
    expect(find("it never saturates", "doesn't saturate").hit).toBeDefined();
  });

  it("reads a subject before not both ways", () => {
    const r = find("flipping is not a valid augmentation", "flip");
    expect(r.hit).toBeDefined();
    expect(r.opposite).toBeDefined();
  });

  // Its speed on such answers is `npm run bench -- worst`.
  it("reads a 10,000-character answer", () => {
    const long = "The network overfits because the training set is small and noisy, so we regularize it. ".repeat(115);
    const matcher = new PhraseMatcher(analyzeText(long));
    expect(matcher.match(compilePhrase("the training set is small")).hit).toBeDefined();
    expect(matcher.match(compilePhrase("curse of dimensionality")).hit).toBeUndefined();
  });
});
