import { describe, expect, it } from "vitest";
import { formatCorpusReport, share } from "../../src/core/grading/corpus-report.ts";
import { midterm } from "../unit/grading/midterm-grading.ts";
import { gradeLabelledSet } from "./labelled-set.ts";

// The labelled corpus: answers as students write them, each with the grade a careful TA gives.
// Graded in process (the same pure graders the pool runs), so the whole corpus takes a few seconds.
const report = gradeLabelledSet("corpus");

/**
 * Issue 11's target is 95% overall and in every kind, with no confident zero. The floors are the
 * figures reached (above the target): a change that grades worse fails, and each floor is raised as
 * the grader improves, never lowered.
 */
const TARGET = 0.95;
const FLOOR = { overall: 0.998, confidentZeros: 0 };
const KIND_FLOOR: Readonly<Record<string, number>> = {
  plain: 1, unreadable: 1, gaming: 1, hedge: 1, notation: 1, keywords: 1, negation: 1, paraphrase: 0.99,
};

describe("the labelled grading corpus", () => {
  it("has at least 30 answers for every question of the bank", () => {
    for (const q of midterm.all()) expect(report.byQuestion.get(q.id)?.total ?? 0, q.id).toBeGreaterThanOrEqual(30);
  });

  it(`agrees with the TA at least as well as it did (target: ${TARGET * 100}% overall and in every kind)`, () => {
    console.log(formatCorpusReport(report));
    const below = [...report.byKind].filter(([, t]) => share(t) < TARGET).map(([k]) => k);
    console.log(`Target ${TARGET * 100}%: ${share(report.overall) >= TARGET && below.length === 0 ? "met" : `not met (overall ${(share(report.overall) * 100).toFixed(1)}%; kinds below: ${below.join(", ")})`}`);
    expect(share(report.overall)).toBeGreaterThanOrEqual(FLOOR.overall);
    for (const [kind, tally] of report.byKind) expect(share(tally), kind).toBeGreaterThanOrEqual(KIND_FLOOR[kind] ?? TARGET);
  });

  it("gives no more confident zeros (TA credits it, 0 without review) than it did; the target is none", () => {
    const zeros = report.disagreements.filter((d) => d.confidentZero).map((d) => `${d.entry.question}: ${d.entry.answer}`);
    expect(zeros.length, zeros.join("\n")).toBeLessThanOrEqual(FLOOR.confidentZeros);
  });
});
