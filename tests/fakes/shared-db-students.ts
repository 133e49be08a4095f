/**
 * One bot process of the shared-database test (tests/integration/shared-database.test.ts): it
 * opens the app on TUTOR_DB as `npm start` would and has several students answer at once through
 * the dispatcher, as a chat platform delivers them (each answer with its own delivery id, so the
 * remembered reply shares the group commit too). Prints one JSON line per answer tried:
 * `{"token", "user", "ok", "text"}`, `ok` when the reply acknowledged the answer.
 *
 *   tsx tests/fakes/shared-db-students.ts TAG MODE STUDENTS ANSWERS   (MODE: exam | practice | mixed)
 *
 * True/false answers are graded on the bot's thread (no worker needed), so the pool here is a
 * stand-in that grades inline: the store, not grading, is under test, and the machine has 2 cores.
 */
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { gradeAnswerOrThrow } from "../../src/core/grading/grade-answer.ts";
import type { GradingPool } from "../../src/core/grading/grading-pool.ts";

const [tag = "p", mode = "mixed", students = "4", answers = "10"] = process.argv.slice(2);

const inlinePool: GradingPool = {
  grade: async (question, answer) => ({ ok: true, grade: gradeAnswerOrThrow(question, answer) }),
  check: async () => ({ result: "invalid", reason: "not used by this process" }),
  whenIdle: async () => true,
  close: async () => {},
};

const app = createApp(loadConfig(process.env), { pool: inlinePool, log: (line) => process.stderr.write(`${line.split("\n")[0]}\n`) });
let delivery = 0;

/** Sends one typed line as `user`; answers the reply's text and whether it is an error reply. */
async function say(user: string, line: string): Promise<{ text: string; failed: boolean }> {
  const reply = await app.dispatcher.dispatch({
    course: "console", user: { id: `console:${user}`, name: user }, roles: ["student"], attachments: [],
    now: new Date(), line, interactionId: `${tag}-${(delivery += 1)}`,
  });
  const text = reply.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  return { text, failed: Boolean((reply.data as { error?: unknown } | undefined)?.error) };
}

/** One student: enrolls, starts the exam when asked to, answers `answers` times with a token each. */
async function student(index: number, exam: boolean): Promise<void> {
  const user = `${tag}-s${index}`;
  for (const line of ["/enroll C247", ...(exam ? ["/exam start"] : [])]) {
    const { text, failed } = await say(user, line);
    if (failed) process.stdout.write(`${JSON.stringify({ token: `${user}-${line}`, user, ok: false, text })}\n`);
  }
  for (let n = 0; n < Number(answers); n += 1) {
    const token = `${user}-a${n}`;
    const question = ["3a", "3b", "3c", "3d"][n % 4];
    // Practice serves a question before it takes an answer (a write of its own); the exam serves them all.
    if (!exam) await say(user, `/quiz ${question}`);
    const { text, failed } = await say(user, `/answer ${question} false, because regularization improves generalization ${token}`);
    process.stdout.write(`${JSON.stringify({ token, user, ok: !failed, ...(failed ? { text } : {}) })}\n`);
  }
  if (exam) await say(user, "/exam submit");
}

try {
  await Promise.all(Array.from({ length: Number(students) }, (_, i) => student(i, mode === "exam" || (mode === "mixed" && i % 2 === 0))));
} finally {
  await app.close();
}
