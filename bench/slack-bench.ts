// Slack over HTTP: signed /answer slash commands against the bot as `npm start` runs it (graded,
// stored, answered through the response_url of a local Slack), beside a bare Bolt app whose
// handler only acks, both in their own process, measured in the same run.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BotProcess } from "../tests/fakes/bot-process.ts";
import { SignedHttp } from "../tests/fakes/local-slack-client.ts";
import { freePort, LocalSlack, localSlackEnv } from "../tests/fakes/local-slack.ts";
import { tempDbFile } from "../tests/fakes/temp-files.ts";
import { type BenchSection, printSection, row } from "./bench-section.ts";
import { quantile } from "./timing.ts";

const SECRET = "bench-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-bench-bot-token-0123456789";
/** Students answering at once, each one answer after another (a class in a practice session). */
const STUDENTS = 16;
/** Interleaved rounds of each; rates are their medians, latencies pooled. */
const ROUNDS = 3;
const ANSWERS_PER_ROUND = 320;
const ACKS_PER_ROUND = 1600;
const WARMUP = 64;
const LINE = "/answer 3a false, because regularization improves generalization to unseen data, not the training loss";
const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), "..");

interface Timing {
  /** Until Slack got the HTTP answer (the ack). */
  ack: number;
  /** Until the reply reached the response_url (the answer), for the bot. */
  answer?: number;
}

/** Sends signed slash commands as `STUDENTS` people at once and times each one. */
class SlashLoad {
  private readonly waiting = new Map<string, () => void>();

  constructor(private readonly slack: LocalSlack, private readonly http: SignedHttp, private readonly waitForAnswer: boolean) {
    slack.onPost((post) => {
      if (post.responseUrl) this.waiting.get(post.responseUrl)?.();
    });
  }

  /** `count` commands spread over the students; returns each one's timing and the rate (per second). */
  async run(count: number, line: (student: number) => string): Promise<{ timings: Timing[]; rate: number }> {
    const timings: Timing[] = [];
    const per = Math.ceil(count / STUDENTS);
    const start = performance.now();
    await Promise.all(Array.from({ length: STUDENTS }, async (_, s) => {
      for (let i = 0; i < per; i++) timings.push(await this.one(s, line(s)));
    }));
    return { timings, rate: timings.length / ((performance.now() - start) / 1000) };
  }

  private async one(student: number, line: string): Promise<Timing> {
    const user = studentId(student);
    const trigger = this.slack.api.mintTrigger(user);
    const url = this.slack.api.mintResponseUrl({ user, channel: "CGENERAL01" });
    const id = url.slice(url.lastIndexOf("/") + 1);
    const [command, ...rest] = line.split(" ");
    const body = new URLSearchParams({
      team_id: this.slack.team, channel_id: "CGENERAL01", channel_name: "general", user_id: user, user_name: `s${student}`,
      command: command!, text: rest.join(" "), response_url: url, trigger_id: trigger,
    }).toString();
    const answered = this.waitForAnswer ? new Promise<void>((resolve) => this.waiting.set(id, resolve)) : null;
    const start = performance.now();
    const sent = await this.http.sendRaw(body, "application/x-www-form-urlencoded");
    const ack = performance.now() - start;
    if (sent.status !== 200) throw new Error(`the app answered ${sent.status}`);
    if (!answered) return { ack };
    await answered;
    this.waiting.delete(id);
    return { ack, answer: performance.now() - start };
  }
}

const studentId = (s: number) => `USTUDENT${String(s).padStart(3, "0")}`;
const median = (xs: number[]) => quantile(xs, 0.5);

/** The baseline: Bolt with a handler that only acks, in its own process (this file with --ack-only). */
async function startAckOnly(port: number): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [THIS_FILE, "--ack-only"], {
    cwd: ROOT, env: { ...process.env, SLACK_BENCH_PORT: String(port), SLACK_BENCH_SECRET: SECRET }, stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`the ack-only Bolt app exited with ${code}`)));
  });
  return child;
}

