import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { parseOptions, splitCommand } from "../src/core/chat/parse-command-line.ts";
import type { BenchSection } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

const ROUNDS = 7;
const PER_ROUND = 150;

function tempFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "tutor-bench-")), name);
}

/** Raw better-sqlite3: one-row transactions with the same durability settings as the store. */
function rawWriter(): { rate(n: number): number; close(): void } {
  const db = new Database(tempFile("raw.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, user TEXT, answer TEXT, score REAL, items TEXT, created_at INTEGER)");
  const insert = db.prepare("INSERT INTO t (user, answer, score, items, created_at) VALUES (?, ?, ?, ?, ?)");
  const tx = db.transaction((i: number) => insert.run("console:ana", `answer ${i}`, 5, "[]", Date.now()));
  return {
    rate(n) {
      const start = performance.now();
      for (let i = 0; i < n; i++) tx(i);
      return n / ((performance.now() - start) / 1000);
    },
    close: () => db.close(),
  };
}

type BenchApp = ReturnType<typeof createApp>;

/** The answer path a student takes, in-process: parse the line, grade, commit, format the reply. */
async function answerPath(line: string): Promise<{ rate(n: number): Promise<number>; app: BenchApp }> {
  const app = createApp(loadConfig({ TUTOR_DB: tempFile("tutor.db") }), { log: () => {} });
  const split = splitCommand(line)!;
  const defs = app.dispatcher.command(split.command)!.options;
  const base = { course: "bench", user: { id: "console:ana", name: "ana" }, roles: ["student" as const], attachments: [] };
  await app.dispatcher.dispatch({ ...base, command: "quiz", options: { question: parseOptions(split.rest, defs).question! }, now: new Date() });
  return {
    app,
    async rate(n) {
      const start = performance.now();
      for (let i = 0; i < n; i++) {
        const reply = await app.dispatcher.dispatch({ ...base, command: split.command, options: parseOptions(split.rest, defs), now: new Date() });
        if (!reply.data?.grade) throw new Error(`answer was not graded: ${reply.text}`);
      }
      return n / ((performance.now() - start) / 1000);
    },
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);

export async function runAnswerBench(): Promise<BenchSection> {
  // fsync dominates a durable commit and drifts with the disk: interleave rounds of the raw writer
  // and each answer path, and compare medians.
  const raw = rawWriter();
  const text = await answerPath("/answer 3a false, because regularization improves generalization to the test set");
  const expr = await answerPath("/answer 2c-i (step(W1 x) .* (W3' dLdz)) x'");
  const rates = { raw: [] as number[], text: [] as number[], expr: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rates.raw.push(raw.rate(PER_ROUND));
    rates.text.push(await text.rate(PER_ROUND));
    rates.expr.push(await expr.rate(PER_ROUND));
  }
  raw.close();
  await expr.app.close();
  const [rawRate, textRate, exprRate] = [median(rates.raw), median(rates.text), median(rates.expr)];

  // /progress for a student with 1,000 attempts.
  const app = text.app;
  const who = { course: "bench", user: "console:ana" };
  const stored = app.store.attempts.forUser(who.course, who.user).length;
  const times = await timeRuns(200, () => app.services.progress.of(who, new Date()));
  await app.close();

  const textRatio = textRate / rawRate;
  const lines = [
    `raw better-sqlite3, one-row transactions (WAL, synchronous=FULL), median of ${ROUNDS} rounds: ${rawRate.toFixed(0)}/s`,
    `answer path, true/false 3a (parse, grade, commit, reply): ${textRate.toFixed(0)}/s = ${(textRatio * 100).toFixed(0)}% of raw (target >= 50%)`,
    `answer path, matrix expression 2c-i through the worker pool: ${exprRate.toFixed(0)}/s = ${((exprRate / rawRate) * 100).toFixed(0)}% of raw`,
    `/progress with ${stored} attempts: median ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))} (target median < 5 ms)`,
  ];
  return { title: "Answer path and progress", lines, ok: textRatio >= 0.5 && quantile(times, 0.5) < 5 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const section = await runAnswerBench();
  console.log(`## ${section.title}\n${section.lines.map((l) => `- ${l}`).join("\n")}`);
}
