import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/core/bank/load-bank.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";

// The second course (issue 15): a data-structures final written by the course staff, and answers
// as students type them in chat, each scored by a careful TA before the rubrics were written. The
// answers are graded through the TA's own entry, `tutor bank try`, as a TA checks a rubric's
// calibration before students see it.
const BANK_DIR = "data/courses/data-structures";
const ANSWERS = "tests/grading/data-structures/answers.jsonl";
const bank = loadBankFile(path.join(BANK_DIR, "final.yaml"));
const labelled = readFileSync(ANSWERS, "utf8").split("\n").filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { question: string; score: number });

/** The figures `tutor bank try --json` prints (overall, and the same per question). */
interface Figures {
  n: number;
  agreement: number | null;
  correlation: number | null;
  meanLabel: number | null;
  meanGrader: number | null;
  meanDifference: number | null;
  rmse: number | null;
  review: number;
}
interface TryReport extends Figures {
  byTa: number;
  gradedAlone: Figures;
  perQuestion: Array<Figures & { question: string; points: number }>;
  disagreements: Array<{ line: number; question: string; answer: string; label: number; score: number; needsReview: boolean }>;
  errors: Array<{ line: number; message: string }>;
}

const fixed = (x: number | null, digits = 2) => (x === null ? "-" : x.toFixed(digits));

describe("the data-structures course: labelled answers graded with its bank", () => {
  let report: TryReport;
  beforeAll(async () => {
    // The file's grading pool starts cold: a worker's first answers of each kind load what they
    // need (the formula engine, the English model), which on a busy machine can pass the 2 s a
    // grade may take. Warm it with one answer of each kind, as the bot is warm when students answer.
    const warm = bank.questions.map((q) => JSON.stringify({ question: q.id, answer: "1" })).join("\n");
    await runTutorInProcess(["grade", "--batch"], warm, { TUTOR_BANKS: BANK_DIR });
    const run = await runTutorInProcess(["bank", "try", ANSWERS, "--bank", BANK_DIR, "--json", "--worst", "25"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout) as TryReport;
  }, 120_000);

  it("has at least 8 labelled answers for every question of the bank, 180 or more in all", () => {
    const count = new Map<string, number>();
    for (const l of labelled) count.set(l.question, (count.get(l.question) ?? 0) + 1);
    for (const q of bank.questions) expect(count.get(q.id) ?? 0, q.id).toBeGreaterThanOrEqual(8);
    expect(labelled.length).toBeGreaterThanOrEqual(180);
  });

  it("reads every labelled line: none skipped, each graded against its question", () => {
    expect(report.errors).toEqual([]);
    // The drawing (4e) is graded by a TA by design: counted apart, not as the machine's zeros.
    const drawn = bank.questions.filter((q) => ["drawing", "proof", "essay"].includes(q.answer.kind)).map((q) => q.id);
    expect(report.byTa).toBe(labelled.filter((l) => drawn.includes(l.question)).length);
    expect(report.n + report.byTa).toBe(labelled.length);
    expect(report.perQuestion.map((q) => q.question).sort()).toEqual(bank.questions.map((q) => q.id).sort());
  });

  it("grades like the TA: mean within 0.3 points of the TA's, correlation at least 0.8", () => {
    console.log([
      `Data-structures final, ${report.n} labelled answers graded by the machine (${report.review} sent to review, counted at their provisional score; ${report.byTa} more to the drawing, graded by a TA):`,
      `  TA mean ${fixed(report.meanLabel)}, grader mean ${fixed(report.meanGrader)}, difference ${fixed(report.meanDifference)}; ` +
        `r ${fixed(report.correlation, 3)}; RMSE ${fixed(report.rmse)}; agreement ${fixed((report.agreement ?? 0) * 100, 1)}%`,
      `  graded alone (${report.gradedAlone.n}): difference ${fixed(report.gradedAlone.meanDifference)}, r ${fixed(report.gradedAlone.correlation, 3)}, agreement ${fixed((report.gradedAlone.agreement ?? 0) * 100, 1)}%`,
      "  per question (n, agree, r, TA, grader, review):",
      ...report.perQuestion.map((q) => `    ${q.question.padEnd(4)} ${String(q.n).padStart(3)}  ${fixed((q.agreement ?? 0) * 100, 0).padStart(3)}%  ` +
        `${fixed(q.correlation).padStart(5)}  ${fixed(q.meanLabel).padStart(5)}  ${fixed(q.meanGrader).padStart(5)}  ${q.review}`),
      "  largest disagreements:",
      ...report.disagreements.map((d) => `    line ${d.line} ${d.question}: TA ${d.label}, grader ${d.score}${d.needsReview ? " (review)" : ""}: ${JSON.stringify(d.answer).slice(0, 110)}`),
    ].join("\n"));
    expect(report.meanDifference).not.toBeNull();
    expect(Math.abs(report.meanDifference ?? Infinity)).toBeLessThanOrEqual(0.3);
    expect(report.correlation ?? 0).toBeGreaterThanOrEqual(0.8);
    // A TA reads what the machine doubts; it should not be a quarter of the class's answers.
    expect(report.review / report.n).toBeLessThanOrEqual(0.25);
  });
});
