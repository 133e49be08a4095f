// The Slack bot as `npm start` runs it with SLACK_APP_TOKEN: Socket Mode, its WebSocket URL from
// the local Slack's apps.connections.open, requests as envelopes it acknowledges.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { OverSocket, postText, SlackPerson } from "../fakes/local-slack-client.ts";
import { LocalSlack, localSlackEnv } from "../fakes/local-slack.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const APP_TOKEN = "xapp-1-local-app-token-0123456789";
const BOT_TOKEN = "xoxb-socket-bot-token-0123456789";

let slack: LocalSlack;
let bot: BotProcess;
let cam: SlackPerson;

beforeAll(async () => {
  slack = await LocalSlack.start({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    users: [{ id: "UCAM00001", name: "cam", displayName: "Cam" }],
    channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }],
  });
  bot = await BotProcess.start({ ...localSlackEnv(slack, { mode: "socket" }), TUTOR_DB: tempDbFile(), TUTOR_SWEEP_SECONDS: "0.3" });
  cam = new SlackPerson(slack, new OverSocket(slack.socket), "UCAM00001", "cam");
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

describe("the Slack bot in Socket Mode", () => {
  it("connects with the app token through apps.connections.open, before it says it started", () => {
    expect(slack.socket.isConnected).toBe(true);
    const open = slack.callsOf("apps.connections.open");
    expect(open.map((c) => [c.auth, c.ok])).toEqual([["app", true]]);
    expect(slack.calls.filter((c) => c.method !== "apps.connections.open").every((c) => c.auth === "bot")).toBe(true);
  });

  it("acknowledges a slash command envelope and answers through its response_url", async () => {
    const quiz = await cam.command("/quiz 3a");
    expect(quiz.status).toBe(200);
    const [question] = await quiz.waitForReplies();
    expect(question!.ephemeral).toBe(true);
    expect(postText(question!)).toContain("Question 3a");

    const click = await cam.click(question!, "False");
    await cam.submit(await cam.openedView(click), "regularization helps generalization to unseen data, not the training loss");
    const [graded] = await click.waitForReplies();
    expect(postText(graded!)).toMatch(/^3a: 5\/5/);
  });

  it("runs a button's action", async () => {
    const quiz = await cam.command("/quiz 1a");
    const [question] = await quiz.waitForReplies();
    const solution = await cam.click(question!, "Show solution");
    expect(postText((await solution.waitForReplies())[0]!)).toContain("Reference solution for 1a");
  });

  it("publishes the Home tab on app_home_opened", async () => {
    await cam.openHome();
    expect(JSON.stringify(await cam.home())).toContain("Your progress: 1 practice answer");
  });

  it("disconnects cleanly on SIGTERM", async () => {
    expect(await bot.stop()).toBe(0);
    expect(bot.logs.some((l) => l.msg === "stopped")).toBe(true);
    expect(slack.socket.isConnected).toBe(false);
    expect(slack.problems).toEqual([]);
    expect(bot.describe()).not.toContain(APP_TOKEN);
    expect(bot.describe()).not.toContain(BOT_TOKEN);
  });
});
