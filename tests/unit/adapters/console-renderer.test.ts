import { describe, expect, it } from "vitest";
import { ConsoleRenderer, replyToText } from "../../../src/adapters/console/console-renderer.ts";
import { code, fields, heading, list, quote, reply, table, text, textReply, verbatim } from "../../../src/core/chat/reply.ts";
import { displayWidth } from "../../../src/render/display-width.ts";

/** Terminal control: escape sequences, NUL, other C0/C1 controls (newline and tab are fine). */
const hasControl = (text: string) => [...text].some((ch) => {
  const c = ch.codePointAt(0)!;
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
});

describe("replyToText", () => {
  it("prints markup as plain text: no ** or backticks, math as Unicode", () => {
    const out = replyToText(reply([heading("**Question 2b** · 4 points"), text("Find $\\frac{\\partial \\mathcal{L}}{\\partial z}$ with `/answer 2b`.")]));
    expect(out).toBe("Question 2b · 4 points\nFind ∂ℒ/∂z with /answer 2b.");
  });

  it("lays out lists, quotes, fields and code, a blank line between blocks and none after a heading or a lead-in", () => {
    const out = replyToText(reply([
      heading("Title"),
      list(["one", "two\nlines"]),
      text("Answer:"),
      quote("first\n\nthird"),
      fields([{ name: "High score", value: "106" }, { name: "Mean score", value: "$\\mu$" }]),
      code("a,b\n**c**,$d$\n"),
    ]));
    expect(out).toBe("Title\n• one\n• two\n  lines\n\nAnswer:\n> first\n>\n> third\n\nHigh score: 106\nMean score: μ\n\na,b\n**c**,$d$");
  });

  it("shows what a person typed exactly as typed: no markup, no math, no mention handling", () => {
    const typed = "**not bold** $x^2$ `tick` @everyone <!channel>";
    expect(replyToText(textReply(`From ${verbatim(typed)}.`))).toBe(`From ${typed}.`);
    expect(replyToText(reply([quote(typed)]))).toBe(`> ${typed}`);
  });

  it("drops control characters wherever they come from: typed text, quotes, code, cells, buttons", () => {
    const evil = "red\u001b[31m!\u001b[0m nul\u0000 bell\u0007 \u202Eltr";
    const out = new ConsoleRenderer().render(reply([
      text(`Reason: ${verbatim(evil)}`), quote(evil), code(evil), table([{ header: evil }], [[evil]]),
    ], { buttons: [{ label: evil, action: { command: "help", options: {} } }] }));
    expect(hasControl(out)).toBe(false);
    expect(out).not.toContain("\u202E");
    expect(out).toContain("red! nul bell ltr");
  });

  it("aligns table columns by display width: wide characters, emoji and combining marks", () => {
    const out = replyToText(reply([table(
      [{ header: "name" }, { header: "score", align: "right" }, { header: "note" }],
      [["学生", "4/5", "ok"], ["e\u0301e", "10/10", "🎉"], ["$W_1$", "—", ""]],
    )]));
    expect(out.split("\n")).toEqual(["name score note", "学生   4/5 ok", "e\u0301e   10/10 🎉", "W₁       —"]);
  });

  it("leaves out the header line when no column has a header", () => {
    expect(replyToText(reply([table([{ header: "" }, { header: "", align: "right" }], [["Problem 1", "0/30"], ["Bonus", "0/6"]])]))).toBe("Problem 1 0/30\nBonus      0/6");
  });
});

describe("ConsoleRenderer.json", () => {
  const renderer = new ConsoleRenderer();
  const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

  it("is one line: the plain text, ephemeral from the visibility, data at the top level", () => {
    const line = renderer.json({ ...textReply("**3a: 5/5**", { data: { grade: { question: "3a", score: 5, max: 5 } } }), visibility: "private" });
    expect(line).not.toContain("\n");
    expect(parse(line)).toEqual({ text: "3a: 5/5", ephemeral: true, grade: { question: "3a", score: 5, max: 5 } });
    expect(parse(renderer.json({ ...textReply("posted"), visibility: "public" }))).toMatchObject({ ephemeral: false });
    expect(parse(renderer.json(textReply("no visibility: private")))).toMatchObject({ ephemeral: true });
  });

  it("renders deliveries: a direct message is ephemeral, a channel post is not", () => {
    const line = renderer.json({
      ...textReply("sent"),
      visibility: "private",
      deliveries: [{ to: { user: "console:ben" }, reply: textReply("**Note**: hi") }, { to: { channel: "ta" }, reply: textReply("for TAs") }],
    });
    expect(parse(line).deliveries).toEqual([
      { to: { user: "console:ben" }, text: "Note: hi", ephemeral: true },
      { to: { channel: "ta" }, text: "for TAs", ephemeral: false },
    ]);
  });
});

describe("displayWidth", () => {
  it("counts terminal columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("W₁ᵀ")).toBe(3);
    expect(displayWidth("学生")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("🎉")).toBe(2);
    expect(displayWidth("❤️")).toBe(2);
    expect(displayWidth("👩‍👩‍👧")).toBe(2);
    expect(displayWidth("🇺🇸")).toBe(2);
    expect(displayWidth("██░░")).toBe(4);
    expect(displayWidth("\u200B")).toBe(0);
  });
});
