import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runNpmStart, runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SESSION = [
  "/enroll C247",
  "/quiz 3a",
  "/answer 3a false, because regularization improves generalization to the test set",
  "/progress",
].join("\n");

describe("tutor chat", () => {
  it("reads commands from stdin, grades 5/5, and remembers progress in the --db file (the real `tutor`)", async () => {
    const db = tempDbFile();
    const first = await runTutor(["chat", "--user", "ana", "--db", db], `${SESSION}\n`);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Question 3a · 5 points/);
    expect(first.stdout).toMatch(/3a: 5\/5/);
    expect(first.stdout).toMatch(/✓ /);
    expect(first.stdout).toMatch(/1 practice answer\b/);
    expect(first.stdout).toMatch(/3a\s+5\/5 1 try/);

    const again = await runTutorInProcess(["chat", "--user", "ana", "--db", db], "/progress\n");
    expect(again.stdout).toMatch(/3a\s+5\/5 1 try/);
  });

  it("prints one JSON object per reply with --json, the grade carrying score and max", async () => {
    const db = tempDbFile();
    const run = await runTutorInProcess(["chat", "--user", "ana", "--json", "--db", db], `${SESSION}\n`);
    const replies = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(replies).toHaveLength(4);
    for (const r of replies) expect(r).toHaveProperty("ephemeral", true);
    expect(replies[2]!.grade).toMatchObject({ question: "3a", score: 5, max: 5 });
  });

  it("saves each file of a session under its own name, and removes them when the session ends", async () => {
    const run = await runTutorInProcess(["chat", "--user", "tara", "--role", "ta", "--json", "--db", tempDbFile()], "/export\n/export\n");
    const paths = run.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { files?: { path: string }[] }).files?.[0]?.path);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toMatch(/midterm-mock\.csv$/);
    expect(new Set(paths).size).toBe(2);
    for (const p of paths) expect(existsSync(p!)).toBe(false);
  });

  it("explains bad flags instead of crashing", async () => {
    const run = await runTutorInProcess(["chat", "--role", "admin"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--role must be student or ta/);
  });
});

describe("npm start", () => {
  it("starts the console chat, reads a command from stdin and prints the midterm's question", async () => {
    const run = await runNpmStart("/quiz 1a\n", { TUTOR_DB: tempDbFile() });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Question 1a · 5 points/);
    expect(run.stdout).toContain("Your colleague is tasked with designing the image recognition component");
  });
});
