// SIGKILL at random moments while the console chat (`tutor chat`, the same app as the bot) answers:
// every answer whose grade was printed is stored exactly once, nothing is stored twice or from
// nowhere, and the file passes SQLite's integrity check after each crash. The moments are drawn by
// fast-check with a fixed seed, so a failure can be replayed.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tempDbFile } from "../fakes/temp-files.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const KILLS = 20;
const ANSWERS_PER_RUN = 30;
const SEED = 13;

interface Run {
  sent: string[];
  /** Tokens whose grade the chat printed: acknowledged to the student. */
  acknowledged: string[];
  /** Replies that were neither the served question nor a grade. */
  unexpected: string[];
}

/**
 * One `tutor chat --json` process (node --import tsx, no wrapper process, so SIGKILL hits the app
 * itself) given a question and a burst of answers, killed once `killAfter` grades are printed.
 */
function chatUntilKilled(db: string, run: number, killAfter: number): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "chat", "--user", "ana", "--json", "--db", db], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, TUTOR_ANSWER_LIMIT: "0" } });
  const sent = Array.from({ length: ANSWERS_PER_RUN }, (_, i) => `tok-${run}-${i}`);
  child.stdin.on("error", () => {}); // the pipe breaks when the process is killed mid-write
  child.stdin.write(["/quiz 3a", ...sent.map((t) => `/answer 3a false, because regularization improves generalization ${t}`)].join("\n") + "\n");
  const result: Run = { sent, acknowledged: [], unexpected: [] };
  let pending = "";
  const killed = () => child.exitCode !== null || child.signalCode !== null || child.killed;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      const reply = JSON.parse(line) as { text: string; grade?: unknown };
      // Each answer line gets one reply; the n-th grade is the n-th answer's.
      if (reply.grade) result.acknowledged.push(sent[result.acknowledged.length]!);
      else if (!/Question 3a/.test(reply.text)) result.unexpected.push(reply.text);
      if (!killed() && (reply.grade ? result.acknowledged.length >= killAfter : killAfter === 0)) child.kill("SIGKILL");
    }
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`run ${run} ended by itself (code ${code}) before its kill: ${stderr}`));
      else resolve(result);
    });
  });
}

/** Tokens of the stored answers, with how many rows carry each; the file is opened read-write so a crash's WAL is recovered. */
function storedTokens(db: string): { tokens: Map<string, number>; integrity: unknown } {
  const file = new Database(db);
  try {
    const tokens = new Map<string, number>();
    for (const answer of file.prepare("SELECT answer FROM attempts").pluck().all() as string[]) {
      const token = /(tok-\d+-\d+)$/.exec(answer)?.[1] ?? `(no token) ${answer}`;
      tokens.set(token, (tokens.get(token) ?? 0) + 1);
    }
    return { tokens, integrity: file.pragma("integrity_check", { simple: true }) };
  } finally {
    file.close();
  }
}

describe("SIGKILL while the chat answers", () => {
  it(`loses no acknowledged answer and stores none twice over ${KILLS} kills`, async () => {
    const db = tempDbFile();
    const moments = fc.sample(fc.integer({ min: 0, max: ANSWERS_PER_RUN - 1 }), { numRuns: KILLS, seed: SEED });
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    for (const [run, killAfter] of moments.entries()) {
      const result = await chatUntilKilled(db, run, killAfter);
      expect(result.unexpected, `run ${run}`).toEqual([]);
      for (const t of result.sent) sent.add(t);
      for (const t of result.acknowledged) acknowledged.add(t);
      const { tokens, integrity } = storedTokens(db);
      expect(integrity, `run ${run}`).toBe("ok");
      expect([...tokens.entries()].filter(([, n]) => n !== 1), `run ${run}`).toEqual([]);
      expect([...acknowledged].filter((t) => !tokens.has(t)), `run ${run}: acknowledged but lost`).toEqual([]);
      expect([...tokens.keys()].filter((t) => !sent.has(t)), `run ${run}: stored from nowhere`).toEqual([]);
    }
    const stored = storedTokens(db).tokens.size;
    console.info(`sigkill: ${KILLS} kills survived, ${sent.size} answers sent, ${acknowledged.size} acknowledged, ${stored} stored (${stored - acknowledged.size} stored but cut off before their reply)`);
  }, 300_000);
});