async function serveAckOnly(): Promise<void> {
  const { App, HTTPReceiver, LogLevel } = await import("@slack/bolt");
  const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
  const port = Number(process.env.SLACK_BENCH_PORT);
  const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_BENCH_SECRET!, port, logger: quiet });
  const app = new App({ token: BOT_TOKEN, botId: "BBENCH", botUserId: "UBENCH", receiver, logger: quiet, convoStore: false });
  app.command(/^\/.+/, async ({ ack }) => {
    await ack();
  });
  await app.start(port);
  process.stdout.write("listening\n");
  process.once("SIGTERM", () => void app.stop().finally(() => process.exit(0)));
}

export async function runSlackBench(): Promise<BenchSection> {
  const users = Array.from({ length: STUDENTS }, (_, s) => ({ id: studentId(s), name: `s${s}` }));
  const slack = await LocalSlack.start({ botToken: BOT_TOKEN, users, channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }] });
  const [botPort, basePort] = [await freePort(), await freePort()];
  const bot = await BotProcess.start({ ...localSlackEnv(slack, { mode: "http", port: botPort, signingSecret: SECRET }), TUTOR_DB: tempDbFile(), TUTOR_ANSWER_LIMIT: "0" });
  const base = await startAckOnly(basePort);
  try {
    const tutor = new SlashLoad(slack, new SignedHttp(`http://127.0.0.1:${botPort}/slack/events`, SECRET), true);
    const bare = new SlashLoad(slack, new SignedHttp(`http://127.0.0.1:${basePort}/slack/events`, SECRET), false);
    await tutor.run(STUDENTS, () => "/quiz 3a");
    await tutor.run(WARMUP, () => LINE);
    await bare.run(WARMUP * 4, () => LINE);
    const rates = { tutor: [] as number[], bare: [] as number[] };
    const timings = { tutor: [] as Timing[], bare: [] as Timing[] };
    for (let round = 0; round < ROUNDS; round++) {
      const t = await tutor.run(ANSWERS_PER_ROUND, () => LINE);
      const b = await bare.run(ACKS_PER_ROUND, () => LINE);
      rates.tutor.push(t.rate);
      rates.bare.push(b.rate);
      timings.tutor.push(...t.timings);
      timings.bare.push(...b.timings);
    }
    const answers = timings.tutor.map((t) => t.answer!);
    const tutorAcks = timings.tutor.map((t) => t.ack);
    const bareAcks = timings.bare.map((t) => t.ack);
    const problems = slack.problems.length;
    const baseline = "Bolt handler that only acks";
    const rows = [
      row(`Slack: /answer 3a, ${STUDENTS} students at once, rate`, median(rates.tutor), "/s", { name: `${baseline}, acks/s`, value: median(rates.bare) }),
      row("Slack: answer (ack to response_url reply), p50", median(answers), "ms", { name: `${baseline}, ack p50`, value: median(bareAcks) }),
      row("Slack: answer, p99", quantile(answers, 0.99), "ms", { name: `${baseline}, ack p99`, value: quantile(bareAcks, 0.99) }),
      row("Slack: bot ack, p99", quantile(tutorAcks, 0.99), "ms", { name: `${baseline}, ack p99`, value: quantile(bareAcks, 0.99) },
        { text: "< 1,000 ms (Slack's limit 3 s)", met: quantile(tutorAcks, 0.99) < 1000 }),
    ];
    const lines = [
      `${STUDENTS} students at once over loopback, signed HTTP requests, the bot as npm start runs it and bare Bolt each in its own process, ${ROUNDS} interleaved rounds (medians of rates; latencies over ${answers.length} answers / ${bareAcks.length} acks)`,
      `Block Kit or API problems seen by the local Slack: ${problems}`,
    ];
    return { title: "Slack: signed slash-command answers", rows, lines, failures: problems ? [`the local Slack saw ${problems} Block Kit or API problems`] : [] };
  } finally {
    base.kill("SIGTERM");
    await bot.stop();
    await slack.close();
  }
}

if (process.argv.includes("--ack-only")) {
  await serveAckOnly();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runSlackBench());
}
