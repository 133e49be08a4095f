import { describe, expect, it } from "vitest";
import type { OptionDefinition } from "../../../src/core/chat/command-definition.ts";
import { parseOptions, splitCommand } from "../../../src/core/chat/parse-command-line.ts";
import { verbatim } from "../../../src/core/chat/reply.ts";

const answer: OptionDefinition[] = [
  { name: "question", description: "", type: "string", required: true },
  { name: "answer", description: "", type: "string", required: true, rest: true },
  { name: "justification", description: "", type: "string", required: false },
];
const stats: OptionDefinition[] = [
  { name: "assessment", description: "", type: "string", required: false },
  { name: "section", description: "", type: "string", required: false },
  { name: "post", description: "", type: "boolean", required: false },
];

describe("the text form of a command", () => {
  it("splits the command name from the rest", () => {
    expect(splitCommand("/Answer 3a false")).toEqual({ command: "answer", rest: "3a false" });
    expect(splitCommand("hello")).toBeNull();
  });

  it("fills positional options in order and lets the rest option take the rest of the line", () => {
    expect(parseOptions("3a false, because it helps generalization", answer)).toEqual({
      question: "3a",
      answer: "false, because it helps generalization",
    });
    expect(parseOptions("2b z - y", answer)).toEqual({ question: "2b", answer: "z - y" });
  });

  it("sets options by name, anywhere on the line", () => {
    expect(parseOptions("3d true justification: the loss barely moves", answer)).toEqual({
      question: "3d",
      answer: "true",
      justification: "the loss barely moves",
    });
    expect(parseOptions("question:2b answer: z - y", answer)).toEqual({ question: "2b", answer: "z - y" });
  });

  it("groups quoted words and keeps colons that are not option names", () => {
    expect(parseOptions('4b-ii "depth: 16; parameters: 4608"', answer)).toEqual({ question: "4b-ii", answer: "depth: 16; parameters: 4608" });
    expect(parseOptions("4b-ii depth: 16; parameters: 4608", answer)).toEqual({ question: "4b-ii", answer: "depth: 16; parameters: 4608" });
  });

  it("takes one word per option when no option takes the rest", () => {
    expect(parseOptions("midterm C247 post", stats)).toEqual({ assessment: "midterm", section: "C247", post: "post" });
    expect(() => parseOptions("midterm C247 post extra", stats)).toThrow(`did not expect "${verbatim("extra")}"`);
  });
});

describe("the text form, where students' words look like syntax", () => {
  it("keeps `name:` as words once that option is set", () => {
    expect(parseOptions("3a false, because the answer: is generalization", answer)).toEqual({
      question: "3a",
      answer: "false, because the answer: is generalization",
    });
  });

  it("keeps quotes inside free text, and drops them around a single quoted value", () => {
    expect(parseOptions('3a "false", it helps "generalization"', answer)).toEqual({ question: "3a", answer: '"false", it helps "generalization"' });
    expect(parseOptions('"3a" "false, because"', answer)).toEqual({ question: "3a", answer: "false, because" });
    expect(parseOptions('3a true justification: "it is too small"', answer)).toEqual({ question: "3a", answer: "true", justification: "it is too small" });
  });
});
