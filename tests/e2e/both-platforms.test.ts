// Discord and Slack in one process, as `npm start` runs them when both are configured: discord.js
// and Bolt bring different undici versions, so file uploads are checked on both, and each platform
// keeps its own course on the one database.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { LocalDiscordDriver } from "../fakes/local-discord-driver.ts";
import { type FakeUser, LocalDiscord } from "../fakes/local-discord.ts";
import { dmOf } from "../fakes/local-slack-api.ts";
import { postText, SignedHttp, SlackPerson } from "../fakes/local-slack-client.ts";
import { freePort, LocalSlack, localSlackEnv } from "../fakes/local-slack.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SECRET = "both-signing-secret-0123456789";
const dbFile = tempDbFile();

let discord: LocalDiscord;
let slack: LocalSlack;
let bot: BotProcess;
let d: LocalDiscordDriver;
let ana: FakeUser;
let tara: FakeUser;
let sam: SlackPerson;
let tess: SlackPerson;

beforeAll(async () => {
  discord = await LocalDiscord.start();
  ana = discord.addUser("ana");
  tara = discord.addUser("tara", { ta: true });
  slack = await LocalSlack.start({
    team: "T0BOTH001",
    botToken: "xoxb-both-bot-token-0123456789",
    users: [{ id: "USAM00001", name: "sam" }, { id: "UTESS0002", name: "tess" }],
    channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }],
  });
  const port = await freePort();
  const env = { ...discord.env({ TUTOR_DB: dbFile, TUTOR_SWEEP_SECONDS: "0.3" }), ...localSlackEnv(slack, { mode: "http", port, signingSecret: SECRET, taUsers: ["UTESS0002"] }) };
  bot = await BotProcess.start(env, 90_000);
  d = LocalDiscordDriver.forBot(discord, bot);
  const http = new SignedHttp(`http://127.0.0.1:${port}/slack/events`, SECRET);
  sam = new SlackPerson(slack, http, "USAM00001", "sam");
  tess = new SlackPerson(slack, http, "UTESS0002", "tess");
}, 120_000);

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  await slack?.close();
});

describe("Discord and Slack in one process", () => {
  it("starts both adapters, Discord first", async () => {
    expect(await bot.waitForLog((l) => l.msg === "started")).toMatchObject({ adapters: ["discord", "slack"] });
  });

  it("answers on both platforms, each in its own course", async () => {
    await d.command(ana, "quiz", { question: "2b" });
    expect((await d.command(ana, "answer", { question: "2b", answer: "z - y" })).text).toMatch(/2b: 4\/4/);
    await (await sam.command("/quiz 2b", "CGENERAL01")).waitForReplies(1);
    const [graded] = await (await sam.command("/answer 2b y - z", "CGENERAL01")).waitForReplies(1);
    expect(postText(graded!)).toMatch(/2b: 0\/4/);
    // One database, two courses: the guild's and the workspace's.
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare("SELECT course_id, user_id, score FROM attempts ORDER BY id").all();
    db.close();
    expect(rows).toEqual([
      { course_id: `discord:${discord.guildId}`, user_id: `discord:${ana.id}`, score: 4 },
      { course_id: "slack:T0BOTH001", user_id: "slack:T0BOTH001:USAM00001", score: 0 },
    ]);
  });

  it("uploads files on both: the CSV export as a Discord attachment and into the TA's Slack DM", async () => {
    const exported = await d.command(tara, "export");
    const csv = exported.messages.flatMap((m) => m.files).find((f) => f.filename.endsWith(".csv"));
    expect(csv?.data.toString("utf8")).toMatch(/^Name,SID,User,Section,1a,/);
    await (await tess.command("/export", "CGENERAL01")).waitForReplies(1);
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.channel === dmOf("UTESS0002") && u.filename.endsWith(".csv")), "CSV in the TA's DM");
    expect(upload.bytes.toString("utf8")).toMatch(/^Name,SID,User,Section/);
  });

  it("stops both on SIGTERM and exits 0", async () => {
    expect(await bot.stop()).toBe(0);
    expect(bot.logs.some((l) => l.msg === "stopped")).toBe(true);
  });
});
