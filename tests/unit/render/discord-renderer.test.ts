import { describe, expect, it } from "vitest";
import { type DiscordMessage, renderDiscordReply } from "../../../src/adapters/discord/discord-renderer.ts";
import {
  type Block, code, fields, heading, list, quote, type ReplyButton, table, text, verbatim, type VisibleReply,
} from "../../../src/core/chat/reply.ts";
import { discordProblems, hasControl } from "../../fakes/platform-limits.ts";

const privately = (blocks: Block[], extra: Partial<VisibleReply> = {}): VisibleReply => ({ blocks, visibility: "private", ...extra });
/** The pages of a long reply, every embed's description in order, each without its "continued" note. */
const pages = (messages: DiscordMessage[]) =>
  messages.flatMap((m) => (m.embeds ?? []).map((e) => (e.description ?? "").replace(/\n\n\(continued below, \d+\/\d+\)$/, "")));

const render = (reply: VisibleReply) => {
  const messages = renderDiscordReply(reply);
  expect(discordProblems(messages)).toEqual([]);
  return messages;
};
/** What the messages say: each message's content, or its card's title and description. */
const content = (reply: VisibleReply) => render(reply).map(said).join("\n");
const said = (m: DiscordMessage) => [m.content, ...(m.embeds ?? []).flatMap((e) => [e.title, e.description ?? ""])].filter(Boolean).join("\n");
/** What a reader sees: backslash escapes and zero-width spaces gone. */
const shown = (markdown: string) => markdown.replace(/\\([^A-Za-z0-9\s])/g, "$1").replace(/\u200B/g, "");

const typed = "**bold** ||spoiler|| `tick` ```fence``` # heading\n> quote\n- item\n1. first\n-# small\n[click](https://evil.example) a_b ~~x~~";

