import { describe, expect, it } from "vitest";
import { calibrate, type CalibrationRow, calibrationFigures, pearson, tolerancePoints } from "../../../src/core/grading/calibration.ts";

const row = (line: number, question: string, label: number, score: number, extra: Partial<CalibrationRow> = {}): CalibrationRow => ({
  line, question, answer: `answer ${line}`, points: 5, label, score, needsReview: false, detail: "", ...extra,
});

describe("calibration", () => {
  it("computes Pearson's r, and null (never NaN) when it is undefined", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = 1..4, y = 1, 3, 2, 4: Sxy = 4, Sxx = Syy = 5 → 0.8.
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [0, 0, 0])).toBeNull();
    expect(pearson([4], [4])).toBeNull();
    expect(pearson([], [])).toBeNull();
  });

  it("gives the figures of a set: agreement within a share of the points, means, difference, RMSE, review", () => {
    const rows = [row(1, "a", 5, 5), row(2, "a", 4, 4.5), row(3, "a", 2, 0, { needsReview: true }), row(4, "a", 0, 1)];
    const f = calibrationFigures(rows, { share: 0.1 });
    // Within 0.5 points: 5/5, 4/4.5 (exactly 0.5) → 2 of 4.
    expect(f.agreement).toBe(0.5);
    expect(f.meanLabel).toBe(2.75);
    expect(f.meanGrader).toBe(2.625);
    // Differences 0, 0.5, -2, 1: mean -0.125, RMSE √(5.25 / 4).
    expect(f.meanDifference).toBe(-0.125);
    expect(f.rmse).toBe(Math.round(Math.sqrt(5.25 / 4) * 10_000) / 10_000);
    expect(f.review).toBe(1);
    expect(calibrationFigures(rows, { points: 1 }).agreement).toBe(0.75);
    expect(tolerancePoints({ share: 0.1 }, 5)).toBeCloseTo(0.5, 12);
    expect(tolerancePoints({ points: 0.25 }, 5)).toBe(0.25);
  });

  it("has no figure but n and review for no rows, and JSON keeps null rather than NaN", () => {
    const empty = calibrationFigures([]);
    expect(empty).toEqual({ n: 0, agreement: null, correlation: null, meanLabel: null, meanGrader: null, meanDifference: null, rmse: null, review: 0 });
    const constant = calibrate([row(1, "a", 3, 5), row(2, "a", 4, 5)]);
    expect(constant.correlation).toBeNull();
    expect(JSON.stringify(constant)).not.toMatch(/NaN|Infinity/);
  });

  it("reports per question in order of first appearance and the worst disagreements, largest first", () => {
    const rows = [row(1, "b", 5, 0), row(2, "a", 5, 5), row(3, "b", 2, 3), row(4, "a", 1, 4), row(5, "b", 3, 0)];
    const report = calibrate(rows, { worst: 2 });
    expect(report.perQuestion.map((q) => [q.question, q.n])).toEqual([["b", 3], ["a", 2]]);
    expect(report.disagreements.map((d) => [d.line, d.difference])).toEqual([[1, -5], [4, 3]]);
    expect(calibrate(rows, { worst: 10 }).disagreements.map((d) => d.line)).toEqual([1, 4, 5, 3]);
    expect(calibrate(rows, { worst: 0 }).disagreements).toEqual([]);
  });
});
