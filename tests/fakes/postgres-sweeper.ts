/**
 * One bot process of the several-processes test (tests/integration/postgres-processes.test.ts):
 * it opens the app on TUTOR_DATABASE_URL as `npm start` would, with a recording adapter for course
 * COURSE, says "ready", and on a line of stdin runs its timed work's sweeps until nothing is left
 * for anyone: no due announcement, no expired exam, no delivery waiting. Then it prints what its
 * adapter was handed, one JSON line each: `{"to", "text", "data"}`, and "done".
 *
 *   TUTOR_DATABASE_URL=postgres://… tsx tests/fakes/postgres-sweeper.ts COURSE
 *
 * Nothing is graded here; the pool grades inline so no worker threads start (the machine has 2 cores).
 */
import { createInterface } from "node:readline";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { DEADLINE_GRACE_MS } from "../../src/core/practice/exam-service.ts";
import { gradeAnswerOrThrow } from "../../src/core/grading/grade-answer.ts";
import type { GradingPool } from "../../src/core/grading/grading-pool.ts";
import { openPostgresStore } from "../../src/store/postgres/postgres-store.ts";
import { RecordingAdapter } from "./recording-adapter.ts";

const course = process.argv[2] ?? "test";
const config = loadConfig(process.env);
if (!config.TUTOR_DATABASE_URL) throw new Error("postgres-sweeper.ts needs TUTOR_DATABASE_URL");

const inlinePool: GradingPool = {
  grade: async (question, answer) => ({ ok: true, grade: gradeAnswerOrThrow(question, answer) }),
  check: async () => ({ result: "invalid", reason: "not used by this process" }),
  whenIdle: async () => true,
  close: async () => {},
};

const store = await openPostgresStore(config.TUTOR_DATABASE_URL);
const app = createApp(config, { store, pool: inlinePool, log: (line) => process.stderr.write(`${line.split("\n")[0]}\n`) });
const recorder = new RecordingAdapter(course);
app.timedWork.attach(recorder);

process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();

/** True when no process has anything left to do (what another holds is not pending). */
async function allDone(now: Date): Promise<boolean> {
  const expired = await store.examSessions.expired(new Date(now.getTime() - DEADLINE_GRACE_MS));
  const announcements = (await store.ta.announcements.pending(course)).filter((a) => a.postAt <= now);
  const waiting = await store.deliveries.pending(new Date(now.getTime() - 2 * 60_000), 0, 1);
  return expired.length === 0 && announcements.length === 0 && waiting.length === 0;
}

try {
  let sweeps = 0;
  for (; sweeps < 500; sweeps += 1) {
    await app.timedWork.sweep(new Date());
    if (await allDone(new Date())) break;
  }
  if (sweeps === 500) throw new Error("work was still left after 500 sweeps");
  for (const d of recorder.delivered) {
    const text = d.reply.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
    process.stdout.write(`${JSON.stringify({ to: d.to, text, data: d.reply.data ?? null })}\n`);
  }
  process.stdout.write("done\n");
} finally {
  await app.close();
}