describe("Discord renderer: what a person typed shows as typed", () => {
  it("escapes Markdown in verbatim text", () => {
    const out = content(privately([text(`Reason: ${verbatim(typed)}`)]));
    expect(out).toContain("\\*\\*bold\\*\\* \\|\\|spoiler\\|\\| \\`tick\\`");
    expect(out).toContain("\\# heading\n\\> quote\n\\- item\n1\\. first\n\\-\\# small\n\\[click\\](https://evil.example) a\\_b \\~\\~x\\~\\~");
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
    expect(shown(out)).toBe(`Reason: ${typed}`);
  });

  it("keeps the tutor's own bold and code, and renders math as Unicode", () => {
    expect(content(privately([text("**Question 1a** · `/answer 1a 4608` and $x^2 + \\alpha$")])))
      .toBe("**Question 1a** · `/answer 1a 4608` and x² + α");
  });

  it("escapes Markdown that math or the bank's prose happens to contain", () => {
    expect(content(privately([text("a_b and |x| and $\\hat{y}^*$")]))).toMatch(/^a\\_b and \\\|x\\\| and/);
  });

  it("neutralises every kind of mention, in text, quotes, code, tables and fields", () => {
    const mentions = "@everyone @here <@123> <@!123> <@&456> <#789> </quiz:1> <t:1700000000:R>";
    const reply = privately([
      heading(verbatim(mentions)),
      text(verbatim(mentions)),
      quote(mentions),
      code(mentions),
      table([{ header: mentions }], [[mentions]]),
      fields([{ name: verbatim(mentions), value: verbatim(mentions) }]),
      list([verbatim(mentions)]),
    ]);
    const messages = render(reply);
    for (const m of messages) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(said(m)).not.toMatch(/@(everyone|here)|<[@#/]|<t:/);
    }
    expect(shown(said(messages[0]!))).toContain(mentions);
  });

  it("drops control characters: terminal escapes and NUL", () => {
    const out = content(privately([
      text(verbatim("\u001b[31mred\u001b[0m\u0000!")), quote("\u001b[2Jwiped\u0007"), code("a\u0000b"), table([{ header: "h" }], [["\u001b[1mx"]]),
    ]));
    expect(hasControl(out)).toBe(false);
    expect(out).toContain("red!");
    expect(out).toContain("> wiped");
    expect(out).toContain("ab");
  });

  it("keeps a fence typed inside a code block from ending it", () => {
    const out = content(privately([code("before\n```\n@everyone\n```")]));
    expect(out.split("\n").filter((l) => l.startsWith("```"))).toEqual(["```", "```"]);
  });
});

describe("Discord renderer: blocks", () => {
  it("renders headings, lists, quotes, fields, tables and code", () => {
    const out = content(privately([
      text("Your progress:"),
      heading("Progress"),
      text("Two lines\nof text"),
      list(["one", "**two**"]),
      quote("said\n\nthis"),
      fields([{ name: "Score", value: "4/5" }]),
      table([{ header: "id" }, { header: "score", align: "right" }], [["1a", "4/5"], ["2c-ii", "$\\frac{1}{2}$"]]),
      code("x = 1"),
    ]));
    expect(out).toBe([
      "Your progress:",
      "### Progress\nTwo lines\nof text",
      "- one\n- **two**",
      "> said\n> \u200B\n> this",
      "**Score**: 4/5",
      "```\nid     score\n─────  ─────\n1a       4/5\n2c-ii      ½\n```",
      "```\nx = 1\n```",
    ].join("\n\n"));
  });

  it("marks every message of a private reply ephemeral, and none of a public one", () => {
    const long = [text("x ".repeat(3000))];
    const priv = render(privately(long));
    expect(priv.length).toBeGreaterThan(1);
    for (const m of priv) expect(m.flags).toBe(64);
    for (const m of render({ blocks: long, visibility: "public" })) expect(m.flags).toBeUndefined();
  });

  it("puts images and files on the first message as attachments", () => {
    const png = Buffer.from([137, 80, 78, 71]);
    const messages = render(privately([text("y ".repeat(2500))], {
      images: [{ name: "histogram", alt: "Scores", png }],
      files: [{ name: "../grades.csv", contentType: "text/csv", data: Buffer.from("a,b") }],
    }));
    expect(messages[0]!.files).toEqual([
      { name: "histogram.png", data: png, contentType: "image/png", description: "Scores" },
      { name: ".._grades.csv", data: Buffer.from("a,b"), contentType: "text/csv" },
    ]);
    expect(messages.slice(1).every((m) => m.files === undefined)).toBe(true);
  });

  it("says something for an empty reply rather than sending an empty message", () => {
    expect(render(privately([]))).toEqual([{ content: "(no content)", allowed_mentions: { parse: [] }, flags: 64 }]);
  });
});

describe("Discord renderer: long replies stay within the limits", () => {
  it("pages a 10,000-character quote in embeds, two a message, every line still quoted, with notes", () => {
    const said = Array.from({ length: 400 }, (_, i) => `sentence ${i} of what a student typed`).join(" ").slice(0, 10_000);
    expect(said.length).toBe(10_000);
    const messages = render(privately([heading("Regrade request"), quote(said)]));
    // 10,000 characters: three messages of embeds, where 2,000-character content takes five or more.
    expect(messages.length).toBe(3);
    expect(messages.every((m) => m.content === "" && m.flags === 64 && (m.embeds?.length ?? 0) <= 2)).toBe(true);
    expect(messages[0]!.embeds![0]!.title).toBe("Regrade request");
    messages.forEach((m, i) => {
      const last = m.embeds!.at(-1)!.description!.split("\n");
      if (i < messages.length - 1) expect(last.at(-1)).toBe(`(continued below, ${i + 1}/${messages.length})`);
      else expect(last.at(-1)).toMatch(/^> /);
    });
    const quoted = pages(messages).map((d) => d.split("\n").filter((l) => l.startsWith("> ")).map((l) => l.slice(2)).join("")).join("");
    expect(quoted).toBe(said);
  });

  it("pages 60 list blocks at block boundaries", () => {
    const blocks = Array.from({ length: 60 }, (_, i) => list(Array.from({ length: 5 }, (_, j) => `item ${i}.${j} ${"word ".repeat(10)}`)));
    const messages = render(privately(blocks));
    expect(messages.length).toBeGreaterThan(1);
    for (const page of pages(messages)) expect(page.split("\n")[0]).toMatch(/^- item \d+\.0 /);
  });

  it("pages one long list between its items, never between an item and its continuation line", () => {
    const items = Array.from({ length: 80 }, (_, i) => `**/command${i}** does something useful\ne.g. \`/command${i} with an example\``);
    const messages = render(privately([heading("Help"), list(items)]));
    expect(messages.length).toBeGreaterThan(1);
    for (const page of pages(messages).slice(1)) expect(page).toMatch(/^- \*\*\/command\d+\*\*/);
  });

  it("reopens a code block split across pages", () => {
    const messages = render(privately([code(Array.from({ length: 900 }, (_, i) => `row ${i}`).join("\n"))]));
    expect(messages.length).toBeGreaterThan(1);
    for (const page of pages(messages).slice(1)) expect(page.startsWith("```\n")).toBe(true);
  });

  it("keeps a reply within 2,000 characters as plain content, not pages", () => {
    const messages = render(privately([text("word ".repeat(390))]));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.embeds).toBeUndefined();
    expect(messages[0]!.content.length).toBeLessThanOrEqual(2000);
  });

  it("lays 30 buttons in rows of five, at most five rows a message, labels cut to 80", () => {
    const buttons: ReplyButton[] = Array.from({ length: 30 }, (_, i) => ({
      label: i === 3 ? "L".repeat(200) : `Choice ${i}`,
      style: i === 0 ? "primary" : i === 1 ? "danger" : undefined,
      action: { command: "quiz", options: { question: String(i) } },
    }));
    const messages = renderDiscordReply(privately([text("Pick one")], { buttons }), {
      customId: (b, i) => `act:${i}:${"action" in b ? b.action.command : "form"}`,
    });
    expect(discordProblems(messages)).toEqual([]);
    expect(messages.map((m) => m.components?.map((r) => r.components.length))).toEqual([[5, 5, 5, 5, 5], [5]]);
    expect(messages[0]!.content).toBe("Pick one");
    const all = messages.flatMap((m) => m.components!.flatMap((r) => r.components));
    expect(all.map((b) => b.custom_id)).toEqual(Array.from({ length: 30 }, (_, i) => `act:${i}:quiz`));
    expect(all.slice(0, 3).map((b) => b.style)).toEqual([1, 4, 2]);
    expect(all[3]!.label).toBe(`${"L".repeat(79)}…`);
    expect(all[4]).toEqual({ type: 2, style: 2, label: "Choice 4", custom_id: "act:4:quiz" });
  });

  it("defaults custom_id to the button's index and refuses one Discord would reject", () => {
    const buttons: ReplyButton[] = [{ label: "Next", action: { command: "quiz", options: {} } }];
    expect(renderDiscordReply(privately([], { buttons }))[0]!.components![0]!.components[0]!.custom_id).toBe("button:0");
    expect(() => renderDiscordReply(privately([], { buttons }), { customId: () => "x".repeat(101) })).toThrow(/custom_id/);
  });
});

