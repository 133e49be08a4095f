import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";

interface Row { id: string; problem: number; kind: string; points: number; bonus: boolean; topic: string; grader: string }

describe("tutor bank", () => {
  it("lists the midterm's 20 questions as JSON: 100 points plus 6 bonus", async () => {
    const run = await runTutorInProcess(["bank", "list", "--json", "--db", "/nonexistent/ignored.db"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows.map((r) => r.id).join(" ")).toBe("1a 1b 1c 1d-i 1d-ii 2a 2b 2c-i 2c-ii 3a 3b 3c 3d 4a-i 4a-ii 4a-iii 4b-i 4b-ii 4b-iii 5");
    expect(rows.filter((r) => !r.bonus).reduce((s, r) => s + r.points, 0)).toBe(100);
    expect(rows.filter((r) => r.bonus).reduce((s, r) => s + r.points, 0)).toBe(6);
    expect(rows[0]).toEqual({ id: "1a", key: "1a", bank: "midterm", problem: 1, kind: "short", points: 5, bonus: false, topic: "ml-basics", grader: "Ken-Fu", exam: "midterm" });
  });

  it("lists a table a TA can read", async () => {
    const run = await runTutorInProcess(["bank", "list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^id\s+problem\s+kind\s+points$/m);
    expect(run.stdout).toMatch(/^2c-i\s+2\s+expression\s+6$/m);
    expect(run.stdout).toMatch(/^5\s+5\s+proof\s+6 \(bonus\)$/m);
    expect(run.stdout).toMatch(/20 questions, 100 \+ 6 bonus points/);
  });

  it("validates the configured banks folder and summarizes it", async () => {
    const run = await runTutorInProcess(["bank", "validate"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("data/banks/midterm.yaml: ECE C147/C247 Midterm (Winter 2020) is valid: 20 questions.");
    expect(run.stdout).toContain("Problem 1 (Short Answer on ML Basics): 30 points, 5 questions");
    expect(run.stdout).toContain("Problem 4 (Fully Connected and Convolutional Neural Networks): 30 points, 6 questions");
    expect(run.stdout).toContain("Problem 5 (Binary Cross-Entropy Loss): 6 bonus points, 1 question");
    expect(run.stdout).toContain("Total: 100 + 6 bonus");
  });

  it("exits 1 with every issue of a broken bank, each at file:line:column (the real `tutor`)", async () => {
    const run = await runTutor(["bank", "validate", "tests/fixtures/banks/many-errors.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe("tests/fixtures/banks/many-errors.yaml:7:9: exam.date: use YYYY-MM-DD");
    expect(lines[2]).toBe(
      'tests/fixtures/banks/many-errors.yaml:36:18: questions.1.answer.reference: "q" is used but not declared (declared: y, x, z); declare it under symbols or derived',
    );
    expect(lines[7]).toBe("7 issues in tests/fixtures/banks/many-errors.yaml.");
  });

  it("validates the folder named by TUTOR_BANKS, reporting a YAML syntax error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tutor-banks-"));
    writeFileSync(path.join(dir, "broken.yaml"), "exam:\n  id: [quiz\n");
    const run = await runTutorInProcess(["bank", "validate"], "", { TUTOR_BANKS: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:3:1: Flow sequence .* end with a \]/);
  });

  it("explains a mistaken call with its usage", async () => {
    const run = await runTutorInProcess(["bank", "check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown action "check": use validate or list/);
    expect(run.stderr).toMatch(/tutor bank validate \[PATH\]/);
    const help = await runTutorInProcess(["bank", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tutor bank list \[PATH\] \[--json\]/);
  });
});
