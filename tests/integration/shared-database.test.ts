import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTutor, type TutorRun } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";
import { runTsx, startTsx } from "../fakes/tsx-process.ts";

// Several processes on one SQLite file, as a course runs it: a Discord bot, a Slack bot, a TA's
// `tutor` beside them. Each bot process has several students answering at once, so answers share
// group commits while other processes take the write lock in between.
const BOTS = [
  { tag: "exam", mode: "exam" },
  { tag: "practice", mode: "practice" },
  { tag: "mixed", mode: "mixed" },
] as const;
const STUDENTS = 6;
const ANSWERS = 12;

interface Tried {
  token: string;
  user: string;
  ok: boolean;
  text?: string;
}

const FAILURE = /went wrong|database is locked|SQLITE_BUSY/i;

/** A Gradescope export of `n` students, for `tutor scores import`. */
function scoresCsv(dir: string, n: number): string {
  const file = path.join(dir, "scores.csv");
  const rows = Array.from({ length: n }, (_, i) => `Student ${i},${905000000 + i},${i % 2 ? "C147" : "C247"},${40 + (i % 60)}`);
  writeFileSync(file, `Name,SID,Section,Total Score\n${rows.join("\n")}\n`);
  return file;
}

/** Tokens of the answers stored in `file`, with how many rows carry each. */
function storedTokens(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const answers = db.prepare("SELECT answer FROM attempts").pluck().all() as string[];
    const counts = new Map<string, number>();
    for (const answer of answers) {
      const token = /(\S+-s\d+-a\d+)$/.exec(answer)?.[1] ?? `(no token) ${answer}`;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return counts;
  } finally {
    db.close();
  }
}

describe("several processes on one SQLite file", () => {
  it("stores every answer three bots acknowledge exactly once while a TA imports scores and sets roles", async () => {
    const db = tempDbFile();
    const csv = scoresCsv(path.dirname(db), 300);
    // The bots open the new file at the same moment, so they also race on its migrations.
    const bots = BOTS.map((b) => runTsx("tests/fakes/shared-db-students.ts", [b.tag, b.mode, String(STUDENTS), String(ANSWERS)], { TUTOR_DB: db }));
    let botsDone = false;
    const allBots = Promise.all(bots).finally(() => (botsDone = true));
    // The TA works until the bots are done, at least one import and one role change.
    const taRuns: TutorRun[] = [];
    const ta = (async () => {
      for (let i = 0; i < 2 || !botsDone; i += 1) {
        taRuns.push(i % 2 === 0
          ? await runTutor(["scores", "import", csv, "--assessment", `paper-${i}`, "--db", db])
          : await runTutor(["roles", "set", `ta${i}`, "ta", "--db", db]));
      }
    })();
    const [runs] = await Promise.all([allBots, ta]);

    const tried: Tried[] = runs.flatMap((r) => r.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Tried));
    const failed = tried.filter((t) => !t.ok);
    for (const run of [...runs, ...taRuns]) {
      expect(run.stderr).not.toMatch(FAILURE);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(failed).toEqual([]);
    expect(tried).toHaveLength(BOTS.length * STUDENTS * ANSWERS);
    expect(taRuns.filter((r) => /Imported 300 scores/.test(r.stdout)).length).toBeGreaterThanOrEqual(1);
    expect(taRuns.filter((r) => /is now a TA/.test(r.stdout)).length).toBeGreaterThanOrEqual(1);

    // Every acknowledged answer is a row, once; nothing else was stored.
    const stored = storedTokens(db);
    expect([...stored.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...stored.keys()].sort()).toEqual(tried.map((t) => t.token).sort());
  }, 90_000);

  it("lets several processes open a new database at the same moment: each finds it migrated", async () => {
    const db = tempDbFile();
    const openers = Array.from({ length: 5 }, () => startTsx("tests/fakes/open-database-on-signal.ts", [db]));
    await Promise.all(openers.map((o) => o.waitForLine("ready")));
    for (const o of openers) o.child.stdin.end("go\n");
    const runs = await Promise.all(openers.map((o) => o.done));
    const versions = runs.map((r) => r.stdout.match(/version (\d+)/)?.[1]);
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
    expect(new Set(versions).size).toBe(1);
    expect(Number(versions[0])).toBeGreaterThan(0);
  }, 60_000);
});
