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

describe("the reach of a negation", () => {
  const touched = (text: string) => words(text).filter((t) => t.negated || t.subjectNegated).map((t) => t.surface);

  it("stops where the main clause starts after a negated subordinate clause", () => {
    expect(negatedWords("when a loop never updates its counter the program hangs forever")).toEqual(["updates", "its", "counter"]);
    expect(negatedWords("if the cache is not flushed the reads return stale data")).toEqual(["flushed"]);
  });

  it("keeps the object of the negated verb negated", () => {
    expect(negatedWords("if the worker does not reach the barrier the job stalls")).toEqual(["reach", "the", "barrier"]);
  });

  it("does not reach back across a subordinator", () => {
    expect(touched("the job stalls unless the worker does not wait")).not.toContain("stalls");
    expect(touched("the cache grows when it is not pruned")).not.toContain("grows");
  });

  it("denies the reason after \"not because\", and not a reason given for a negated verb", () => {
    expect(negatedWords("it is not because the queue is full")).toEqual(expect.arrayContaining(["queue", "full"]));
    expect(negatedWords("the loop does not end because the counter is stuck")).not.toContain("counter");
  });

  it("rejects the subject when the judgement comes first and a modifier follows", () => {
    expect(negatedWords("cache size does not matter for this workload")).toEqual(expect.arrayContaining(["cache", "size"]));
    expect(negatedWords("caching does not cause stale reads")).not.toContain("caching");
  });

  it("leaves the words before a negation with nothing after it unnegated", () => {
    expect(negatedWords("keep merging until you cannot")).toEqual([]);
    expect(negatedWords("batching is not the reason")).toContain("batching");
  });
});
