import { describe, expect, it } from "vitest";
import { stem } from "../../../src/core/grading/porter-stemmer.ts";
import { analyzeText, contentWordCount } from "../../../src/core/grading/text-analysis.ts";

const words = (text: string) => analyzeText(text).tokens;
const negatedWords = (text: string) => words(text).filter((t) => t.negated).map((t) => t.surface);

describe("stem", () => {
  it("gives one stem to the forms of a word", () => {
    expect(new Set(["saturates", "saturating", "saturation", "saturate"].map(stem)).size).toBe(1);
    expect(stem("overfitting")).toBe(stem("overfit"));
    expect(stem("ponies")).toBe("poni");
    expect(stem("caresses")).toBe("caress");
  });
  it("leaves short words and non-words alone", () => {
    expect(stem("is")).toBe("is");
    expect(stem("w1")).toBe("w1");
  });
});

describe("analyzeText", () => {
  it("puts synonyms in one class", () => {
    const [slow] = words("slow");
    const [expensive] = words("expensive");
    const [costly] = words("time-consuming");
    expect(slow?.canon).toBe(expensive?.canon);
    expect(costly?.canon).toBe(slow?.canon);
    expect(words("dimensionality")[0]?.canon).toBe(words("dimensional")[0]?.canon);
  });

  it("negates the rest of a clause after not, and marks what came before as its subject", () => {
    expect(negatedWords("it is not slow")).toEqual(["slow"]);
    const flip = words("flipping is not valid").find((t) => t.surface === "flipping");
    expect(flip?.subjectNegated).toBe(true);
    expect(negatedWords("leaky relu doesn't saturate")).toEqual(["saturate"]);
  });

  it("stops a negation at a clause break", () => {
    expect(negatedWords("it does not saturate, but it is differentiable")).toEqual(["saturate"]);
    expect(negatedWords("it is not slow and it is accurate")).toEqual(["slow"]);
  });

  it("negates only what follows no, without and instead of", () => {
    expect(negatedWords("rotate instead of flipping")).toEqual(["of", "flipping"]);
    expect(words("rotate instead of flipping").find((t) => t.surface === "rotate")?.subjectNegated).toBe(false);
  });

  it("rewrites negative adjectives and idioms", () => {
    expect(negatedWords("euclidean distance is meaningless")).toEqual(["meaningful"]);
    expect(negatedWords("flips are invalid")).toEqual(["valid"]);
    expect(negatedWords("it is non-differentiable at 0")).toEqual(["differentiable", "at", "0"]);
    expect(negatedWords("not only slow but also huge")).toEqual([]);
  });

  it("flags a double negation as ambiguous", () => {
    expect(words("it is not true that it does not saturate").every((t) => t.ambiguous)).toBe(true);
  });

  it("counts content words and sentences", () => {
    const text = analyzeText("The model overfits. It is too complex!\nMore data helps");
    expect(contentWordCount(text.tokens)).toBe(6);
    expect(new Set(text.tokens.map((t) => t.sentence)).size).toBe(3);
    expect(text.lineCount).toBe(2);
  });
});
