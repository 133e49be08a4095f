/**
 * How well a bank's grading agrees with a TA's own scores (`tutor bank try`): agreement within a
 * tolerance, Pearson correlation, means, the mean difference (grader minus TA) and the RMSE, overall
 * and per question, with the largest disagreements. Pure arithmetic over graded rows, so a TA sees a
 * rubric's calibration before students do.
 */

/** One labelled answer as graded: the TA's score (`label`) and the grader's (`score`). */
export interface CalibrationRow {
  /** The line of the labelled file, to find the answer again. */
  line: number;
  question: string;
  answer: string;
  /** The question's points: the tolerance is a share of them. */
  points: number;
  label: number;
  score: number;
  needsReview: boolean;
  /**
   * True for a question a TA grades by design (a drawing, a proof, an essay): its provisional 0 is
   * no grade of the machine's, so the figures leave it out and count it apart.
   */
  byTa?: boolean;
  /** The grader's items and feedback in one line. */
  detail: string;
}

/** How far the grader may be from the TA and still agree: a share of the question's points, or points. */
export type Tolerance = { share: number } | { points: number };

/** The default: within 10% of the question's points (half a point of 5). */
export const DEFAULT_TOLERANCE: Tolerance = { share: 0.1 };

/** The figures of a set of rows; `null` where they are undefined (no rows, or a constant series for r). */
export interface CalibrationFigures {
  n: number;
  /** Share of rows graded within the tolerance of the TA's score, 0..1. */
  agreement: number | null;
  correlation: number | null;
  meanLabel: number | null;
  meanGrader: number | null;
  /** Mean of grader − TA: negative when the grader is harsher. */
  meanDifference: number | null;
  rmse: number | null;
  /** How many the grader sent to a TA's review. */
  review: number;
}

/** One of the largest disagreements. */
export interface CalibrationDisagreement {
  line: number;
  question: string;
  answer: string;
  label: number;
  score: number;
  difference: number;
  needsReview: boolean;
  detail: string;
}

/** The whole report: the figures overall, per question (in order of first appearance) and the worst rows. */
export interface CalibrationReport extends CalibrationFigures {
  /** Answers to questions a TA grades by design, left out of the figures above. */
  byTa: number;
  /** The same figures over the answers the grader scored alone (not sent to review). */
  gradedAlone: CalibrationFigures;
  perQuestion: Array<CalibrationFigures & { question: string; points: number; byTa: boolean }>;
  disagreements: CalibrationDisagreement[];
}

/** Pearson's r, or null when it is undefined: fewer than two pairs, or either series constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A series of equal values has no spread: r is undefined, not 0 and not NaN.
  if (sxx <= 1e-12 || syy <= 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The tolerance of a question worth `points`, in points. */
export function tolerancePoints(tolerance: Tolerance, points: number): number {
  return "share" in tolerance ? tolerance.share * points : tolerance.points;
}

/** Within the tolerance (with room for rounding: 4.5 against 5 within 0.5 agrees). */
function agrees(row: CalibrationRow, tolerance: Tolerance): boolean {
  return Math.abs(row.score - row.label) <= tolerancePoints(tolerance, row.points) + 1e-9;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** The figures of `rows` (rounded to 4 decimals). */
export function calibrationFigures(rows: readonly CalibrationRow[], tolerance: Tolerance = DEFAULT_TOLERANCE): CalibrationFigures {
  const n = rows.length;
  const review = rows.filter((r) => r.needsReview).length;
  if (n === 0) return { n, agreement: null, correlation: null, meanLabel: null, meanGrader: null, meanDifference: null, rmse: null, review };
  const labels = rows.map((r) => r.label);
  const scores = rows.map((r) => r.score);
  const differences = rows.map((r) => r.score - r.label);
  return {
    n,
    agreement: round(rows.filter((r) => agrees(r, tolerance)).length / n),
    correlation: round(pearson(labels, scores)),
    meanLabel: round(mean(labels)),
    meanGrader: round(mean(scores)),
    meanDifference: round(mean(differences)),
    rmse: round(Math.sqrt(mean(differences.map((d) => d * d)))),
    review,
  };
}

/**
 * The report of `rows`: figures overall (answers to questions a TA grades by design left out; those
 * the grader sent to review counted at their provisional score, as the student first sees it), the
 * same over the answers graded alone, per question, and the `worst` rows graded outside the
 * tolerance, the largest difference first (then in file order).
 */
export function calibrate(rows: readonly CalibrationRow[], options: { tolerance?: Tolerance; worst?: number } = {}): CalibrationReport {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const byQuestion = new Map<string, CalibrationRow[]>();
  for (const row of rows) byQuestion.set(row.question, [...(byQuestion.get(row.question) ?? []), row]);
  const perQuestion = [...byQuestion].map(([question, list]) => ({
    question, points: list[0]?.points ?? 0, byTa: list.some((r) => r.byTa), ...calibrationFigures(list, tolerance),
  }));
  const machine = rows.filter((r) => !r.byTa);
  const disagreements = machine
    .filter((r) => !agrees(r, tolerance))
    .sort((a, b) => Math.abs(b.score - b.label) - Math.abs(a.score - a.label) || a.line - b.line)
    .slice(0, Math.max(0, options.worst ?? 10))
    .map(({ line, question, answer, label, score, needsReview, detail }) => ({
      line, question, answer, label, score, difference: round(score - label) ?? 0, needsReview, detail,
    }));
  return {
    ...calibrationFigures(machine, tolerance),
    byTa: rows.length - machine.length,
    gradedAlone: calibrationFigures(machine.filter((r) => !r.needsReview), tolerance),
    perQuestion,
    disagreements,
  };
}
