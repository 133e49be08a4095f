import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTutorInProcess } from "../fakes/run-tutor.ts";

const BANK = "tests/fixtures/banks/valid-small.yaml";
const LABELLED = "tests/fixtures/try-labelled.jsonl";

/*
 * try-labelled.jsonl, graded with valid-small.yaml (both questions worth 5 points):
 *   line  question  TA  grader
 *   1     1b        5   5      z - y
 *   2     1b        4   5      2*x - y (z is defined as 2x)
 *   3     1b        1   0      y - z
 *   4     1b        0   0      z + y
 *   5     1a        5   5      overfitting
 *   6     1a        4   5      overfitting ("label" names the TA's score)
 * Within 0.5 points (10% of 5): lines 1, 4, 5 → agreement 3/6. TA mean 19/6, grader mean 20/6,
 * mean difference 1/6; differences 0, 1, -1, 0, 0, 1 → RMSE √(3/6). r = Sxy / √(Sxx·Syy) with
 * Sxy = 26.6667, Sxx = 22.8333, Syy = 33.3333 → 0.9666. Per question, 1a's grader gave 5 and 5: no r.
 */
describe("tutor bank try", () => {
  it("reports agreement, correlation, means, RMSE and review, overall and per question, as JSON", async () => {
    const run = await runTutorInProcess(["bank", "try", LABELLED, "--bank", BANK, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ n: 6, agreement: 0.5, meanLabel: 3.1667, meanGrader: 3.3333, meanDifference: 0.1667, rmse: 0.7071, review: 0, byTa: 0, errors: [] });
    // Nothing went to review: the answers graded alone are all of them.
    expect(report.gradedAlone).toMatchObject({ n: 6, agreement: 0.5, meanDifference: 0.1667 });
    expect(report.correlation).toBeCloseTo(0.9666, 4);
    expect(report.perQuestion).toEqual([
      { question: "1b", points: 5, n: 4, agreement: 0.5, correlation: 0.9701, meanLabel: 2.5, meanGrader: 2.5, meanDifference: 0, rmse: 0.7071, review: 0, byTa: false },
      { question: "1a", points: 5, n: 2, agreement: 0.5, correlation: null, meanLabel: 4.5, meanGrader: 5, meanDifference: 0.5, rmse: 0.7071, review: 0, byTa: false },
    ]);
    expect(report.disagreements.map((d: { line: number }) => d.line)).toEqual([2, 3, 6]);
    expect(report.disagreements[1]).toMatchObject({ question: "1b", answer: "y - z", label: 1, score: 0, difference: -1, needsReview: false });
    expect(report.disagreements[1].detail).toMatch(/^✗ The expression 0\/5 \| Your expression is not equivalent/);
  });

  it("takes the tolerance in points, the number of disagreements to list, and the bank from TUTOR_BANKS", async () => {
    const run = await runTutorInProcess(["bank", "try", LABELLED, "--tolerance", "1", "--worst", "1", "--json"], "", { TUTOR_BANKS: BANK });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.agreement).toBe(1);
    expect(report.disagreements).toEqual([]);
    const strict = JSON.parse((await runTutorInProcess(["bank", "try", LABELLED, "--bank", BANK, "--tolerance", "0", "--worst", "1", "--json"])).stdout);
    expect(strict.agreement).toBe(0.5);
    expect(strict.disagreements.map((d: { line: number }) => d.line)).toEqual([2]);
  });

  it("prints a report a TA can read, with n/a where a correlation is undefined", async () => {
    const run = await runTutorInProcess(["bank", "try", LABELLED, "--bank", BANK]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`${LABELLED} graded with ${BANK}: 6 answers, tolerance 10% of each question's points`);
    expect(lines).toContain("  agreement       50.0% (3 of 6 within the tolerance)");
    expect(lines).toContain("  correlation     0.97");
    expect(lines).toContain("  mean score      TA 3.17, grader 3.33 (difference +0.17)");
    expect(run.stdout).toMatch(/^ {2}1a\s+5\s+2\s+50\.0%\s+n\/a\s+4\.50\s+5\.00\s+\+0\.50\s+0\.71\s+0$/m);
    expect(run.stdout).toContain('  line 3, 1b: TA 1, grader 0 (-1.00): "y - z"');
  });

  it("reports bad lines with their number and grades the rest", async () => {
    const run = await runTutorInProcess(["bank", "try", "tests/fixtures/try-bad-lines.jsonl", "--bank", BANK, "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "tutor bank try: line 1: not valid JSON",
      'tutor bank try: line 2: no question "9z"; questions: 1a, 1b',
      'tutor bank try: line 3: no "score" (the TA\'s score; "label" works too)',
      "tutor bank try: line 4: score 7 is outside 0..5, the points of 1b",
      "tutor bank try: line 7: expected a JSON object",
    ]);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ n: 1, agreement: 1, correlation: null });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([1, 2, 3, 4, 7]);
  });

  it("asks for the bank when a question id is in several banks of the folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tutor-try-"));
    copyFileSync(BANK, path.join(dir, "quiz.yaml"));
    writeFileSync(path.join(dir, "retake.yaml"), readFileSync(BANK, "utf8").replace("id: quiz", "id: retake"));
    const lines = [
      { question: "1b", answer: "z - y", score: 5 },
      { question: "1b", answer: "z - y", score: 5, bank: "retake" },
      { question: "quiz/1b", answer: "y - z", score: 0 },
    ].map((l) => JSON.stringify(l)).join("\n");
    writeFileSync(path.join(dir, "labelled.jsonl"), lines);
    const run = await runTutorInProcess(["bank", "try", path.join(dir, "labelled.jsonl"), "--bank", dir, "--json"]);
    expect(run.stderr).toBe('tutor bank try: line 1: question "1b" is in several banks (quiz, retake): add "bank": the exam id of the one it answers\n');
    const report = JSON.parse(run.stdout);
    expect(report.n).toBe(2);
    expect(report.perQuestion.map((q: { question: string }) => q.question)).toEqual(["retake/1b", "quiz/1b"]);
  });

  it("explains a mistaken call and a missing file", async () => {
    const usage = await runTutorInProcess(["bank", "try", LABELLED, "--tolerance", "half"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--tolerance must be a number of points/);
    const none = await runTutorInProcess(["bank", "try"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give the file of labelled answers/);
    const missing = await runTutorInProcess(["bank", "try", "tests/fixtures/no-such-file.jsonl", "--bank", BANK]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("tutor bank try: tests/fixtures/no-such-file.jsonl does not exist.\n");
  });
});
