import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusEntry, type CorpusReport, buildCorpusReport, formatCorpusReport, share } from "../../src/core/grading/corpus-report.ts";
import { gradeAnswer } from "../../src/core/grading/grade-answer.ts";
import { midterm } from "../unit/grading/midterm-grading.ts";

/**
 * Grades every labelled answer in tests/grading/<folder>/*.jsonl, in process (the same pure graders
 * the pool runs). Each line is checked against CorpusEntry and, when `set` is given, its set's name.
 */
export function gradeLabelledSet(folder: string, set?: string): CorpusReport {
  const dir = path.join(import.meta.dirname, folder);
  const entries = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().flatMap((file) =>
    readFileSync(path.join(dir, file), "utf8").split("\n").filter((l) => l.trim() !== "").map((l, i) => {
      const parsed = CorpusEntry.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${folder}/${file} line ${i + 1}: ${parsed.error.message}`);
      if (set !== undefined && parsed.data.set !== set) throw new Error(`${folder}/${file} line ${i + 1}: set must be ${set}`);
      return parsed.data;
    }));
  return buildCorpusReport(entries.map((entry) => ({
    entry,
    grade: gradeAnswer(midterm.require(entry.question), { text: entry.answer, ...(entry.justification ? { justification: entry.justification } : {}) }),
  })));
}

/** The least agreement and the most confident zeros a set may show: a change that grades worse fails. */
export interface Floors {
  overall: number;
  confidentZeros: number;
  /**
   * A blind set (never tuned on): its report shows the figures only, never the answers, so whoever
   * runs the tests while working on the grader does not see what it measures.
   */
  blind?: boolean;
  /** Questions the set leaves out on purpose (a set of paraphrases has no drawing to paraphrase). */
  leavesOut?: readonly string[];
}

/** The three checks of a fresh set: 8 answers per question, agreement and confident zeros at their floors. */
export function describeFreshSet(title: string, folder: string, set: string, floor: Floors): void {
  const report = gradeLabelledSet(folder, set);
  describe(title, () => {
    it("has at least 8 answers for every question of the bank it covers", () => {
      for (const q of midterm.all().filter((q) => !floor.leavesOut?.includes(q.id))) {
        expect(report.byQuestion.get(q.id)?.total ?? 0, q.id).toBeGreaterThanOrEqual(8);
      }
    });

    it(`agrees with the TA at least ${(floor.overall * 100).toFixed(1)}% of the time`, () => {
      console.log(formatCorpusReport(report, floor.blind !== true));
      expect(share(report.overall)).toBeGreaterThanOrEqual(floor.overall);
    });

    it(`gives no more than ${floor.confidentZeros} confident zeros (TA credits it, 0 without review)`, () => {
      const zeros = report.disagreements.filter((d) => d.confidentZero).map((d) => (floor.blind ? d.entry.question : `${d.entry.question}: ${d.entry.answer}`));
      expect(zeros.length, zeros.join("\n")).toBeLessThanOrEqual(floor.confidentZeros);
    });
  });
}
