import { describe, expect, it } from "vitest";
import { cleanNumberText } from "../../../src/core/grading/number-grader.ts";
import { statedNumber, wordsToNumber } from "../../../src/core/grading/stated-number.ts";

describe("the number a student states", () => {
  it("takes the result after the work that leads to it", () => {
    expect(cleanNumberText("2^10 = 1024 > 1000 so 10")).toBe("10");
    expect(cleanNumberText("floor(log2(1000)) + 1 = 10")).toBe("10");
    expect(cleanNumberText("1+2+4+...+512 = 1023")).toBe("1023");
    expect(cleanNumberText("it's 2|E| = 60")).toBe("60");
    expect(cleanNumberText("log2(1000) ≈ 9.97")).toBe("9.97");
    expect(cleanNumberText("32*3*3*16 = 4608 parameters")).toBe("4608");
    expect(cleanNumberText("each filter is 3*3*16 → 144, times 32 gives 4608")).toBe("4608");
    // A call in code is math, not words: its stated result counts.
    expect(cleanNumberText("np.prod(w.shape) = 4608")).toBe("4608");
    expect(cleanNumberText("shape (32, 16, 3, 3) → w.numel() = 4608")).toBe("4608");
  });

  it("drops a reason after the value and a hedge before it", () => {
    expect(cleanNumberText("10, since 2^10 > 1000")).toBe("10");
    expect(cleanNumberText("10 because 2^10 = 1024")).toBe("10");
    expect(cleanNumberText("about 10")).toBe("10");
    expect(cleanNumberText("the answer is 4608")).toBe("4608");
    expect(cleanNumberText("~ 9.97")).toBe("9.97");
  });

  it("reads numbers written in words", () => {
    expect(cleanNumberText("ten")).toBe("10");
    expect(cleanNumberText("sixty")).toBe("60");
    expect(wordsToNumber("one hundred and twenty-eight")).toBe("128");
    expect(wordsToNumber("a thousand")).toBe("1000");
    expect(wordsToNumber("four thousand six hundred eight")).toBe("4608");
    expect(wordsToNumber("ten comparisons")).toBe("10");
    expect(wordsToNumber("lots")).toBeUndefined();
    expect(wordsToNumber("ten or eleven")).toBeUndefined();
  });

  it("leaves text with no single stated value for the reader to refuse", () => {
    expect(statedNumber("16 or 32")).toBe("16 or 32");
    expect(statedNumber("no idea")).toBe("no idea");
    expect(cleanNumberText("lots")).toBe("lots");
    // Two values in prose, one of them worked out: not one stated result.
    expect(statedNumber("Depth 16. Each filter has 3*3*16 = 144 weights")).toBe("Depth 16. Each filter has 3*3*16 = 144 weights");
    // A word before a bracket with a space is prose, not a call.
    expect(statedNumber("each filter has (3*3*16) = 144")).toBe("each filter has (3*3*16) = 144");
  });
});
