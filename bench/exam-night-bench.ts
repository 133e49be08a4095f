// Exam night: 300 students sit the whole mock midterm at once (`/exam start`, an `/answer` for each
// of the 20 questions, `/exam submit confirm`), first as signed slash commands through the Slack
// HTTP endpoint, then as interactions through the local Discord's gateway, each time against the
// bot as `npm start` runs it, in its own process, on a fresh SQLite file. All students start at the
// same instant; each sends one command after another, waiting for the reply the student sees and
// then a moment to read and type (0.5 to 4.5 s, so the whole exam takes a student about a minute
// where the real one has 110). A second run on a fresh bot leaves out the pause: 300 commands
// always in flight, the bot's capacity (its commands/s) rather than what a class can do.
//
// Reference (same run): one student sitting the same exam alone on the same bot just before, for
// the reply times; the bot's resident memory once started, for its peak. After the bot has stopped,
// the SQLite file is read to check that every answer sent is stored exactly once.
// EXAM_NIGHT_STUDENTS=5, EXAM_NIGHT_PLATFORM=slack|discord and EXAM_NIGHT_PACE=paced|none are for a quick try.
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { BotProcess } from "../tests/fakes/bot-process.ts";
import { messageText } from "../tests/fakes/local-discord-driver.ts";
import { type Exchange, type FakeUser, LocalDiscord, visibleMessages } from "../tests/fakes/local-discord.ts";
import { postText, SignedHttp } from "../tests/fakes/local-slack-client.ts";
import { freePort, LocalSlack, localSlackEnv } from "../tests/fakes/local-slack.ts";
import { tempDbFile } from "../tests/fakes/temp-files.ts";
import { type BenchRow, type BenchSection, printSection, row } from "./bench-section.ts";
import { quantile } from "./timing.ts";

const SECRET = "bench-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-bench-bot-token-0123456789";
const CHANNEL = "CGENERAL01";
/** Students sitting the exam at once (EXAM_NIGHT_STUDENTS for a quick try). */
const STUDENTS = Number(process.env.EXAM_NIGHT_STUDENTS ?? 300);
/** A student's pause between a reply and the next command, ms: reading the reply, typing the answer. */
const THINK_MS: readonly [number, number] = [500, 4500];
/** A reply not on the response_url within this long counts as missing. */
const REPLY_TIMEOUT_MS = 30_000;

/**
 * One plausible answer per question of the midterm (data/banks/midterm.yaml), on one line, without
 * `&`, `<` or `>` (which Slack would send as entities). Mostly right, some partly wrong.
 */
export const EXAM_ANSWERS: ReadonlyArray<readonly [string, string]> = [
  ["1a", "kNN has to compare each test image with every training image so prediction is too slow for real time; and in pixel space Euclidean distance is not meaningful (curse of dimensionality)"],
  ["1b", "It reduces internal covariate shift: when earlier layers update, the distribution of the next layer's inputs changes, and normalizing keeps it stable."],
  ["1c", "dL/dW = (softmax(A) - Y) * X'; dL/db = (softmax(A) - Y) * u"],
  ["1d-i", "The model is overfitting; the network is too complex for the dataset and the training set is too small."],
  ["1d-ii", "Take random crops of 28x28 and apply small rotations to the digits. Don't flip them since digits aren't symmetric."],
  ["2a", "input x goes to W1 x, then relu, then W3, plus the shortcut W2 x, summed to give z, then the loss with the labels y"],
  ["2b", "z - y"],
  ["2c-i", "(step(W1*x) .* (W3' * dLdz)) * x'"],
  ["2c-ii", "W1' * (step(W1*x) .* (W3' * dLdz))"],
  ["3a", "false, because regularization improves generalization to the test set"],
  ["3b", "False, a minibatch gradient is only a noisy estimate of the full gradient."],
  ["3c", "True, because the sum of squared gradients in the denominator only grows."],
  ["3d", "true, the learning rate is too small so each update barely changes the loss"],
  ["4a-i", "W_1 is m x n, W_s is m x n, W_2 is l x m"],
  ["4a-ii", "m(2n + l + 1) + l"],
  ["4a-iii", "tanh: saturates for large |x|, differentiable everywhere, approximates identity near 0; leaky relu: doesn't saturate, not differentiable at 0, doesn't approximate identity; gelu: saturates for very negative x, differentiable everywhere, does not approximate identity"],
  ["4b-i", "16 filters; 7 x 7 x 3"],
  ["4b-ii", "depth is 16 and parameters = 4,608"],
  ["4b-iii", "Each filter only looks at a small patch of the input, and the same filter weights are reused across all positions in the image."],
  ["5", "p(y|x) = yhat^y (1 - yhat)^(1-y), checking both cases y = 1 and y = 0; by independence the likelihood is a product; take the log to get a sum; p(x) does not depend on theta; the argmax of the log likelihood is the argmin of the cross-entropy"],
];

