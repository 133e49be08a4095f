import { describe, expect, it } from "vitest";
import { SLACK_BUTTONS } from "../../../src/adapters/slack/slack-actions.ts";
import { renderSlackView, slackReplyBlocks } from "../../../src/adapters/slack/slack-renderer.ts";
import { heading, type ReplyButton, text } from "../../../src/core/chat/reply.ts";
import { slackProblems } from "../../fakes/platform-limits.ts";

const cutNote = "(Shortened: /progress shows everything.)";
const next: ReplyButton = { label: "Next question", action: { command: "quiz", options: {} } };

describe("Slack views (the Home tab)", () => {
  it("keep a reply that fits whole: its blocks, then its buttons", () => {
    const blocks = renderSlackView({ blocks: [heading("Your progress"), text("All good")], buttons: [next] }, { ...SLACK_BUTTONS, cutNote });
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "actions"]);
    expect(blocks).toEqual(slackReplyBlocks({ blocks: [heading("Your progress"), text("All good")], buttons: [next] }, SLACK_BUTTONS));
  });

  it("cut a long reply to 100 blocks, the note in place of the rest and the buttons kept", () => {
    const many = Array.from({ length: 150 }, (_, i) => text(`line ${i}`));
    const blocks = renderSlackView({ blocks: many, buttons: [next] }, { ...SLACK_BUTTONS, cutNote });
    expect(blocks).toHaveLength(100);
    expect(blocks.at(-2)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: cutNote, verbatim: true }] });
    expect(blocks.at(-1)!.type).toBe("actions");
    expect(JSON.stringify(blocks[97])).toContain("line 97");
    for (let i = 0; i < 100; i += 50) expect(slackProblems([{ text: "home", blocks: blocks.slice(i, i + 50) }])).toEqual([]);
  });
});
