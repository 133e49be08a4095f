/**
 * One bot process of the PostgreSQL benchmark (bench/postgres-bench.ts): it opens the app on a
 * store, has STUDENTS students each start the true/false question 3a and answer it a few times
 * (warm-up), prints "ready", and on a line of stdin has them all answer at once, each one answer
 * after another, through the dispatcher's `/answer` path for SECONDS seconds. Then it prints one
 * JSON line: `{"answers", "start", "end", "latencies"}` (start and end in epoch milliseconds, so
 * that the runs of several processes can be put on one clock; latencies in ms, one per answer).
 *
 *   tsx bench/answer-worker.ts STORE PREFIX STUDENTS SECONDS
 *
 * STORE is a postgres:// URL (its `options` may set the search_path) or `sqlite:PATH`; PREFIX keeps
 * the students of two processes on one database apart.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openPostgresStore } from "../src/store/postgres/postgres-store.ts";

const [storeSpec, prefix, studentsArg, secondsArg] = process.argv.slice(2);
const students = Number(studentsArg);
const seconds = Number(secondsArg);
if (!storeSpec || !prefix || !(students > 0) || !(seconds > 0)) {
  throw new Error("usage: tsx bench/answer-worker.ts STORE PREFIX STUDENTS SECONDS (STORE: postgres://… or sqlite:PATH)");
}

const LINE = "/answer 3a false, because regularization improves generalization to the test set";
const WARM_UP = 3;
const sqlitePath = storeSpec.startsWith("sqlite:") ? storeSpec.slice("sqlite:".length) : null;
const config = loadConfig({
  TUTOR_DB: sqlitePath ?? path.join(mkdtempSync(path.join(tmpdir(), "tutor-pg-bench-")), "unused.db"),
  TUTOR_ANSWER_LIMIT: "0",
});
const store = sqlitePath ? undefined : await openPostgresStore(storeSpec);
const app = createApp(config, { store, log: (line) => process.stderr.write(`${line.split("\n")[0]}\n`) });

const input = (s: number) => ({
  course: "bench",
  user: { id: `console:${prefix}s${s}`, name: `${prefix}s${s}` },
  roles: ["student" as const],
  attachments: [],
});

/** One answer through the dispatcher; a reply that is not a grade means the figures measure something else. */
async function answer(s: number): Promise<void> {
  const reply = await app.dispatcher.dispatch({ ...input(s), line: LINE, now: new Date() });
  if (!reply.data?.grade) throw new Error(`answer was not graded: ${JSON.stringify(reply.blocks)}`);
}

const everyone = Array.from({ length: students }, (_, s) => s);
for (const s of everyone) await app.dispatcher.dispatch({ ...input(s), command: "quiz", options: { question: "3a" }, now: new Date() });
await Promise.all(everyone.map(async (s) => {
  for (let i = 0; i < WARM_UP; i++) await answer(s);
}));

process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();

const latencies: number[] = [];
const start = performance.now();
const deadline = start + seconds * 1000;
await Promise.all(everyone.map(async (s) => {
  while (performance.now() < deadline) {
    const began = performance.now();
    await answer(s);
    latencies.push(performance.now() - began);
  }
}));
const end = performance.now();
const epoch = (t: number) => performance.timeOrigin + t;
process.stdout.write(`${JSON.stringify({ answers: latencies.length, start: epoch(start), end: epoch(end), latencies })}\n`);
await app.close();
