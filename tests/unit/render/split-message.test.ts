import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, splitMessage, splitText, truncate, wrapLine } from "../../../src/render/split-message.ts";

const fences = (text: string) => text.split("\n").filter((line) => line.startsWith("```")).length;

describe("splitMessage", () => {
  it("leaves a message within the limit alone, with no note", () => {
    expect(splitMessage(["a", "b"], { limit: 100 })).toEqual([{ text: "a\n\nb", slice: "a\n\nb" }]);
  });

  it("splits between blocks and says where the rest is", () => {
    const blocks = ["A".repeat(60), "B".repeat(60), "C".repeat(60)];
    const parts = splitMessage(blocks, { limit: 100 });
    expect(parts.map((p) => p.text)).toEqual([
      `${"A".repeat(60)}\n\n(continued below, 1/3)`,
      `${"B".repeat(60)}\n\n(continued below, 2/3)`,
      "C".repeat(60),
    ]);
  });

  it("prefers a line, then a word, to cutting a word", () => {
    const byLine = splitText(`${"a ".repeat(20)}\n${"b".repeat(40)}`, { limit: 60, note: null });
    expect(byLine[0]!.slice).toBe(`${"a ".repeat(20)}\n`);
    const byWord = splitText(`${"word ".repeat(30)}`, { limit: 60, note: null });
    expect(byWord.every((p) => p.slice.endsWith(" ") || p === byWord.at(-1))).toBe(true);
  });

  it("prefers the start of an item (a list entry) to any other line", () => {
    const items = Array.from({ length: 12 }, (_, i) => `- item ${i}\n  e.g. its example`);
    const parts = splitMessage([items], { limit: 120 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.slice).toMatch(/^- item \d+\n/);
  });

  it("hard-splits a line with no space, within the limit", () => {
    const line = "x".repeat(5000);
    const parts = splitText(line, { limit: 2000 });
    expect(parts.length).toBe(3);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.slice).join("")).toBe(line);
    expect(parts[0]!.text).toMatch(/\n\(continued below, 1\/3\)$/);
  });

  it("closes a code fence at a split and reopens it with its opening line", () => {
    const code = ["```text", ...Array.from({ length: 40 }, (_, i) => `line ${i}`), "```"].join("\n");
    const parts = splitMessage(["Intro", code, "After"], { limit: 120 });
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(120);
      expect(fences(p.text) % 2).toBe(0);
    }
    expect(parts[1]!.text.startsWith("```text\n")).toBe(true);
    expect(parts.map((p) => p.slice).join("")).toBe(["Intro", code, "After"].join("\n\n"));
  });

  it("never leaves an empty code block on either side of a split", () => {
    const text = `${"p".repeat(50)}\n\`\`\`\n${"c".repeat(30)}\n\`\`\`\n${"q".repeat(50)}`;
    for (let limit = 60; limit < 140; limit++) {
      for (const p of splitText(text, { limit })) expect(p.text).not.toMatch(/```\n```/);
    }
  });

  it("keeps escapes, entities, zero-width neutralisers and surrogate pairs whole", () => {
    const cases: [string, RegExp][] = [
      ["\\*".repeat(200), /^\\\*/],
      ["&amp;".repeat(100), /^&amp;/],
      ["@\u200Beveryone".repeat(40), /^(@\u200B|[a-z])/],
      ["😀".repeat(200), /^😀/],
      ["\u200B*\u200B".repeat(150), /^\u200B\*\u200B/],
    ];
    for (const [text, start] of cases) {
      const parts = splitText(text, { limit: 100, note: null });
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(p.slice).toMatch(start);
    }
  });

  it("refuses a limit that leaves no room", () => {
    expect(() => splitText("x".repeat(100), { limit: 30 })).toThrow(RangeError);
  });

  const word = fc.stringMatching(/^[a-z\\*&;😀]{1,12}$/u);
  const prose = fc.array(fc.oneof(word, fc.constantFrom(" ", " ", "\n", "\n\n")), { maxLength: 120 }).map((xs) => xs.join(""));
  const codeBlock = fc
    .tuple(fc.constantFrom("```", "```text", "```js"), fc.array(fc.stringMatching(/^[a-z <@>#*]{0,90}$/), { maxLength: 30 }))
    .map(([opener, lines]) => [opener, ...lines, "```"].join("\n"));
  const blocks = fc.array(fc.oneof(prose, codeBlock, fc.stringMatching(/^x{150,400}$/)), { minLength: 1, maxLength: 8 });

  it("never loses a character and keeps every part within the limit (property)", () => {
    fc.assert(
      fc.property(blocks, fc.integer({ min: 70, max: 400 }), fc.boolean(), (list, limit, withNote) => {
        const parts = splitMessage(list, { limit, note: withNote ? undefined : null });
        expect(parts.map((p) => p.slice).join("")).toBe(list.join("\n\n"));
        parts.forEach((p, i) => {
          expect(p.text.length).toBeLessThanOrEqual(limit);
          // Added text is only a reopened fence before, a closing fence and the note after.
          const note = withNote && i < parts.length - 1 ? `\\n?\\(continued below, ${i + 1}/${parts.length}\\)` : "";
          const after = new RegExp(`^(\\n?\`\`\`)?${note}$`);
          const reopened = /^```\w*\n/.exec(p.text)?.[0];
          const fits = (prefix: string) =>
            p.text.startsWith(prefix + p.slice) && after.test(p.text.slice(prefix.length + p.slice.length));
          expect(fits("") || (reopened !== undefined && fits(reopened))).toBe(true);
          expect(fences(p.text) % 2).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("wrapLine", () => {
  it("wraps at spaces within the width and loses nothing (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z \\*&;]{0,600}$/), fc.integer({ min: 10, max: 120 }), (line, width) => {
        const lines = wrapLine(line, width);
        expect(lines.join("")).toBe(line);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe("truncate and chunk", () => {
  it("truncates to the limit with an ellipsis, never halving a surrogate pair", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
  });

  it("groups items", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 5)).toEqual([]);
  });
});
