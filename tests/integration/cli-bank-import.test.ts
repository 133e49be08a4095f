import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/core/bank/load-bank.ts";
import type { Bank } from "../../src/core/bank/schema.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

/** A fresh folder for the files one test writes. */
const tempDir = () => path.dirname(tempDbFile());

/** Imports `fixture` into a temporary folder; returns the run and the written bank's path. */
async function importFixture(fixture: string, ...args: string[]) {
  const out = path.join(tempDir(), `${path.basename(fixture)}.yaml`);
  const run = await runTutorInProcess(["bank", "import", fixture, "--out", out, ...args]);
  return { run, out };
}

const kinds = (bank: Bank) => bank.questions.map((q) => `${q.id} ${q.answer.kind} ${q.points}`);

async function grade(bankFile: string, id: string, answer: string) {
  const run = await runTutorInProcess(["grade", id, "--answer", answer, "--json"], "", { TUTOR_BANKS: bankFile });
  expect(run.stderr).toBe("");
  const { score, max, needsReview } = JSON.parse(run.stdout) as { score: number; max: number; needsReview: boolean };
  return { score, max, needsReview };
}

describe("tutor bank import, Moodle XML", () => {
  let run: Awaited<ReturnType<typeof importFixture>>["run"];
  let out: string;
  beforeAll(async () => ({ run, out } = await importFixture("tests/fixtures/import/quiz.xml", "--course", "STAT 100")));

  it("imports every supported type with its kind and points, and reports the rest by name", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(kinds(loadBankFile(out))).toEqual(["1a choice 2", "1b choice 3", "1c truefalse 1", "1d short 2", "1e number 2", "1f essay 4"]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`Imported 6 of 8 questions from tests/fixtures/import/quiz.xml (Moodle XML) into ${out}.`);
    expect(lines).toContain("  choice: 2 (1a, 1b)");
    expect(lines).toContain("  essay: 1 (1f) (graded by a TA from the review queue)");
    expect(run.stdout).toContain('Not imported (2):\n  question 7 "Match the distributions" (matching): matching questions have no bank kind');
    expect(run.stdout).toContain('  question 8 "Fill in the rule" (cloze): embedded answers (cloze)');
    expect(run.stdout).toContain("  1d: an image in the question text (galton board.png): not imported");
  });

  it("writes a bank that `tutor bank validate` accepts, with TODOs where a TA must fill in", async () => {
    const validate = await runTutorInProcess(["bank", "validate", out]);
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("is valid: 6 questions");
    const yaml = readFileSync(out, "utf8");
    expect(yaml).toMatch(/course: STAT 100\n/);
    expect(yaml).toMatch(/term: Term # TODO: the term/);
    expect(yaml).toMatch(/# NOTE: an image in the question text \(galton board\.png\): not imported\./);
  });

  it("grades the imported multiple-choice, numerical, short-answer and true/false questions", async () => {
    expect(await grade(out, "1a", "b")).toEqual({ score: 2, max: 2, needsReview: false });
    expect(await grade(out, "1a", "(a)")).toEqual({ score: 0, max: 2, needsReview: false });
    expect(await grade(out, "1b", "a, b")).toEqual({ score: 3, max: 3, needsReview: false });
    expect(await grade(out, "1b", "a, b, c")).toEqual({ score: 1.5, max: 3, needsReview: false });
    expect(await grade(out, "1c", "false")).toEqual({ score: 1, max: 1, needsReview: false });
    expect(await grade(out, "1c", "true")).toEqual({ score: 0, max: 1, needsReview: false });
    expect(await grade(out, "1d", "binomial")).toMatchObject({ score: 2, max: 2 });
    expect(await grade(out, "1d", "Bernoulli")).toMatchObject({ score: 1, max: 2 });
    expect(await grade(out, "1e", "3.5")).toMatchObject({ score: 2, max: 2 });
    expect(await grade(out, "1e", "3.505")).toMatchObject({ score: 2, max: 2 });
    expect(await grade(out, "1e", "3.52")).toMatchObject({ score: 0, max: 2 });
    expect(await grade(out, "1f", "Switching wins whenever the first pick was a goat.")).toEqual({ score: 0, max: 4, needsReview: true });
  });
});

describe("an imported bank in the console chat", () => {
  it("shows a multiple-choice question's options with a button each, and grades the button's answer", async () => {
    const { run, out } = await importFixture("tests/fixtures/import/quiz.xml");
    expect(run.code).toBe(0);
    const chat = await runTutorInProcess(["chat", "--db", path.join(path.dirname(out), "tutor.db")], "/quiz 1a\n2\n", { TUTOR_BANKS: path.dirname(out) });
    expect(chat.stdout).toContain("• (a) 1/6\n• (b) 1/3\n• (c) 1/2\n• (d) 2/3\n");
    expect(chat.stdout).toContain("How to answer: /answer 1a and the letter of one option (a to d).");
    expect(chat.stdout).toContain("[1] (a)   [2] (b)   [3] (c)   [4] (d)   [5] Show solution   [6] Next question");
    expect(chat.stdout).toContain("1a: 2/2 ✓");
    expect(chat.stdout).toContain("The answer is (b) 1/3.");
  });
});

describe("tutor bank import, GIFT", () => {
  it("imports every supported type, validates, and grades what it imported", async () => {
    const { run, out } = await importFixture("tests/fixtures/import/quiz.gift", "--grader", "J. Doe", "--id", "week-4");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const bank = loadBankFile(out);
    expect(bank.exam.id).toBe("week-4");
    expect(kinds(bank)).toEqual([
      "1a choice 1", "1b choice 1", "1c truefalse 1", "1d truefalse 1", "1e short 1", "1f number 1", "1g number 1", "1h number 1",
      "1i essay 1", "1j choice 1", "1k choice 1",
    ]);
    expect(bank.questions.every((q) => q.grader === "J. Doe")).toBe(true);
    expect(run.stdout).toContain('  question 12 "Match means" (matching): ');
    expect(run.stdout).toContain('  question 13 "About this quiz" (description): ');
    expect(run.stdout).toContain('  question 14 "Two blanks" (cloze): ');
    expect((await runTutorInProcess(["bank", "validate", out])).code).toBe(0);

    expect(await grade(out, "1a", "a")).toMatchObject({ score: 1 });
    expect(await grade(out, "1b", "a, b")).toMatchObject({ score: 1 });
    expect(await grade(out, "1b", "a, b, c")).toMatchObject({ score: 0 });
    expect(await grade(out, "1c", "T")).toMatchObject({ score: 1 });
    expect(await grade(out, "1e", "deviation")).toMatchObject({ score: 1 });
    expect(await grade(out, "1e", "dev")).toMatchObject({ score: 0.5 });
    expect(await grade(out, "1g", "0.7")).toMatchObject({ score: 1 });
    expect(await grade(out, "1g", "0.8")).toMatchObject({ score: 0 });
    expect(await grade(out, "1h", "3.1")).toMatchObject({ score: 0.5 });
    expect(await grade(out, "1k", "3/4")).toMatchObject({ score: 1 });
  });
});

describe("tutor bank import, refusals", () => {
  it("writes beside the file by default and refuses to overwrite without --force", async () => {
    const dir = tempDir();
    const source = path.join(dir, "week.gift");
    copyFileSync("tests/fixtures/import/quiz.gift", source);
    expect((await runTutorInProcess(["bank", "import", source])).code).toBe(0);
    expect(existsSync(path.join(dir, "week.yaml"))).toBe(true);
    const again = await runTutorInProcess(["bank", "import", source]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${path.join(dir, "week.yaml")} already exists: pass --force to replace it`);
    expect((await runTutorInProcess(["bank", "import", source, "--force"])).code).toBe(0);
  });

  it("exits 1 without writing when nothing can be imported, saying why for each question", async () => {
    const dir = tempDir();
    const source = path.join(dir, "only-matching.txt");
    writeFileSync(source, "::Pairs::Match{=a -> 1 =b -> 2}\n\n::Intro::Read this first.\n");
    const run = await runTutorInProcess(["bank", "import", source]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('question 1 "Pairs" (matching)');
    expect(run.stdout).toContain('question 2 "Intro" (description)');
    expect(run.stderr).toContain("nothing in");
    expect(existsSync(path.join(dir, "only-matching.yaml"))).toBe(false);
  });

  it("says where a broken XML file breaks, and explains a bad option", async () => {
    const dir = tempDir();
    const source = path.join(dir, "broken.xml");
    writeFileSync(source, "<quiz>\n<question type=\"truefalse\">\n</quiz>\n");
    const run = await runTutorInProcess(["bank", "import", source]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.xml: This is not well-formed XML \(line 3, column \d+\)/);
    const bad = await runTutorInProcess(["bank", "import", source, "--format", "qti"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be moodle or gift");
  });
});
