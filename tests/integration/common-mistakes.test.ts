import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../src/config.ts";
import { useConsoleDrivers } from "../fakes/console-driver.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";
import type { QuestionMistakes } from "../../src/core/stats/mistake-report.ts";

const driver = useConsoleDrivers(afterEach);

/** A realistic mix of answers to 2c-i from 200 students: how many wrote each. */
const MIX: [answer: string, students: number][] = [
  ["(step(W1*x) .* (W3' * dLdz)) * x'", 90], // right
  ["(step(W1*x) .* (W3 * dLdz)) * x'", 45], // dropped transpose
  ["(W3' * dLdz) * x'", 30], // missing indicator
  ["(relu(W1*x) .* (W3' * dLdz)) * x'", 15], // relu instead of indicator
  ["W1 * x", 12], // unrecognised: grouped by what was written
  ["W1*x", 8],
];

describe("common mistakes for TAs", () => {
  it("lists the most frequent wrong answers to 2c-i by what the grader recognised, practice and mock exam apart", async () => {
    const d = driver();
    let n = 0;
    for (const [answer, students] of MIX) {
      for (let i = 0; i < students; i++) {
        const user = `s${n++}`;
        await d.say(user, "/quiz 2c-i");
        expect(await d.say(user, `/answer 2c-i ${answer}`)).toMatch(/2c-i: \d/);
      }
    }
    // Three students sit the mock exam and drop the transpose there too.
    for (const user of ["e1", "e2", "e3"]) {
      await d.say(user, "/exam start");
      await d.say(user, "/answer 2c-i (step(W1*x) .* (W3 * dLdz)) * x'");
    }

    const shown = await d.say("tara", "/stats question: 2c-i", "ta");
    expect(shown).toMatch(/Common wrong answers to 2c-i/);
    expect(shown).toMatch(/Practice: 200 answers, 110 not full marks/);
    expect(shown).toMatch(/45 \(41%\) · known mistake: dropped transpose/);
    expect(shown).toMatch(/30 \(27%\) · known mistake: missing indicator/);
    expect(shown).toMatch(/15 \(14%\) · known mistake: relu instead of indicator/);
    // Spacing does not split a group.
    expect(shown).toMatch(/20 \(18%\) · answer W1 \* x/);
    expect(shown).toMatch(/Mock exam: 3 answers, 3 not full marks/);

    const [json] = await d.json("tara", "/stats 2c-i", "ta");
    const report = json!.mistakes as QuestionMistakes;
    expect(report.practice.groups.slice(0, 2).map((g) => [g.label, g.count])).toEqual([["dropped transpose", 45], ["missing indicator", 30]]);
    expect(report.exam.groups).toEqual([expect.objectContaining({ kind: "mistake", label: "dropped transpose", count: 3, share: 1 })]);

    // The same report from the command line, for a TA's script.
    await d.close();
    const cli = await runTutorInProcess(["stats", "--question", "2c-i", "--json", "--db", d.dbFile]);
    expect(JSON.parse(cli.stdout)).toEqual(report);
    expect((await runTutorInProcess(["stats", "--question", "2c-i", "--limit", "2", "--db", d.dbFile])).stdout).toMatch(/45 \(41%\) · known mistake: dropped transpose[\s\S]*30 \(27%\)/);
    expect((await runTutorInProcess(["stats", "--question", "9z", "--db", d.dbFile])).stderr).toMatch(/no question "9z"/);
  }, 120_000);

  it("groups short answers by the rubric items they missed, and says what it cannot find", async () => {
    const d = driver();
    for (const user of ["a", "b"]) {
      await d.say(user, "/quiz 1d-i");
      await d.say(user, "/answer 1d-i underfitting, because the model is too simple");
    }
    const shown = await d.say("tara", "/stats question: 1d-i", "ta");
    expect(shown).toMatch(/2 \(100%\) · missed: .*Calls the problem underfitting/);
    expect(await d.say("tara", "/stats question: 9z", "ta")).toMatch(/9z/);
    expect(await d.say("ana", "/stats question: 2c-i")).toMatch(/TA/);
  });
});

describe("naming a frequent wrong answer in the bank", () => {
  it("adds it to the question's bank file, comments kept, once the grader recognises it; refuses what it would not", async () => {
    const banks = mkdtempSync(path.join(tmpdir(), "tutor-banks-"));
    cpSync(DEFAULT_BANKS, banks, { recursive: true });
    const file = path.join(banks, "midterm.yaml");
    const before = readFileSync(file, "utf8");
    const add = (...args: string[]) => runTutorInProcess(["mistakes", "add", ...args, "--banks", banks]);

    const added = await add("2c-i", "--answer", "W1 * x", "--name", "forward pass", "--feedback", "That is the forward pass, not a gradient.", "--hint", "1");
    expect(added.stdout).toMatch(/Added "forward pass" to 2c-i/);
    const after = readFileSync(file, "utf8");
    expect(after.split("\n").filter((l) => /^\s*#/.test(l))).toEqual(before.split("\n").filter((l) => /^\s*#/.test(l)));
    expect((await runTutorInProcess(["bank", "validate", banks, "--samples", "5"])).code).toBe(0);
    const graded = await runTutorInProcess(["grade", "2c-i", "--answer", "W1*x", "--json"], "", { TUTOR_BANKS: banks });
    expect(graded.stdout).toMatch(/forward pass|That is the forward pass/);

    expect((await add("2c-i", "--answer", "(step(W1*x) .* (W3' * dLdz)) * x'", "--name", "not a mistake", "--feedback", "x")).stderr).toMatch(/reads .* as a right answer, so the new mistake would never be recognised; nothing was changed/);
    expect((await add("3a", "--answer", "true", "--name", "x", "--feedback", "x")).stderr).toMatch(/graded by its rubric/);
    expect((await add("9z", "--answer", "1", "--name", "x", "--feedback", "x")).stderr).toMatch(/no bank .* has a question "9z"/);
    expect(readFileSync(file, "utf8")).toBe(after);
  });
});
