import { describe, expect, it } from "vitest";
import { describedValues } from "../../../src/core/grading/described-values.ts";
import { item, score } from "./midterm-grading.ts";

// Answers invented for these tests (4b-i: 16 filters of 7x7x3; 4b-ii: depth 16, 4608 parameters;
// 4a-i: W1 and Ws m×n, W2 l×m): values described in sentences rather than written in notation.

describe("sizes described in words", () => {
  it("reads a side and a depth said as what the filter covers", () => {
    expect(describedValues("7 pixels on a side and reaches through all 3 colour channels")).toBe("7 by 7 and 3 deep");
    expect(score("4b-i", "sixteen filters; every filter is seven pixels on each side and spans the three input channels")).toBe(5);
    expect(score("4b-i", "one filter per output map, so 16; each is 7 wide and 7 tall and 3 deep")).toBe(5);
    expect(score("4b-i", "16 kernels. each kernel: 7 pixels high, 7 pixels wide, 3 channels")).toBe(5);
    // Near misses: the wrong depth, and the wrong side, stay wrong.
    expect(item("4b-i", "sixteen filters, each seven pixels on a side and reaching through all sixteen channels", "size")).toBe(0);
    expect(item("4b-i", "16 filters, each 6 wide and 6 tall and 3 deep", "size")).toBe(0);
  });

  it("joins a depth to a plane explained in between", () => {
    expect(score("4b-i", "16 filters. Each is 7 by 7 spatially (since 32 - 7 + 1 = 26) and 3 deep.")).toBe(5);
    expect(item("4b-i", "16 filters. Each is 7 by 7 spatially (since 32 - 7 + 1 = 26) and 16 deep.", "size")).toBe(0);
  });

  it("reads sizes asked and answered in the text", () => {
    expect(score("4b-i", "How many filters? One per output channel: 16 filters. How wide? It has to fit 26 times in 32, so 7. How deep? Same as the input, 3.")).toBe(5);
    // Near miss: the reply's value is what counts.
    expect(item("4b-i", "16 filters. How wide? 26 positions in 32 pixels, so 6. How deep? 3.", "size")).toBe(0);
  });

  it("reads a count set beside what it matches", () => {
    expect(item("4b-i", "as many filters as output channels, sixteen, each 7x7x3", "filters")).toBe(2);
    expect(item("4b-i", "as many filters as output channels, twenty-six, each 7x7x3", "filters")).toBe(0);
  });
});

describe("the stated result after working, in words", () => {
  it("takes a result said with 'which is' or 'comes to'", () => {
    expect(score("4b-ii", "depth is sixteen. weights per filter: three times three times sixteen, which is 144, times 32 filters is 4608")).toBe(5);
    // Near miss: a wrong stated result is wrong even when the work is right.
    expect(item("4b-ii", "depth 16; the count is thirty-two times nine times sixteen, which comes to 4068", "parameters")).toBe(0);
    // Near miss: the count per filter is not the layer's count.
    expect(item("4b-ii", "depth 16. weights per filter: three times three times sixteen, which is 144", "parameters")).toBe(0);
  });

  it("reads a total said as 'altogether' after a rate", () => {
    expect(score("4b-ii", "each filter is sixteen deep; that gives nine times sixteen weights per filter and thirty-two of those, 4608 altogether")).toBe(5);
    expect(item("4b-ii", "each filter is sixteen deep; that gives nine times sixteen weights per filter and thirty-two of those, 4600 altogether", "parameters")).toBe(0);
    // A count that is not a rate keeps its value: the total after it is something else.
    expect(item("4b-i", "16 filters of 7x7x3, with 147 weights each, 2352 in total", "filters")).toBe(2);
  });
});

describe("a shape stated in part, then in full", () => {
  it("takes the full shape when a later one completes the plane stated first", () => {
    expect(score("4b-i", "one filter per output map, so sixteen. Losing 6 pixels per side means the filter is 7 wide and 7 tall; it must cover the RGB channels too, so each filter is 7 x 7 x 3.")).toBe(5);
    expect(score("4b-i", "sixteen filters. Spatially 7 by 7 (32 - 7 + 1 = 26). With the input's three channels that makes 7×7×3.")).toBe(5);
    // Near misses: a full shape with another plane is another value, and a completed wrong shape stays wrong.
    expect(item("4b-i", "16 filters, each 7 by 7; the output is 26x26x16", "size")).toBe(0);
    expect(item("4b-i", "16 filters, each 6 wide and 6 tall, so each filter is 6 x 6 x 3", "size")).toBe(0);
    expect(item("4b-i", "16 filters, each 7 by 7, so the whole filter is 7x7x16", "size")).toBe(0);
    // Near miss: the full shape given with another one beside it is two answers.
    expect(item("4b-i", "sixteen filters. The plane is 7 by 7, so the filter is 7x7x3 or 7x7x16", "size")).toBe(0);
  });
});

describe("a count computed in code", () => {
  it("takes the result stated after np.prod or numel", () => {
    expect(score("4b-ii", "w.shape == (32, 16, 3, 3) → np.prod(w.shape) = 4608; depth: 16")).toBe(5);
    expect(item("4b-ii", "depth 16; math.prod((32, 16, 3, 3)) = 4608", "parameters")).toBe(3);
    // Near miss: the stated result is what counts, right work or not.
    expect(item("4b-ii", "depth 16; np.prod((32, 16, 3, 3)) = 4068", "parameters")).toBe(0);
    expect(item("4b-ii", "depth 16; np.prod((32, 3, 3, 3)) = 864", "parameters")).toBe(0);
  });
});
