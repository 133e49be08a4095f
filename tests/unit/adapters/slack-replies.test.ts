// The adapter's posting rules against the local Slack (in process): response_url first, then the
// Web API, then the person's DM; files where Slack can show them; deliveries that throw when refused.
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackPoster } from "../../../src/adapters/slack/slack-replies.ts";
import { text, type VisibleReply } from "../../../src/core/chat/reply.ts";
import type { Logger } from "../../../src/logger.ts";
import { dmOf } from "../../fakes/local-slack-api.ts";
import { postText } from "../../fakes/local-slack-client.ts";
import { LocalSlack } from "../../fakes/local-slack.ts";

const warnings: string[] = [];
const logger: Logger = { info: () => {}, warn: (msg) => warnings.push(msg), error: (msg) => warnings.push(msg) };
let slack: LocalSlack;
let poster: SlackPoster;

beforeAll(async () => {
  slack = await LocalSlack.start({
    botToken: "xoxb-unit-token",
    channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }, { id: "COUTSIDE01", name: "outside", appIsMember: false }],
  });
  const web = new webApi.WebClient("xoxb-unit-token", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  poster = new SlackPoster(web, logger, slack.apiUrl);
});

afterAll(async () => {
  await slack.close();
});

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => text(`paragraph ${i}`));

describe("Slack replies", () => {
  it("post five messages to a response_url, then the rest through chat.postEphemeral, in order", async () => {
    const url = slack.api.mintResponseUrl({ user: "UANA00001", channel: "CGENERAL01" });
    const reply: VisibleReply = { blocks: paragraphs(49 * 6 + 2), visibility: "private" };
    await poster.reply(reply, { user: "UANA00001", channel: "CGENERAL01", responseUrl: url });
    const posts = slack.posts.filter((p) => p.user === "UANA00001");
    expect(posts.map((p) => p.via)).toEqual([...Array(5).fill("response_url"), "chat.postEphemeral", "chat.postEphemeral"]);
    expect(posts.every((p) => p.ephemeral)).toBe(true);
    expect(postText(posts.at(-1)!)).toContain(`paragraph ${49 * 6 + 1}`);
  });

  it("reply in the person's DM when an ephemeral message cannot be posted where they are", async () => {
    await poster.reply({ blocks: [text("only for you")], visibility: "private" }, { user: "UBEN00002", channel: "COUTSIDE01" });
    const post = slack.posts.at(-1)!;
    expect([post.via, post.channel]).toEqual(["chat.postMessage", dmOf("UBEN00002")]);
    expect(warnings.some((w) => w.includes("postEphemeral failed"))).toBe(true);
  });

  it("never post to a response_url of another origin", async () => {
    const before = slack.posts.length;
    await poster.reply({ blocks: [text("hello")], visibility: "public" }, { user: "UANA00001", channel: "CGENERAL01", responseUrl: "https://evil.example/respond/1" });
    expect(slack.posts.slice(before).map((p) => [p.via, p.channel])).toEqual([["chat.postMessage", "CGENERAL01"]]);
    expect(poster.trusted("https://hooks.slack.com/commands/T1/2/3")).toBe("https://hooks.slack.com/commands/T1/2/3");
    expect(poster.trusted("not a url")).toBeUndefined();
  });

  it("say so, privately, when a public post's file cannot be uploaded in a channel the app is not in", async () => {
    const url = slack.api.mintResponseUrl({ user: "UTARA0003", channel: "COUTSIDE01" });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await poster.reply({ blocks: [text("Scores")], images: [{ name: "hist.png", alt: "Histogram", png }], visibility: "public" }, { user: "UTARA0003", channel: "COUTSIDE01", responseUrl: url });
    const [post, note] = slack.posts.filter((p) => p.user === "UTARA0003");
    expect(post!.ephemeral).toBe(false);
    expect(note!.ephemeral).toBe(true);
    expect(postText(note!)).toMatch(/could not attach hist\.png here \(not_in_channel\)\. Invite me/);
    expect(slack.uploads.filter((u) => u.channel === "COUTSIDE01")).toEqual([]);
  });

  it("deliver to a person's DM and to a channel by name, uploading files there", async () => {
    await poster.deliver({ blocks: [text("Time ran out")] }, { user: "UANA00001" });
    expect(slack.posts.at(-1)).toMatchObject({ via: "chat.postMessage", channel: dmOf("UANA00001") });
    await poster.deliver({ blocks: [text("Grades")], files: [{ name: "grades.csv", contentType: "text/csv", data: Buffer.from("a,b\n") }] }, { channel: "#general" });
    expect(slack.posts.at(-1)).toMatchObject({ via: "chat.postMessage", channel: "CGENERAL01" });
    expect(slack.uploads.at(-1)).toMatchObject({ channel: "CGENERAL01", filename: "grades.csv" });
  });

  it("throw when a delivery is refused, so timed work keeps it", async () => {
    await expect(poster.deliver({ blocks: [text("hi")] }, { channel: "no-such-channel" })).rejects.toThrow(/no channel named #no-such-channel/);
    await expect(poster.deliver({ blocks: [text("hi")] }, { channel: "outside" })).rejects.toThrow(/not_in_channel/);
  });

  it("kept within Slack's limits", () => {
    expect(slack.problems).toEqual([]);
  });
});
