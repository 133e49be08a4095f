import type { CalibrationFigures, CalibrationReport, Tolerance } from "../core/grading/calibration.ts";

/** Where the report came from, for its first line. */
export interface CalibrationSource {
  file: string;
  banks: string;
  tolerance: Tolerance;
  /** Lines that could not be graded (reported on stderr). */
  skipped: number;
}

const num = (x: number | null, digits = 2) => (x === null ? "n/a" : x.toFixed(digits));
const percent = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
const signed = (x: number | null) => (x === null ? "n/a" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);

/** `tutor bank try`'s report as a TA reads it in a terminal: the figures, a table per question, the worst rows. */
export function formatCalibration(report: CalibrationReport, source: CalibrationSource): string {
  const within = "share" in source.tolerance
    ? `${Math.round(source.tolerance.share * 100)}% of each question's points`
    : `${source.tolerance.points} point${source.tolerance.points === 1 ? "" : "s"}`;
  const agreed = report.agreement === null ? 0 : Math.round(report.agreement * report.n);
  const lines = [
    `${source.file} graded with ${source.banks}: ${report.n} answers${source.skipped > 0 ? ` (${source.skipped} lines skipped)` : ""}, tolerance ${within}`,
    `  agreement       ${percent(report.agreement)} (${agreed} of ${report.n} within the tolerance)`,
    `  correlation     ${num(report.correlation)}`,
    `  mean score      TA ${num(report.meanLabel)}, grader ${num(report.meanGrader)} (difference ${signed(report.meanDifference)})`,
    `  RMSE            ${num(report.rmse)} points`,
    `  sent to review  ${report.review} of ${report.n} (counted above at their provisional score)`,
    `  graded alone    ${report.gradedAlone.n}: agreement ${percent(report.gradedAlone.agreement)}, correlation ${num(report.gradedAlone.correlation)}, difference ${signed(report.gradedAlone.meanDifference)}`,
    ...(report.byTa > 0 ? [`  graded by a TA  ${report.byTa} answers to drawings, proofs or essays, left out of the figures`] : []),
    "",
    "Per question:",
    ...table([
      ["question", "points", "n", "agree", "r", "TA", "grader", "diff", "RMSE", "review"],
      ...report.perQuestion.map((q) => [q.byTa ? `${q.question} (TA)` : q.question, String(q.points), ...row(q)]),
    ]),
  ];
  if (report.disagreements.length > 0) {
    lines.push("", `Largest disagreements (grader − TA):`);
    for (const d of report.disagreements) {
      const answer = d.answer.length > 100 ? `${d.answer.slice(0, 97)}...` : d.answer;
      lines.push(`  line ${d.line}, ${d.question}: TA ${d.label}, grader ${d.score} (${signed(d.difference)})${d.needsReview ? ", sent to review" : ""}: "${answer}"`);
      lines.push(`    ${d.detail.length > 200 ? `${d.detail.slice(0, 197)}...` : d.detail}`);
    }
  }
  return lines.join("\n");
}

function row(f: CalibrationFigures): string[] {
  return [String(f.n), percent(f.agreement), num(f.correlation), num(f.meanLabel), num(f.meanGrader), signed(f.meanDifference), num(f.rmse), String(f.review)];
}

function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ")}`);
}
