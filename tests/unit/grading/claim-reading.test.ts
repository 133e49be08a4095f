import { describe, expect, it } from "vitest";
import { firstWordTag, statesAClaim } from "../../../src/core/grading/claim-reading.ts";

describe("statesAClaim", () => {
  it("reads terms run together without commas or grammar as a list", () => {
    expect(statesAClaim("gradient descent momentum adam learning rate decay warmup schedule")).toBe(false);
    expect(statesAClaim("heap sort merge quick pivot partition recursion split merge")).toBe(false);
  });

  it("still reads statements, terse ones included", () => {
    expect(statesAClaim("the heap keeps the smallest key at the root")).toBe(true);
    expect(statesAClaim("variance grows with depth")).toBe(true);
    expect(statesAClaim("shrinks.")).toBe(true);
    expect(statesAClaim("smaller weights go first, larger weights go last")).toBe(true);
    expect(statesAClaim("parent <= child")).toBe(true);
  });

  it("keeps a short comma list a list", () => {
    expect(statesAClaim("momentum, adam, warmup")).toBe(false);
    expect(statesAClaim("normalized, batched, shuffled")).toBe(false);
  });
});

describe("firstWordTag", () => {
  it("tells a pronoun from a noun at the start of a text", () => {
    expect(firstWordTag("it grows every step")).toBe("PRON");
    expect(firstWordTag("regularization helps")).toBe("NOUN");
    expect(firstWordTag("  ")).toBeUndefined();
  });
});
