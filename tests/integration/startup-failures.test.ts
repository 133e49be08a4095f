import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BANK_BYTES } from "../../src/core/bank/load-bank.ts";
import { runNpmStart, runTutor, runTutorInProcess, type TutorRun } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";
import { aliasBomb, oversizedBank } from "../fakes/hostile-banks.ts";

// What an operator sees when the bot cannot start because of its settings: one line that names
// the variable or the file (and line), exit code 1, no stack trace.

const folder = () => mkdtempSync(path.join(tmpdir(), "tutor-startup-"));

function expectOneClearLine(run: TutorRun, pattern: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |node:internal|\^$/m);
}

describe("npm start with bad configuration", () => {
  it("names TUTOR_BANKS when the folder is missing or holds no bank", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "empty"));
    const [missing, empty] = await Promise.all([
      runNpmStart("/quiz 1a\n", { TUTOR_BANKS: path.join(dir, "missing"), TUTOR_DB: tempDbFile() }),
      runNpmStart("/quiz 1a\n", { TUTOR_BANKS: path.join(dir, "empty"), TUTOR_DB: tempDbFile() }),
    ]);
    expectOneClearLine(missing, /^TUTOR_BANKS: .*missing does not exist/);
    expectOneClearLine(empty, /^TUTOR_BANKS: .*empty holds no question bank/);
  });

  it("names TUTOR_DB when it is a folder, and the bank file and line of an alias bomb", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "db-folder"));
    mkdirSync(path.join(dir, "banks"));
    writeFileSync(path.join(dir, "banks", "bomb.yaml"), aliasBomb());
    const [dbFolder, bomb] = await Promise.all([
      runNpmStart("/quiz 1a\n", { TUTOR_DB: path.join(dir, "db-folder") }),
      runNpmStart("/quiz 1a\n", { TUTOR_BANKS: path.join(dir, "banks"), TUTOR_DB: tempDbFile() }),
    ]);
    expectOneClearLine(dbFolder, /^TUTOR_DB: .*db-folder is a folder, not a database file/);
    expectOneClearLine(bomb, /^Invalid question bank: .*bomb\.yaml:2:\d+: its aliases/);
  });
});

describe("tutor with bad configuration", () => {
  it("refuses a bank over the size limit with its file and line (the real `tutor`)", async () => {
    const file = path.join(folder(), "huge.yaml");
    writeFileSync(file, oversizedBank(MAX_BANK_BYTES));
    const run = await runTutor(["bank", "validate", file]);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(/huge\.yaml:1:1: the file is 2\.0 MB, over the 2\.0 MB a bank may be/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the database when --db is a folder or not a database", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, "notes.db"), "these are notes, not a database ".repeat(10));
    const [dbFolder, notDb] = await Promise.all([
      runTutorInProcess(["roles", "list", "--db", dir]),
      runTutorInProcess(["roles", "list", "--db", path.join(dir, "notes.db")]),
    ]);
    expectOneClearLine(dbFolder, /^tutor roles: the database \(--db, else TUTOR_DB\): .* is a folder, not a database file/);
    expectOneClearLine(notDb, /notes\.db is not a SQLite database/);
  });
});
