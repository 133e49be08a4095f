import { describe, expect, it } from "vitest";
import { renderSlackReply, type SlackBlock, type SlackMessage } from "../../../src/adapters/slack/slack-renderer.ts";
import {
  type Block, code, fields, heading, list, quote, type ReplyButton, table, text, verbatim, type VisibleReply,
} from "../../../src/core/chat/reply.ts";
import { hasControl, slackProblems } from "../../fakes/platform-limits.ts";

const privately = (blocks: Block[], extra: Partial<VisibleReply> = {}): VisibleReply => ({ blocks, visibility: "private", ...extra });
const render = (reply: VisibleReply): SlackMessage[] => {
  const messages = renderSlackReply(reply);
  expect(slackProblems(messages)).toEqual([]);
  return messages;
};
/** Every mrkdwn or plain text in the messages' blocks, in order. */
const texts = (messages: SlackMessage[]): string[] =>
  messages.flatMap((m) => m.blocks.flatMap((b: SlackBlock) => {
    switch (b.type) {
      case "header": return [b.text.text];
      case "section": return "text" in b ? [b.text.text] : b.fields.map((f) => f.text);
      case "context": return b.elements.map((e) => e.text);
      case "actions": return b.elements.map((e) => e.text.text);
    }
  }));
/** What a reader sees: entities decoded, zero-width characters gone. */
const shown = (mrkdwn: string) =>
  mrkdwn.replace(/[\u200B\u00AD]/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("Slack renderer: what a person typed shows as typed", () => {
  const typed = "*bold* _italic_ ~strike~ `code` ```fence``` > quote <https://evil.example|click> & <!channel> <!here> <@U123> @channel @here @everyone";

  it("escapes &, < and > and neutralises mrkdwn formatting in verbatim text", () => {
    const [section] = texts(render(privately([text(`Reason: ${verbatim(typed)}`)])));
    expect(section).not.toMatch(/<|(^|[^\u200B])[*_~`]|[*_~`]($|[^\u200B])/);
    expect(section).toContain("&lt;!channel\u00AD&gt;");
    expect(section).toContain("&amp;");
    expect(section).not.toMatch(/@(channel|here|everyone)/);
    expect(shown(section!)).toBe(`Reason: ${typed}`);
  });

  it("keeps the tutor's own bold and code in Slack's dialect, math as Unicode", () => {
    expect(texts(render(privately([text("**Question 1a** · `/answer 1a 4608` and $x^2 \\leq y$")]))))
      .toEqual(["*Question 1a* · `/answer 1a 4608` and x² ≤ y"]);
  });

  it("sets verbatim on every mrkdwn object, so Slack parses no bare mention or channel name", () => {
    const messages = render(privately([text("a"), fields([{ name: "n", value: "v" }]), text("b ".repeat(2000))]));
    for (const b of messages.flatMap((m) => m.blocks)) {
      if (b.type === "section") for (const t of "text" in b ? [b.text] : b.fields) expect(t.verbatim).toBe(true);
    }
  });

  it("neutralises mentions in every kind of block and in the notification text", () => {
    const mentions = "<!channel> <!here> <!everyone> <@U123> <#C123> @channel @here @everyone";
    const messages = render(privately([
      heading(verbatim(mentions)), text(verbatim(mentions)), quote(mentions), code(mentions),
      table([{ header: mentions }], [[mentions]]), fields([{ name: verbatim(mentions), value: verbatim(mentions) }]),
      list([verbatim(mentions)]),
    ]));
    for (const t of [...texts(messages), ...messages.map((m) => m.text)]) {
      expect(t).not.toMatch(/<|@(channel|here|everyone)/);
    }
  });

  it("drops control characters: terminal escapes and NUL", () => {
    const all = texts(render(privately([
      text(verbatim("\u001b[31mred\u001b[0m\u0000!")), quote("\u001b[2Jwiped"), code("a\u0000b"), table([{ header: "h" }], [["\u001b[1mx"]]),
    ]))).join("\n");
    expect(hasControl(all)).toBe(false);
    expect(all).toContain("red!");
    expect(all).toContain("> wiped");
    expect(all).toContain("ab");
  });
});

describe("Slack renderer: blocks", () => {
  it("renders each kind of block", () => {
    const messages = render(privately([
      heading("Progress · $\\alpha$"),
      text("Two lines\nof text"),
      list(["one", "**two**"]),
      quote("said\nthis"),
      fields([{ name: "Score", value: "4/5" }]),
      table([{ header: "id" }, { header: "score", align: "right" }], [["1a", "4/5"]]),
      code("x < 1"),
    ]));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Progress · α", emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: "Two lines\nof text", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "• one\n• *two*", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "> said\n> this", verbatim: true } },
      { type: "section", fields: [{ type: "mrkdwn", text: "*Score*\n4/5", verbatim: true }] },
      { type: "section", text: { type: "mrkdwn", text: "```\nid  score\n──  ─────\n1a    4/5\n```", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "```\nx &lt; 1\n```", verbatim: true } },
    ]);
    expect(messages[0]!.text).toBe("Progress · α — Two lines of text — one; two — said this — Score: 4/5");
    expect(messages[0]!.visibility).toBe("private");
  });

  it("falls back to a bold section for a heading too long for a header or with formatting", () => {
    const long = render(privately([heading("word ".repeat(40))]))[0]!.blocks[0]!;
    expect(long).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${"word ".repeat(40).trim()}*`, verbatim: true } });
    const marked = render(privately([heading(`Request from ${verbatim("Ann")}`)]))[0]!.blocks[0]!;
    expect(marked).toEqual({ type: "section", text: { type: "mrkdwn", text: "*Request from Ann*", verbatim: true } });
  });

  it("puts fields ten to a section and a field too long for one in sections of its own", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    const long = { name: "Answer", value: "x ".repeat(1200) };
    const blocks = render(privately([fields([...many.slice(0, 12), long, ...many.slice(12)])]))[0]!.blocks;
    expect(blocks.map((b) => (b.type === "section" && "fields" in b ? b.fields.length : b.type))).toEqual([10, 2, "section", 10, 3]);
  });

  it("carries the visibility and puts uploads on the first message only", () => {
    const png = Buffer.from([137, 80, 78, 71]);
    const blocks = Array.from({ length: 60 }, (_, i) => text(`paragraph ${i}`));
    const messages = render({ blocks, visibility: "public", images: [{ name: "hist", alt: "Scores", png }] });
    expect(messages.map((m) => m.visibility)).toEqual(["public", "public"]);
    expect(messages[0]!.files).toEqual([{ name: "hist.png", data: png, contentType: "image/png", alt: "Scores" }]);
    expect(messages[1]!.files).toBeUndefined();
  });

  it("says something for an empty reply", () => {
    expect(render(privately([]))[0]!.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "(no content)", verbatim: true } }]);
  });
});

describe("Slack renderer: long replies stay within the limits", () => {
  it("splits a 10,000-character quote into sections, every line still quoted", () => {
    const said = Array.from({ length: 400 }, (_, i) => `sentence ${i} of what a student typed`).join(" ").slice(0, 10_000);
    const sections = texts(render(privately([quote(said)])));
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const s of sections) expect(s.split("\n").every((l) => l.startsWith("> "))).toBe(true);
    expect(sections.map((s) => s.split("\n").map((l) => l.slice(2)).join("")).join("")).toBe(said);
  });

  it("spreads 60 list blocks over messages of at most 50 blocks, each but the last saying where the rest is", () => {
    const blocks = Array.from({ length: 60 }, (_, i) => list([`item ${i}`, "another"]));
    const messages = render(privately(blocks));
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 11]);
    expect(messages[0]!.blocks[49]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "(continued below, 1/2)", verbatim: true }] });
    expect(messages.map((m) => m.text.endsWith(`(${messages.indexOf(m) + 1}/2)`))).toEqual([true, true]);
  });

  it("splits a long code block into sections, each a closed code block", () => {
    const sections = texts(render(privately([code(Array.from({ length: 800 }, (_, i) => `row ${i}`).join("\n"))])));
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.startsWith("```\n") && s.endsWith("\n```")).toBe(true);
  });

  it("puts 30 buttons in actions blocks of 25, labels cut to 75, ids and values from the adapter", () => {
    const buttons: ReplyButton[] = Array.from({ length: 30 }, (_, i) => ({
      label: i === 2 ? "L".repeat(100) : `Choice ${i}`,
      style: i === 0 ? "primary" : i === 1 ? "danger" : "secondary",
      action: { command: "quiz", options: { question: String(i) } },
    }));
    const [message, ...rest] = renderSlackReply(privately([text("Pick one")], { buttons }), {
      actionId: (_b, i) => `act:${i}`,
      value: (b) => ("action" in b ? JSON.stringify(b.action) : undefined),
    });
    expect(rest).toEqual([]);
    expect(slackProblems([message!])).toEqual([]);
    const actions = message!.blocks.filter((b) => b.type === "actions");
    expect(actions.map((b) => b.elements.length)).toEqual([25, 5]);
    const all = actions.flatMap((b) => b.elements);
    expect(all[0]).toEqual({
      type: "button", text: { type: "plain_text", text: "Choice 0", emoji: false }, action_id: "act:0",
      value: '{"command":"quiz","options":{"question":"0"}}', style: "primary",
    });
    expect(all[1]!.style).toBe("danger");
    expect(all[2]!.text.text).toBe(`${"L".repeat(74)}…`);
    expect(all[3]!.style).toBeUndefined();
  });

  it("defaults action_id to the button's index and refuses ids or values Slack would reject", () => {
    const buttons: ReplyButton[] = [{ label: "Next", action: { command: "quiz", options: {} } }];
    const actions = renderSlackReply(privately([], { buttons }))[0]!.blocks[0]!;
    expect(actions.type === "actions" && actions.elements[0]!.action_id).toBe("button:0");
    expect(() => renderSlackReply(privately([], { buttons }), { actionId: () => "x".repeat(256) })).toThrow(/action_id/);
    expect(() => renderSlackReply(privately([], { buttons }), { value: () => "x".repeat(2001) })).toThrow(/value/);
  });
});
