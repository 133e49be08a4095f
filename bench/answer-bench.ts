import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { type BenchSection, printSection, row } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

const ROUNDS = 7;
const PER_ROUND = 160;
/** Students answering at the same moment in the "class" scenario. */
const CLASS = 16;

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

/**
 * The answer path, in-process: parse the line, grade, commit, format the reply. `students` answer
 * at the same time (each one answer after another), as a class does; 1 means strictly one at a time.
 */
async function answerPath(line: string, students: number): Promise<{ rate(n: number): Promise<number>; app: BenchApp }> {
  const app = createApp(loadConfig({ TUTOR_DB: tempFile("tutor.db"), TUTOR_ANSWER_LIMIT: "0" }), { log: () => {} });
  const input = (s: number) => ({ course: "bench", user: { id: `console:s${s}`, name: `s${s}` }, roles: ["student" as const], attachments: [] });
  const question = line.split(/\s+/)[1]!;
  for (let s = 0; s < students; s++) await app.dispatcher.dispatch({ ...input(s), command: "quiz", options: { question }, now: new Date() });
  const student = async (s: number, answers: number) => {
    for (let i = 0; i < answers; i++) {
      const reply = await app.dispatcher.dispatch({ ...input(s), line, now: new Date() });
      if (!reply.data?.grade) throw new Error(`answer was not graded: ${JSON.stringify(reply.blocks)}`);
    }
  };
  return {
    app,
    async rate(n) {
      const start = performance.now();
      await Promise.all(Array.from({ length: students }, (_, s) => student(s, Math.ceil(n / students))));
      return (Math.ceil(n / students) * students) / ((performance.now() - start) / 1000);
    },
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);

export async function runAnswerBench(): Promise<BenchSection> {
  // fsync dominates a durable commit and drifts with the disk: interleave rounds of the raw writer
  // and each answer path, and compare medians.
  const raw = rawWriter();
  const TEXT = "/answer 3a false, because regularization improves generalization to the test set";
  const paths = {
    alone: await answerPath(TEXT, 1),
    class: await answerPath(TEXT, CLASS),
    matrix: await answerPath("/answer 2c-i (step(W1 x) .* (W3' dLdz)) x'", CLASS),
  };
  const rates = { raw: [] as number[], alone: [] as number[], class: [] as number[], matrix: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rates.raw.push(raw.rate(PER_ROUND));
    for (const name of ["alone", "class", "matrix"] as const) rates[name].push(await paths[name].rate(PER_ROUND));
  }
  raw.close();
  await paths.class.app.close();
  await paths.matrix.app.close();
  const rawRate = median(rates.raw);
  const share = (name: "alone" | "class" | "matrix") => {
    const rate = median(rates[name]);
    return { rate, ratio: rate / rawRate };
  };

  // /progress for a student with over 1,000 attempts, beside a plain SQL aggregate of the same rows.
  const app = paths.alone.app;
  const who = { course: "bench", user: "console:s0" };
  const stored = (await app.store.attempts.forUser(who.course, who.user)).length;
  const times = await timeRuns(200, () => app.services.progress.of(who, new Date()));
  if (!("db" in app.store)) throw new Error("the /progress reference query reads the SQLite file");
  const plain = app.store.db.prepare("SELECT question_id, COUNT(*), MAX(score), MAX(created_at) FROM attempts WHERE course_id = ? AND user_id = ? GROUP BY question_id");
  if (plain.all(who.course, who.user).length === 0) throw new Error("the /progress reference query found no attempts");
  const sqlTimes = await timeRuns(200, () => plain.all(who.course, who.user));
  await app.close();

  const reference = { name: `raw better-sqlite3, one-row transactions (WAL, synchronous=FULL)`, value: rawRate };
  const target = { text: ">= 50% of reference", met: share("class").ratio >= 0.5 };
  const rows = [
    row(`answers: 3a true/false, ${CLASS} students at once`, share("class").rate, "/s", reference, target),
    row("answers: 3a, one answer at a time", share("alone").rate, "/s", reference),
    row(`answers: 2c-i matrix via the pool, ${CLASS} students at once`, share("matrix").rate, "/s", reference),
    row(`/progress, ${stored.toLocaleString("en-US")} attempts, median`, quantile(times, 0.5), "ms",
      { name: "plain SQL GROUP BY question of the same rows, median", value: quantile(sqlTimes, 0.5) }, { text: "< 5 ms", met: quantile(times, 0.5) < 5 }),
  ];
  const lines = [
    `answer path: parse, dispatch, grade, group commit, reply, in process; rates are medians of ${ROUNDS} interleaved rounds of ${PER_ROUND} (the raw writer's too)`,
    `/progress p99 ${ms(quantile(times, 0.99))} over 200 runs`,
  ];
  return { title: "Answer path and progress", rows, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runAnswerBench());
}
