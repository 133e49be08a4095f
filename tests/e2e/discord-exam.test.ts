// The whole mock exam on Discord with the bot killed and started again in the middle, every reply
// deferred (DISCORD_DEFER_MS=0: the deferral, edit and follow-up path), a regrade through a DM
// button, a TA's posted statistics with the histogram, and a clean stop on SIGTERM.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionBank } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { BotProcess } from "../fakes/bot-process.ts";
import { LocalDiscordDriver, messageText } from "../fakes/local-discord-driver.ts";
import { type FakeUser, LocalDiscord } from "../fakes/local-discord.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const bank = loadQuestionBank(loadConfig({}));
const questions = bank.all();
const db = tempDbFile();

let discord: LocalDiscord;
let bot: BotProcess;
let d: LocalDiscordDriver;
let ben: FakeUser;
let tara: FakeUser;
/** Bots started in this file, so afterAll stops whichever still runs. */
const started: BotProcess[] = [];

async function startBot(): Promise<void> {
  // Generous: a bot starts in about 5 s alone, far slower beside the rest of `npm test` on two cores.
  bot = await BotProcess.start(discord.env({ TUTOR_DB: db, TUTOR_SWEEP_SECONDS: "0.3", DISCORD_DEFER_MS: "0" }), 60_000);
  started.push(bot);
  d = LocalDiscordDriver.forBot(discord, bot);
}

/** Kills the bot as a crash would (SIGKILL, nothing finishes). */
async function crash(started: BotProcess): Promise<void> {
  await started.kill();
}

/** A right answer to 3a, stored before the restart: the report must still count it. */
const ANSWER_3A = { answer: "false", justification: "regularization improves generalization to unseen data; it usually raises the training loss" };

/** `npm run discord:register` as npm runs it (the script's command from package.json), against the local Discord. */
async function register(): Promise<string> {
  const script = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts["discord:register"]!;
  const [command, ...args] = script.split(/\s+/);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DISCORD|SLACK|TUTOR)_/.test(name)));
  const { stdout } = await promisify(execFile)(`node_modules/.bin/${command}`, args, { env: { ...inherited, ...discord.env() } });
  return stdout;
}

beforeAll(async () => {
  discord = await LocalDiscord.start();
  ben = discord.addUser("ben");
  tara = discord.addUser("tara", { ta: true });
}, 30_000);

afterAll(async () => {
  for (const b of started) await crash(b);
  await discord?.close();
});

describe("the mock exam on Discord, across a restart", () => {
  const half = Math.ceil(questions.length / 2);

  it("npm run discord:register publishes the commands to the guild; the bot then finds them up to date", async () => {
    expect(await register()).toMatch(/^Published \d+ commands in the server \d+: \/quiz /);
    expect(discord.commandPuts).toEqual([{ scope: discord.guildId, at: expect.any(Number) }]);
    await startBot();
    await bot.waitForLog((l) => l.msg === "discord commands up to date");
    expect(discord.commandPuts).toHaveLength(1);
  }, 90_000);

  it("starts the exam and takes answers; work that waits (grading) is deferred privately, then edited", async () => {
    const start = await d.command(ben, "exam", { action: "start" });
    expect(start.text).toMatch(/Mock midterm started/i);
    expect(start.ephemeral).toBe(true);
    for (const q of questions.slice(0, half)) {
      const given = q.id === "3a" ? ANSWER_3A : q.answer.kind === "expression" ? { answer: q.answer.reference } : { answer: "I am not sure" };
      const seen = await d.command(ben, "answer", { question: q.id, ...given });
      expect(seen.text).toContain(`Answer to ${q.id} received`);
      expect(seen.ephemeral).toBe(true);
      // Expressions are graded on a worker thread: the reply waits, so with DISCORD_DEFER_MS=0 it is deferred.
      if (q.answer.kind === "expression") expect(seen.exchange.callbacks.map((c) => [c.type, Number(c.data?.flags ?? 0)])).toEqual([[5, 64]]);
    }
  });

  it("is killed in the middle and comes back on the same database without publishing the commands again", async () => {
    await crash(bot);
    expect(discord.commandPuts).toHaveLength(1);
    await startBot();
    await bot.waitForLog((l) => l.msg === "discord commands up to date");
    expect(discord.commandPuts).toHaveLength(1);
    const status = await d.command(ben, "exam", { action: "status" });
    expect(status.text).toContain(`Answered ${half} of ${questions.length}`);
  }, 90_000);

  it("finishes and submits the exam; the report counts the answers given before the restart", async () => {
    for (const q of questions.slice(half)) await d.command(ben, "answer", { question: q.id, answer: "I am not sure" });
    const asked = await d.command(ben, "exam", { action: "submit" });
    expect(asked.text).toMatch(/Submit your mock exam now\?/);
    const report = await d.click(ben, asked.messages.at(-1)!, "Submit now");
    expect(report.text).toContain(`You answered ${questions.length} of ${questions.length} questions`);
    expect(report.text).toMatch(/3a — [^\n]*: [1-9]\d*(\.\d+)?\/\d+/);
    // A long report: the deferred message edited, then follow-ups, all private.
    expect(report.messages.length).toBeGreaterThan(1);
    expect(report.ephemeral).toBe(true);
  });

  it("a regrade request reaches its assigned grader by DM, whose button there resolves it; the student is told by DM", async () => {
    const grader = bank.get("3a")!.grader;
    await d.command(tara, "regrades", { action: "assign", id: grader, value: `discord:${tara.id}` });
    const asked = await d.command(ben, "regrade", { question: "3a", reason: "my justification names generalization" });
    expect(asked.text).toMatch(/regrade/i);
    const request = await discord.until(() => discord.postsIn(discord.dmChannel(tara)).find((m) => messageText(m).includes("Regrade request")), 10_000, "the request by DM");
    const opened = await d.click(tara, request, "Resolve", { channel: "dm" });
    const resolved = await d.submit(tara, opened, "keep the rubric was applied correctly", { channel: "dm" });
    expect(resolved.text).toMatch(/Regrade #\d+ \(3a\) resolved/);
    const told = await discord.until(() => discord.postsIn(discord.dmChannel(ben)).find((m) => messageText(m).includes("Your regrade request for 3a")), 10_000, "ben's DM");
    expect(told.flags & 64).toBe(0);
  });

  it("a TA posts the statistics publicly with the histogram attached", async () => {
    const posted = await d.command(tara, "stats", { post: true });
    expect(posted.ephemeral).toBe(false);
    expect(posted.messages.every((m) => (m.flags & 64) === 0)).toBe(true);
    expect(posted.text).toMatch(/mean/i);
    const histogram = posted.messages.flatMap((m) => m.files).find((f) => f.filename === "score-histogram.png");
    expect(histogram?.data.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("broke no rule of Discord's and stops cleanly on SIGTERM, exit code 0", async () => {
    expect(discord.violations).toEqual([]);
    expect(bot.logs.some((l) => l.msg === "stopped")).toBe(false);
    expect(await bot.stop()).toBe(0);
    await bot.waitForLog((l) => l.msg === "stopped");
    expect(bot.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});
