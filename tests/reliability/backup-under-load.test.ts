// A TA backs up the database while students answer (`tutor db backup`, from its own process, as
// the README tells operators to), then restores it by starting the tutor on the copy: the copy
// passes SQLite's integrity check, holds every answer acknowledged before the backup began exactly
// once and nothing that was never tried, and the restored tutor reads a student's progress from it.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";
import { startTsx } from "../fakes/tsx-process.ts";

const STUDENTS = 6;
const ANSWERS = 40;

interface Tried {
  token: string;
  user: string;
  ok: boolean;
}

const triedLines = (stdout: string): Tried[] =>
  stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Tried);

/** How many rows of `file` carry each answer token, and the integrity check's verdict. */
function readCopy(file: string): { tokens: Map<string, number>; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const tokens = new Map<string, number>();
    for (const answer of db.prepare("SELECT answer FROM attempts").pluck().all() as string[]) {
      const token = /(\S+-s\d+-a\d+)$/.exec(answer)?.[1] ?? `(no token) ${answer}`;
      tokens.set(token, (tokens.get(token) ?? 0) + 1);
    }
    return { tokens, integrity: db.pragma("integrity_check", { simple: true }) as string };
  } finally {
    db.close();
  }
}

describe("a backup taken while students answer", () => {
  it("holds every answer acknowledged before it began, once, and restores into a working tutor", async () => {
    const live = tempDbFile();
    const bot = startTsx("tests/fakes/shared-db-students.ts", ["night", "mixed", String(STUDENTS), String(ANSWERS)], { TUTOR_DB: live, TUTOR_ANSWER_LIMIT: "0" });
    bot.child.stdin.end();
    // Back up once a quarter of the answers is in, while the rest are still arriving.
    const chunks: Buffer[] = [];
    bot.child.stdout.on("data", (d: Buffer) => chunks.push(d));
    const acknowledged = () => triedLines(Buffer.concat(chunks).toString("utf8")).filter((t) => t.ok).map((t) => t.token);
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (acknowledged().length >= (STUDENTS * ANSWERS) / 4) resolve();
        else if (bot.child.exitCode !== null) reject(new Error("the students finished before the backup could start: raise ANSWERS"));
        else return;
        clearInterval(poll);
      }, 20);
    });
    const acknowledgedBefore = new Set(acknowledged());
    const copy = `${live}.backup`;
    const backup = await runTutor(["db", "backup", copy, "--db", live]);
    const run = await bot.done;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(run.code, run.stderr).toBe(0);

    const tried = triedLines(run.stdout);
    expect(tried.filter((t) => !t.ok)).toEqual([]);
    expect(tried.length).toBe(STUDENTS * ANSWERS);
    // The backup began mid-run: some answers came after it (else this test proves nothing).
    expect(acknowledgedBefore.size).toBeLessThan(tried.length);

    const { tokens, integrity } = readCopy(copy);
    expect(integrity).toBe("ok");
    expect([...tokens.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...acknowledgedBefore].filter((t) => !tokens.has(t))).toEqual([]);
    const triedTokens = new Set(tried.map((t) => t.token));
    expect([...tokens.keys()].filter((t) => !triedTokens.has(t))).toEqual([]);

    // Restore: the tutor started on the copy shows a student the attempts the copy holds.
    const user = "night-s1";
    const mine = [...tokens.keys()].filter((t) => t.startsWith(`${user}-`)).length;
    expect(mine).toBeGreaterThan(0);
    const restored = await runTutorInProcess(["chat", "--user", user, "--json", "--db", copy], "/progress\n");
    const progress = restored.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { progress?: { attempts: number } })
      .find((r) => r.progress)?.progress;
    expect(restored.code, restored.stderr).toBe(0);
    expect(progress?.attempts).toBe(mine);
  }, 120_000);
});

