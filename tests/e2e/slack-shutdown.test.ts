// SIGTERM while students' answers are in flight: the Slack bot as `npm start` runs it (HTTP mode)
// against a local Slack. A process manager stops the bot in the middle of a burst of answers; every
// answer Slack got a 200 for is either graded, stored once and replied to, or refused with the
// "restarting" reply (and not stored); the bot exits 0.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { type Exchange, postText, SignedHttp, SlackPerson } from "../fakes/local-slack-client.ts";
import { freePort, LocalSlack, localSlackEnv } from "../fakes/local-slack.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SECRET = "shutdown-signing-secret-0123456789";
const STUDENTS = 24;
const db = tempDbFile();
let slack: LocalSlack;
let bot: BotProcess;
let students: SlackPerson[];

const answerLine = (token: string) => `/answer 3a false, because regularization improves generalization ${token}`;

/** Tokens of the answers stored in the database, with how many rows carry each. */
function storedTokens(): Map<string, number> {
  const file = new Database(db, { readonly: true });
  try {
    const counts = new Map<string, number>();
    for (const answer of file.prepare("SELECT answer FROM attempts").pluck().all() as string[]) {
      const token = /(tok-\d+)$/.exec(answer)?.[1] ?? `(no token) ${answer}`;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return counts;
  } finally {
    file.close();
  }
}

beforeAll(async () => {
  const users = Array.from({ length: STUDENTS }, (_, i) => ({ id: `USTUD${String(i).padStart(4, "0")}`, name: `student${i}` }));
  slack = await LocalSlack.start({ botToken: "xoxb-shutdown-bot-token-0123", users, channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }] });
  const port = await freePort();
  bot = await BotProcess.start({ ...localSlackEnv(slack, { mode: "http", port, signingSecret: SECRET }), TUTOR_DB: db, TUTOR_SWEEP_SECONDS: "0.3" });
  const http = new SignedHttp(`http://127.0.0.1:${port}/slack/events`, SECRET);
  students = users.map((u) => new SlackPerson(slack, http, u.id, u.name));
  // Practice takes an answer to a question served first.
  await Promise.all(students.map(async (s) => (await s.command("/quiz 3a")).waitForReplies(1)));
}, 90_000);

afterAll(async () => {
  await bot?.kill();
  await slack?.close();
});

describe("the Slack bot stopped by SIGTERM during a burst of answers", () => {
  it("stores and answers every answer it acknowledged, refuses the rest clearly, and exits 0", async () => {
    let exitCode: Promise<number | null> | null = null;
    let postsAtSignal = 0;
    const sent: Array<{ token: string; exchange: Promise<Exchange> }> = [];
    // Two answers a student: the second waits in the student's lane behind the first.
    for (let round = 0; round < 2; round += 1) {
      for (const [i, student] of students.entries()) {
        const token = `tok-${round * STUDENTS + i}`;
        const exchange = student.command(answerLine(token));
        sent.push({ token, exchange });
        // The signal goes at the first acknowledgement: the other answers are still arriving or being graded.
        void exchange.then(() => {
          if (exitCode) return;
          postsAtSignal = slack.posts.length;
          exitCode = bot.stop("SIGTERM");
        }, () => {});
      }
    }
    const settled = await Promise.allSettled(sent.map((s) => s.exchange));
    expect(exitCode).not.toBeNull();
    expect(await exitCode).toBe(0);
    expect(bot.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["stopping", "stopped"]));
    expect(bot.logs.filter((l) => l.level === "error")).toEqual([]);

    // The bot has exited: every reply it sent has been recorded by the local Slack.
    const graded: string[] = [];
    const refused: string[] = [];
    let finishedWhileStopping = 0;
    const acknowledged = settled.flatMap((outcome, i) => (outcome.status === "fulfilled" && outcome.value.status === 200 ? [{ token: sent[i]!.token, exchange: outcome.value }] : []));
    for (const { token, exchange } of acknowledged) {
      const replies = exchange.replies().map(postText);
      expect(replies, token).toHaveLength(1);
      if (slack.posts.indexOf(exchange.replies()[0]!) >= postsAtSignal) finishedWhileStopping += 1;
      if (/^3a: 5\/5/.test(replies[0]!)) graded.push(token);
      else if (/The tutor is restarting; send that again in a moment\./.test(replies[0]!)) refused.push(token);
      else expect.fail(`${token} got: ${replies[0]}`);
    }
    const stored = storedTokens();
    expect([...stored.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...stored.keys()].sort()).toEqual(graded.sort());
    expect(graded.length).toBeGreaterThan(0);
    // The stop had work to wait for: replies were sent after the signal.
    expect(finishedWhileStopping).toBeGreaterThan(0);
    console.info(`shutdown: ${sent.length} answers sent, ${acknowledged.length} acknowledged (${finishedWhileStopping} answered after SIGTERM), ${graded.length} graded and stored, ${refused.length} refused as restarting, ${sent.length - acknowledged.length} not taken (port closed)`);
  }, 90_000);

  it("left a database that passes SQLite's integrity check", () => {
    const file = new Database(db, { readonly: true });
    try {
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      file.close();
    }
  });
});