describe("Discord renderer: cards and drawn math", () => {
  const png = (tag: string) => Buffer.concat([Buffer.from([137, 80, 78, 71]), Buffer.from(tag)]);

  it("renders a reply that starts with a heading as one card: title, description, buttons under it", () => {
    const buttons: ReplyButton[] = [{ label: "Next question", style: "primary", action: { command: "quiz", options: {} } }];
    const [card, ...more] = render(privately([heading("Question **1a** · 5 points"), text("Why is $x^2$ convex?"), list(["one", "two"])], { buttons }));
    expect(more).toEqual([]);
    expect(card!.content).toBe("");
    expect(card!.flags).toBe(64);
    expect(card!.embeds).toEqual([{ title: "Question **1a** · 5 points", description: "Why is x² convex?\n\n- one\n- two", color: 0x4e79a7 }]);
    expect(card!.components![0]!.components.map((b) => b.label)).toEqual(["Next question"]);
  });

  it("falls back to pages when a card would pass 4,096 characters, untitled when its title passes 256", () => {
    const long = render(privately([heading("Help"), text("word ".repeat(1000))]));
    expect(long).toHaveLength(1);
    expect(long[0]!.content).toBe("");
    expect(long[0]!.embeds!.map((e) => e.title)).toEqual(["Help", undefined]);
    const titled = render(privately([heading("t".repeat(300)), text("short")]));
    expect(titled[0]!.embeds).toBeUndefined();
    expect(titled[0]!.content.startsWith("### ")).toBe(true);
  });

  it("draws the bank's display math once, shows it in the card, and keeps the Unicode text", () => {
    const drawn: string[][] = [];
    const messages = renderDiscordReply(privately([
      heading("Question 1c"),
      text("The loss is $$\\mathcal{L} = \\sum_i \\ell_i$$ where $m$ counts samples."),
      list(["also $$\\frac{a}{b}$$", "and $$\\mathcal{L} = \\sum_i \\ell_i$$ again"]),
      quote("a student's $$\\frac{1}{0}$$ stays text"),
      text(`typed: ${verbatim("$$x^2$$")}`),
    ]), { mathImage: (formulas) => (drawn.push([...formulas]), png(formulas.join("|"))) });
    expect(discordProblems(messages)).toEqual([]);
    expect(drawn).toEqual([["\\mathcal{L} = \\sum_i \\ell_i", "\\frac{a}{b}"]]);
    const [card] = messages;
    expect(card!.embeds![0]!.image).toEqual({ url: "attachment://math.png" });
    expect(card!.files!.map((f) => f.name)).toEqual(["math.png"]);
    expect(card!.files![0]!.description).toBe("ℒ = Σᵢ ℓᵢ\na/b");
    expect(card!.embeds![0]!.description).toContain("ℒ = Σᵢ ℓᵢ");
  });

  it("draws nothing without display math, without a drawer, or when the TeX does not draw", () => {
    const inline = privately([heading("Q"), text("only $x^2$ inline")]);
    const never = () => {
      throw new Error("must not be called");
    };
    expect(renderDiscordReply(inline, { mathImage: never })[0]!.files).toBeUndefined();
    const display = privately([heading("Q"), text("$$\\frac{a$$")]);
    expect(renderDiscordReply(display)[0]!.files).toBeUndefined();
    const broken = renderDiscordReply(display, { mathImage: () => { throw new Error("bad TeX"); } });
    expect(broken[0]!.files).toBeUndefined();
    expect(broken[0]!.embeds![0]!.image).toBeUndefined();
  });

  it("shows a reply's first image in its card and attaches files beside it", () => {
    const [card] = render({
      blocks: [heading("Midterm scores"), text("n = 3")], visibility: "public",
      images: [{ name: "score-histogram.png", alt: "Histogram", png: png("h") }],
      files: [{ name: "grades.csv", contentType: "text/csv", data: Buffer.from("a,b") }],
    });
    expect(card!.flags).toBeUndefined();
    expect(card!.embeds![0]!.image).toEqual({ url: "attachment://score-histogram.png" });
    expect(card!.files!.map((f) => f.name)).toEqual(["score-histogram.png", "grades.csv"]);
  });
});