/** The lines one student sends, in order (on Discord, the same commands with their options). */
const EXAM_LINES = ["/exam start", ...EXAM_ANSWERS.map(([id, text]) => `/answer ${id} ${text}`), "/exam submit confirm"];

interface Reply {
  line: string;
  ms: number;
  /** Until Slack got the HTTP answer (its ack), or Discord the first callback (a reply or a deferral); both give up after 3 s. */
  ackMs?: number;
  /** Why it is an error, if it is one. */
  error?: string;
}

const studentId = (s: number) => `USTUDENT${String(s).padStart(3, "0")}`;

/** What a reply to `line` must say for the command to have done its work. */
function expected(line: string): RegExp {
  if (line.startsWith("/exam start")) return /minutes/;
  if (line.startsWith("/answer")) return /received/;
  return /Total|Problem/;
}

/** Sends one student's command and times it to the first reply the student sees. */
interface Sitter {
  one(student: number, line: string): Promise<Reply>;
}

/** How students pace their commands: a pause drawn between these bounds after each reply, or none. */
type Pace = { thinkMs: readonly [number, number] } | "none";

/** One student sitting the whole exam, one command after another, pausing after each reply as `pace` says. */
async function sit(sitter: Sitter, student: number, pace: Pace): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const [i, line] of EXAM_LINES.entries()) {
    if (i > 0 && pace !== "none") {
      const [low, high] = pace.thinkMs;
      await new Promise((resolve) => setTimeout(resolve, low + Math.random() * (high - low)));
    }
    replies.push(await sitter.one(student, line));
  }
  return replies;
}

/** Why a reply's text is an error, or undefined. */
function judge(line: string, text: string | null): string | undefined {
  if (text === null) return `no reply within ${REPLY_TIMEOUT_MS / 1000} s`;
  if (/went wrong/i.test(text)) return `"went wrong": ${text.slice(0, 120)}`;
  if (!expected(line).test(text)) return `unexpected reply: ${text.slice(0, 120)}`;
  return undefined;
}

/** Slack: signed slash commands, timed to their first post on the response_url. */
class SlackSitter implements Sitter {
  private readonly waiting = new Map<string, (text: string) => void>();

  constructor(private readonly slack: LocalSlack, private readonly http: SignedHttp) {
    slack.onPost((post) => {
      if (post.responseUrl) this.waiting.get(post.responseUrl)?.(postText(post));
    });
  }

