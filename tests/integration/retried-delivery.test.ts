// A platform retries a delivery it thinks was lost (Slack after 3 s), and the retry reaches another
// bot process on the same database: the answer is worked and stored once, and both get its reply.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { fileGradingPool } from "../fakes/file-grading-pool.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const file = tempDbFile();
const open = () => createApp(loadConfig({ TUTOR_DB: file, TUTOR_ANSWER_LIMIT: "0" }), { log: () => {}, pool: fileGradingPool() });
const one = open();
const two = open();
afterAll(async () => {
  await one.close();
  await two.close();
});

const textOf = (reply: { blocks: readonly unknown[] }) => reply.blocks.map((b) => ((b as { text?: string }).text ?? "")).join("\n");

describe("a retried delivery that reaches two bot processes", () => {
  it("is worked once: one stored answer, the same reply from both", async () => {
    const person = { course: "T1", user: { id: "slack:T1:U1", name: "ana" }, roles: ["student" as const], attachments: [] };
    await one.dispatcher.dispatch({ ...person, now: new Date(), line: "/quiz 3a", interactionId: "serve-1" });
    const delivery = { ...person, now: new Date(), line: "/answer 3a false, because it improves generalization", interactionId: "answer-1" };
    const replies = await Promise.all([one.dispatcher.dispatch(delivery), two.dispatcher.dispatch({ ...delivery, now: new Date() })]);
    expect(textOf(replies[0])).toMatch(/3a: 5\/5/);
    expect(textOf(replies[1])).toBe(textOf(replies[0]));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM attempts WHERE question_id = '3a'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
