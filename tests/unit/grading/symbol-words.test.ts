import { describe, expect, it } from "vitest";
import { namedSymbols, symbolWordsOf } from "../../../src/core/grading/symbol-words.ts";
import { type Case, expectScores, grade } from "./midterm-grading.ts";

/** Symbols named in words, as the bank lists them (`words`), read inside a formula in words. */
describe("symbol words: the names a bank lists", () => {
  const words = symbolWordsOf({ z: { words: ["prediction", "output", "network output"] }, y: { words: ["target", "ground truth"] } });

  it("reads whole words, with the, our or its before them and a plural after", () => {
    expect(namedSymbols("our predictions minus the targets", words)).toBe("z minus y");
    expect(namedSymbols("its network output less the ground-truth", words)).toBe("z less y");
  });

  it("never inside a longer word, and the longer phrase first", () => {
    expect(namedSymbols("outputting the targeted thing", words)).toBe("outputting the targeted thing");
    expect(namedSymbols("the network output", words)).toBe("z");
  });

  it("a word listed for two symbols names neither", () => {
    const clash = symbolWordsOf({ z: { words: ["output"] } }, { c: { words: ["output"] } });
    expect(namedSymbols("the output", clash)).toBe("the output");
  });
});

describe("2b answered in words", () => {
  const right: Case[] = [
    ["2b", "prediction minus target", 4],
    ["2b", "the gradient is the network output minus the label", 4],
    ["2b", "Half the squared norm differentiates to our estimate minus the ground truth, so the answer is our estimate minus the ground truth.", 4],
    ["2b", "predicted output minus true value, a vector of m entries", 4],
  ];
  expectScores(right);

  it("is confirmed by a TA, since words are read by pattern", () => {
    expect(grade("2b", "the output minus the truth").needsReview).toBe(true);
  });

  const nearMisses: Case[] = [
    // The sign-flipped mistake, read as y - z.
    ["2b", "target minus prediction", 0],
    ["2b", "the label minus the network output", 0],
    // A row vector claims the transpose.
    ["2b", "prediction minus target, a row vector", 0],
    // Twice the difference, a slip a TA weighs.
    ["2b", "twice prediction minus target", 0],
    // Both signs offered.
    ["2b", "prediction minus target or target minus prediction", 0],
    // Only one symbol.
    ["2b", "the prediction", 0],
  ];
  expectScores(nearMisses);

  it("a word that names nothing leaves the answer unread: a TA reads it, never a confident 0", () => {
    for (const text of ["prediction minus the error", "the error minus the target", "the residual minus the bias"]) {
      const g = grade("2b", text);
      expect(g.score, text).toBe(0);
      expect(g.needsReview, text).toBe(true);
    }
  });

  it("words are read only where the whole text is a formula in words", () => {
    // A claim about the words, not a formula: not read as z - y.
    const g = grade("2b", "the gradient points from the target towards the prediction, whatever that means");
    expect(g.score).toBe(0);
  });
});

describe("2c-i and 2c-ii: hidden quantities in words", () => {
  expectScores([
    ["2c-i", "take W3 transposed times the upstream gradient, zero out the entries where the pre-activation is negative, then outer product with the input", 6],
    ["2c-ii", "the paths add: W2 transposed times dL/dz, plus W1 transposed times (the indicator of the pre-activation elementwise W3 transposed times dL/dz)", 6],
  ]);

  it("the relu output is not its gate: relu in place of the indicator is the known mistake", () => {
    const g = grade("2c-i", "take W3 transposed times the upstream gradient, multiply elementwise by the hidden activation, then outer product with the input");
    expect(g.score).toBe(3);
  });
});