  async one(student: number, line: string): Promise<Reply> {
    const user = studentId(student);
    const trigger = this.slack.api.mintTrigger(user);
    const url = this.slack.api.mintResponseUrl({ user, channel: CHANNEL });
    const id = url.slice(url.lastIndexOf("/") + 1);
    const [command, ...rest] = line.split(" ");
    const body = new URLSearchParams({
      team_id: this.slack.team, channel_id: CHANNEL, channel_name: "general", user_id: user, user_name: `s${student}`,
      command: command!, text: rest.join(" "), response_url: url, trigger_id: trigger,
    }).toString();
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<string | null>((resolve) => {
      this.waiting.set(id, resolve);
      timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
    });
    const start = performance.now();
    try {
      const sent = await this.http.sendRaw(body, "application/x-www-form-urlencoded");
      const ackMs = performance.now() - start;
      if (sent.status !== 200) return { line, ms: ackMs, ackMs, error: `HTTP ${sent.status}` };
      const text = await answered;
      const error = judge(line, text);
      return { line, ms: performance.now() - start, ackMs, ...(error ? { error } : {}) };
    } catch (error) {
      return { line, ms: performance.now() - start, error: `request failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
    }
  }
}

/**
 * Discord: INTERACTION_CREATE through the local Discord's gateway, timed to the first message the
 * student sees (the response, or a deferred response once edited). True/false answers go as
 * `answer` and `justification`, as Discord's /answer takes them.
 */
class DiscordSitter implements Sitter {
  constructor(private readonly discord: LocalDiscord, private readonly students: FakeUser[]) {}

  async one(student: number, line: string): Promise<Reply> {
    const [command, ...rest] = line.slice(1).split(" ");
    let options: Record<string, string>;
    if (command === "exam") options = rest[1] ? { action: rest[0]!, confirm: rest[1] } : { action: rest[0]! };
    else {
      const [question, ...words] = rest;
      const text = words.join(" ");
      const tf = /^(true|false)\b,?\s*(.*)$/i.exec(text);
      options = tf ? { question: question!, answer: tf[1]!.toLowerCase(), justification: tf[2]! } : { question: question!, answer: text };
    }
    const start = performance.now();
    let exchange: Exchange;
    try {
      exchange = this.discord.send(this.students[student]!, { type: "command", name: command!, options });
    } catch (error) {
      return { line, ms: performance.now() - start, error: `not sent: ${error instanceof Error ? error.message : String(error)}` };
    }
    const seen = (x: Exchange) => {
      const messages = visibleMessages(x);
      return messages.length ? messages.map(messageText).join("\n") : undefined;
    };
    const text = await this.discord.until(() => seen(exchange), REPLY_TIMEOUT_MS, `a reply to ${exchange.id}`).catch(() => null);
    const elapsed = performance.now() - start;
    const failedCallback = exchange.callbacks.find((c) => c.status >= 300);
    const firstCallback = exchange.callbacks[0];
    const ackMs = firstCallback ? Math.max(0, firstCallback.at - exchange.sentAt) : undefined;
    const error = failedCallback ? `callback answered ${failedCallback.status}` : judge(line, text);
    return { line, ms: elapsed, ...(ackMs === undefined ? {} : { ackMs }), ...(error ? { error } : {}) };
  }
}

/** The script `npm start` runs (package.json), which names the bot's process on its command line. */
const BOT_SCRIPT = "scripts/start.mjs";

/**
 * The bot's node process: `npm start` runs `node scripts/start.mjs`, which runs the bot in that
 * same process, and the bench spawns that command directly; so it is our child whose command line
 * names the script (or, were a wrapper in between, that child's child).
 */
function botPid(): number {
  const table = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmdline = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").join(" ");
      return [{ pid: Number(d), ppid, cmdline }];
    } catch {
      return [];
    }
  });
  const children = (pid: number) => table.filter((p) => p.ppid === pid);
  const mine = children(process.pid).filter((p) => p.cmdline.includes(BOT_SCRIPT));
  // The deepest node process running the script under ours (a wrapper's child, if there is one).
  for (let level = mine; level.length; ) {
    const deeper = level.flatMap((p) => children(p.pid)).filter((p) => p.cmdline.includes(BOT_SCRIPT) && /(^|\/)node$/.test(p.cmdline.split(" ")[0] ?? ""));
    if (!deeper.length) return level[0]!.pid;
    level = deeper;
  }
  throw new Error(`could not find the bot's process (a child of this one running ${BOT_SCRIPT})`);
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A field of /proc/<pid>/status in MB (VmHWM: peak resident; VmRSS: resident now). */
function statusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

interface Rush {
  rows: BenchRow[];
  lines: string[];
  failures: string[];
}

/**
 * The rush on one platform: a bot just started on a fresh file, one student alone first (the
 * reference, and the warm-up), then all students at once; then the bot is stopped and the file read.
 */
async function rush(platform: "Slack" | "Discord", pace: Pace, bot: BotProcess, dbFile: string, sitter: Sitter, platformProblems: () => string[]): Promise<Rush> {
  const pid = botPid();
  const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  const idleMb = statusMb(pid, "VmRSS");
  // The reference: one student alone (the last id), which also warms the bot up.
  const alone = await sit(sitter, STUDENTS, "none");
  const loadBefore = loadavg();
  const began = performance.now();
  const [botCpu0, ownCpu0] = [cpuSeconds(pid), process.cpuUsage()];
  const all = (await Promise.all(Array.from({ length: STUDENTS }, (_, s) => sit(sitter, s, pace)))).flat();
  const wallS = (performance.now() - began) / 1000;
  const botCpu = cpuSeconds(pid) - botCpu0;
  const ownCpu = process.cpuUsage(ownCpu0);
  const loadCpu = (ownCpu.user + ownCpu.system) / 1e6;
  const loadAfter = loadavg();
  const peakMb = statusMb(pid, "VmHWM");
  const threads = /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  const failedLogs = bot.logs.filter((l) => l.level === "error" || /failed/.test(l.msg)).length;
  const problems = platformProblems();
  const stopAsked = performance.now();
  const exitCode = await bot.stop();
  const stopS = (performance.now() - stopAsked) / 1000;
  // On a stop that did not exit 0, what the bot said last (its warnings and errors, or its last lines).
  const lastWords = exitCode === 0 ? [] : (() => {
    const worrying = bot.logs.filter((l) => l.level !== "info" && l.level !== "debug");
    return [...(worrying.length ? worrying : bot.logs).slice(-3).map((l) => JSON.stringify(l).slice(0, 240)), ...bot.otherOutput.slice(-2).map((o) => o.slice(0, 240))];
  })();

  const sent = (STUDENTS + 1) * EXAM_ANSWERS.length;
  const db = new Database(dbFile, { readonly: true });
  const stored = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT user_id || '|' || question_id) AS distinctPairs FROM attempts WHERE mode = 'exam'").get() as { n: number; distinctPairs: number };
  const submitted = (db.prepare("SELECT COUNT(*) AS n FROM exam_sessions WHERE submitted_by = 'student'").get() as { n: number }).n;
  db.close();

  const errors = [...alone, ...all].filter((r) => r.error);
  const times = all.map((r) => r.ms);
  const aloneTimes = alone.map((r) => r.ms);
  const acks = (rs: Reply[]) => rs.flatMap((r) => (r.ackMs === undefined ? [] : [r.ackMs]));
  const at = (prefix: string) => all.filter((r) => r.line.startsWith(prefix)).map((r) => r.ms);
  const first = `/answer ${EXAM_ANSWERS[0]![0]} `;
  const laterAnswers = all.filter((r) => r.line.startsWith("/answer") && !r.line.startsWith(first)).map((r) => r.ms);
  const errorCount = errors.length + problems.length;
  const p99 = quantile(times, 0.99);
  const ackP99 = quantile(acks(all), 0.99);
  const aloneRef = "1 student alone, same bot";
  const ackName = platform === "Slack" ? "bot ack (HTTP answer), p99" : "bot's first callback (reply or deferral), p99";
  // The targets are exam night's; the run without pauses measures capacity, its figures reported only.
  const paced = pace !== "none";
  const name = paced ? `Exam night (${platform})` : `Saturation (${platform})`;
  const pauses = paced ? `${pace.thinkMs[0] / 1000}-${pace.thinkMs[1] / 1000} s pauses` : "no pause";
  const rows = [
    row(`${name}: ${STUDENTS} students x ${EXAM_LINES.length} commands, ${pauses}, reply p50`, quantile(times, 0.5), "ms", { name: `${aloneRef}, p50`, value: quantile(aloneTimes, 0.5) }),
    row(`${name}: reply p99`, p99, "ms", { name: `${aloneRef}, p99`, value: quantile(aloneTimes, 0.99) }, paced ? { text: "< 1,000 ms", met: p99 < 1000 } : undefined),
    row(`${name}: ${ackName}`, ackP99, "ms", { name: `${aloneRef}, p99`, value: quantile(acks(alone), 0.99) },
      { text: `< 3,000 ms (${platform}'s limit)`, met: ackP99 < 3000 }),
    row(`${name}: errors (went wrong, missing reply, ${platform === "Slack" ? "HTTP error" : "failed callback"})`, errorCount, "count", undefined, { text: "0", met: errorCount === 0 }),
    row(`${name}: exam answers stored (rows in SQLite)`, stored.n, "rows", { name: "answers sent", value: sent }, { text: "= sent, each once", met: stored.n === sent && stored.distinctPairs === sent }),
    row(`${name}: bot peak resident memory (VmHWM, pool included)`, peakMb, "MB", { name: "resident once started", value: idleMb }, paced ? { text: "< 300 MB", met: peakMb < 300 } : undefined),
    row(`${name}: SIGTERM after the rush to the bot's exit (code ${exitCode})`, stopS, "s", undefined, { text: "exit 0", met: exitCode === 0 }),
    row(`${name}: wall time, all students`, wallS, "s", { name: "1 student alone", value: aloneTimes.reduce((a, b) => a + b, 0) / 1000 }),
    ...(paced ? [] : [row(`${name}: commands answered per second`, all.length / wallS, "/s", { name: "1 student alone", value: alone.length / (aloneTimes.reduce((a, b) => a + b, 0) / 1000) })]),
  ];
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  const via = platform === "Slack"
    ? "signed slash commands over HTTP; reply = sent until the first post on the response_url"
    : "INTERACTION_CREATE through the local Discord's gateway; reply = sent until the first message the student sees (a response, or a deferral once edited)";
  const lines = [
    `${name}: ${STUDENTS} students at once, each sending ${EXAM_LINES.length} commands one after another (/exam start, /answer for each of the ${EXAM_ANSWERS.length} questions, /exam submit confirm), ${paced ? `pausing ${pauses.replace(" pauses", "")} (uniformly) after each reply` : "with no pause"}, ${via}; the bot as npm start runs it in its own process on a fresh SQLite file, TUTOR_ANSWER_LIMIT=0`,
    `${name}: ${all.length} replies timed; /answer p50 ${quantile(at("/answer"), 0.5).toFixed(0)} ms, p99 ${quantile(at("/answer"), 0.99).toFixed(0)} ms; /exam submit confirm p50 ${quantile(at("/exam submit"), 0.5).toFixed(0)} ms, p99 ${quantile(at("/exam submit"), 0.99).toFixed(0)} ms; ${(all.length / wallS).toFixed(0)} commands/s`,
    `${name}: p99 by position: /exam start ${quantile(at("/exam start"), 0.99).toFixed(0)} ms, first /answer (${EXAM_ANSWERS[0]![0]}) ${quantile(at(first), 0.99).toFixed(0)} ms, the other answers ${quantile(laterAnswers, 0.99).toFixed(0)} ms; max ${Math.max(...times).toFixed(0)} ms`,
    `${name}: stored ${stored.n} exam answers (${stored.distinctPairs} distinct student-question pairs) of ${sent} sent; ${submitted} sessions submitted by the student of ${STUDENTS + 1}; bot exit code after SIGTERM ${exitCode} (${stopS.toFixed(1)} s); ${failedLogs} error or failure log lines`,
    ...lastWords.map((w) => `${name}: the bot, stopping with ${exitCode}: ${w}`),
    `${name}: errors: ${errors.length} replies (missing, ${platform === "Slack" ? "HTTP error" : "failed callback"}, "went wrong" or not the expected reply), ${problems.length} problems seen by the local ${platform}`,
    ...errors.slice(0, 3).map((e) => `${name}: example error on "${e.line.slice(0, 40)}": ${e.error}`),
    ...problems.slice(0, 3).map((p) => `${name}: example problem: ${p.slice(0, 160)}`),
    `${name}: memory: VmHWM of the bot's process ${pid} (\`${command.replace(/^\S*\//, "")}\`, ${threads} threads, the grading workers among them), read before SIGTERM; resident once started ${idleMb.toFixed(0)} MB`,
    `${name}: CPU during the rush (${cpus().length} cores): the bot ${botCpu.toFixed(1)} s (${(botCpu / wallS).toFixed(2)} cores), this process (the local ${platform} and the ${STUDENTS} students) ${loadCpu.toFixed(1)} s (${(loadCpu / wallS).toFixed(2)} cores), over ${wallS.toFixed(1)} s`,
    `${name}: load average (1, 5, 15 min) ${fmt(loadBefore)} before the rush, ${fmt(loadAfter)} after`,
  ];
  const failures = [
    ...(problems.length ? [`the local ${platform} saw ${problems.length} problems`] : []),
    ...(stored.n === 0 ? [`${platform}: no exam answer stored: the figures measure something else`] : []),
  ];
  return { rows, lines, failures };
}

async function slackNight(pace: Pace): Promise<Rush> {
  const users = Array.from({ length: STUDENTS + 1 }, (_, s) => ({ id: studentId(s), name: `s${s}` }));
  const slack = await LocalSlack.start({ botToken: BOT_TOKEN, users, channels: [{ id: CHANNEL, name: "general", appIsMember: true }] });
  const port = await freePort();
  const dbFile = tempDbFile();
  const bot = await BotProcess.start({ ...localSlackEnv(slack, { mode: "http", port, signingSecret: SECRET }), TUTOR_DB: dbFile, TUTOR_ANSWER_LIMIT: "0" });
  try {
    const sitter = new SlackSitter(slack, new SignedHttp(`http://127.0.0.1:${port}/slack/events`, SECRET));
    return await rush("Slack", pace, bot, dbFile, sitter, () => [...slack.problems]);
  } finally {
    await bot.stop();
    await slack.close();
  }
}

async function discordNight(pace: Pace): Promise<Rush> {
  const discord = await LocalDiscord.start();
  const students = Array.from({ length: STUDENTS + 1 }, (_, s) => discord.addUser(`s${s}`));
  const dbFile = tempDbFile();
  const bot = await BotProcess.start(discord.env({ TUTOR_DB: dbFile, TUTOR_ANSWER_LIMIT: "0" }));
  try {
    // The bot publishes its commands once connected; interactions name published commands.
    await bot.waitForLog((l) => /^discord commands (published|up to date)$/.test(l.msg), 30_000);
    return await rush("Discord", pace, bot, dbFile, new DiscordSitter(discord, students), () => [...discord.violations]);
  } finally {
    await bot.stop();
    await discord.close();
  }
}

export async function runExamNightBench(): Promise<BenchSection> {
  const only = process.env.EXAM_NIGHT_PLATFORM;
  const parts: Rush[] = [];
  const paces: Pace[] = process.env.EXAM_NIGHT_PACE === "none" ? ["none"] : process.env.EXAM_NIGHT_PACE === "paced" ? [{ thinkMs: THINK_MS }] : [{ thinkMs: THINK_MS }, "none"];
  for (const pace of paces) {
    if (only !== "discord") parts.push(await slackNight(pace));
    if (only !== "slack") parts.push(await discordNight(pace));
  }
  return {
    title: `Exam night: ${STUDENTS} students sit the mock midterm at once (Slack HTTP, then the local Discord; paced, then without pauses)`,
    rows: parts.flatMap((p) => p.rows),
    lines: parts.flatMap((p) => p.lines),
    failures: parts.flatMap((p) => p.failures),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runExamNightBench());
}
