import type { CheckResult, CheckTest } from "./check-types.ts";
import { describeShape, sameShape } from "./value-tensor.ts";

/**
 * Turns per-point evaluations into one verdict: shape first, then values, preferring the points
 * where both sides are real (so 1/sqrt(x) = sqrt(1/x), as on paper), else all points where both
 * are defined (so e^(i t) = cos t + i sin t).
 */

/** What happened at one sample point. */
export type PointResult =
  | { status: "compared"; studentShape: number[]; referenceShape: number[]; real: boolean; mismatch: string | undefined }
  | { status: "student-error"; message: string }
  | { status: "reference-error"; message: string }
  | { status: "student-nonfinite" }
  | { status: "reference-nonfinite" };

/** How the path treats a few edge cases. */
export interface VerdictRules {
  test: CheckTest;
  /** With a context, an answer that fails to compute or is infinite where the reference is fine is wrong. */
  strict: boolean;
}

/** Fewest agreeing points needed before the real points alone decide. */
const MIN_REAL_POINTS = 3;

/** The verdict for a list of per-point results. */
export function decideVerdict(points: PointResult[], rules: VerdictRules): CheckResult {
  const count = (status: PointResult["status"]) => points.filter((p) => p.status === status).length;
  const referenceError = points.find((p) => p.status === "reference-error");
  if (referenceError && count("reference-error") === points.length) {
    return { result: "invalid", reason: `the reference cannot be evaluated: ${referenceError.message}` };
  }
  const studentError = points.find((p) => p.status === "student-error");
  if (studentError && (rules.strict || count("student-error") + count("reference-error") === points.length)) {
    return { result: rules.strict ? "different" : "invalid", reason: `your answer cannot be evaluated: ${inWords(studentError.message)}` };
  }
  const compared = points.filter((p): p is Extract<PointResult, { status: "compared" }> => p.status === "compared");
  const first = compared[0];
  if (first && !sameShape(first.studentShape, first.referenceShape)) {
    return {
      result: "different",
      reason: `your answer is ${describeShape(first.studentShape)} but ${describeShape(first.referenceShape)} is expected`,
    };
  }
  if (count("reference-nonfinite") === points.length) {
    return { result: "invalid", reason: "the reference is not a finite value (division by zero or overflow)" };
  }
  if (count("student-nonfinite") + count("reference-nonfinite") === points.length && count("student-nonfinite") > 0) {
    return { result: "invalid", reason: "your answer is not a finite value (division by zero or overflow)" };
  }
  if (rules.strict && count("student-nonfinite") > 0) {
    return { result: "different", reason: "your answer is infinite or undefined where the expected answer is a number" };
  }
  if (!first) return { result: "invalid", reason: "the two expressions are never both defined at the sample points" };
  if (rules.test !== "equiv" && compared.some((p) => !p.real)) {
    return { result: "different", reason: "a numeric answer must be a real number" };
  }
  const real = compared.filter((p) => p.real);
  const used = real.length >= Math.min(MIN_REAL_POINTS, compared.length) ? real : compared;
  const disagreement = used.find((p) => p.mismatch !== undefined);
  if (disagreement) return { result: "different", reason: disagreement.mismatch ?? "the values differ" };
  const where = used.length === 1 ? "" : ` at ${used.length} sample points`;
  const how = rules.test === "equiv" ? "both sides agree" : `within the ${rules.test} tolerance`;
  return { result: "equal", reason: rules.test === "equiv" ? `${how}${where}` : `the values agree ${how}${where}` };
}

/** A number for a reason: up to 6 significant digits, plain where readable. */
export function formatNumber(re: number, im = 0): string {
  const one = (v: number) => (Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : Number(v.toPrecision(6)).toString());
  if (Math.abs(im) <= 1e-12 * Math.max(1, Math.abs(re))) return one(re);
  if (re === 0) return `${one(im)}i`;
  return `${one(re)} ${im < 0 ? "-" : "+"} ${one(Math.abs(im))}i`;
}

/**
 * mathjs's messages in the words of the question: the sample sizes it names are the checker's,
 * not the student's, so a size mismatch is said as what it means for the expression.
 */
export function inWords(message: string): string {
  if (/Dimension mismatch in multiplication|Matrix A columns \(\d+\) must match Matrix B rows/i.test(message)) {
    return "a product whose sizes do not fit (the left factor's columns must match the right factor's rows); check the order of the factors and the transposes";
  }
  if (/Dimension mismatch|shape mismatch|broadcast/i.test(message)) {
    return "terms whose sizes differ (e.g. a matrix added to a vector, or an elementwise product of different shapes); check each term's shape";
  }
  return message;
}
