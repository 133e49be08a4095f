import { describe, expect, it } from "vitest";
import { displayMathImages } from "../../../src/adapters/slack/slack-math-images.ts";
import { code, list, quote, text, verbatim } from "../../../src/core/chat/reply.ts";

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe("display math of public Slack posts as pictures", () => {
  it("draws each display formula of the tutor's text once, with its Unicode text as alt", () => {
    const images = displayMathImages({ blocks: [
      text("Inline $x^2$ stays text. $$\\frac{a}{b}$$"),
      list(["again $$\\frac{a}{b}$$ and \\[\\sum_i x_i\\]"]),
    ] });
    expect(images.map((i) => i.alt)).toEqual(["a/b", "Σᵢ xᵢ"]);
    for (const image of images) expect([...image.png.subarray(0, 4)]).toEqual(PNG);
  });

  it("never draws what a person typed, a quote or code, and stops at four", () => {
    expect(displayMathImages({ blocks: [text(`typed: ${verbatim("$$\\frac{1}{0}$$")}`), quote("$$x$$"), code("$$y$$")] })).toEqual([]);
    const many = displayMathImages({ blocks: [text(Array.from({ length: 6 }, (_, i) => `$$x_${i}$$`).join(" "))] });
    expect(many).toHaveLength(4);
  });
});
