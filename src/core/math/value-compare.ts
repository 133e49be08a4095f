import type { BigNumber } from "mathjs";
import type { Tolerance } from "./check-types.ts";
import type { BigTensor, FloatTensor } from "./value-tensor.ts";

/**
 * Entry-by-entry comparison within a tolerance. For equivalence the allowance is relative with an
 * absolute floor scaled to the reference's largest entry, so an entry that should be 0 but comes
 * out as 1e-17 after cancellation passes, while a genuinely different small entry does not.
 */

/** Fraction of the reference's largest entry below which entries count as "near zero". */
const FLOOR_FRACTION = 1e-3;
/** Slack for rounding in plain numbers at the edge of a numeric tolerance (1.05 - 1 > 0.05 in binary). */
const EDGE_SLACK = 1e-12;

/** Index of the first entry outside the tolerance, or -1 when all agree. */
export function firstFloatMismatch(student: FloatTensor, reference: FloatTensor, tol: Tolerance): number {
  const magnitude = (t: FloatTensor, i: number) => Math.hypot(t.re[i] ?? 0, t.im[i] ?? 0);
  let scale = 0;
  for (let i = 0; i < reference.re.length; i += 1) scale = Math.max(scale, magnitude(reference, i));
  for (let i = 0; i < reference.re.length; i += 1) {
    const diff = Math.hypot((student.re[i] ?? 0) - (reference.re[i] ?? 0), (student.im[i] ?? 0) - (reference.im[i] ?? 0));
    const r = magnitude(reference, i);
    const rounding = 4 * Number.EPSILON * Math.max(r, magnitude(student, i));
    let allowed: number;
    if (tol.test === "relative") allowed = tol.rtol * r * (1 + EDGE_SLACK) + rounding;
    else if (tol.test === "absolute") allowed = tol.atol * (1 + EDGE_SLACK) + rounding;
    else allowed = tol.atol + tol.rtol * Math.max(r, FLOOR_FRACTION * scale);
    if (!(diff <= allowed)) return i;
  }
  return -1;
}

/** Index of the first entry outside the tolerance, in exact-ish BigNumber arithmetic, or -1. */
export function firstBigMismatch(student: BigTensor, reference: BigTensor, tol: Tolerance): number {
  let scale: BigNumber | undefined;
  for (const r of reference.values) scale = scale === undefined || r.abs().gt(scale) ? r.abs() : scale;
  for (let i = 0; i < reference.values.length; i += 1) {
    const r = reference.values[i]!;
    const s = student.values[i]!;
    const diff = s.minus(r).abs();
    let allowed: BigNumber;
    if (tol.test === "relative") allowed = r.abs().times(tol.rtol);
    else if (tol.test === "absolute") allowed = r.abs().times(0).plus(tol.atol);
    else {
      const floor = (scale ?? r.abs()).times(FLOOR_FRACTION);
      allowed = (r.abs().gt(floor) ? r.abs() : floor).times(tol.rtol).plus(tol.atol);
    }
    if (!diff.lte(allowed)) return i;
  }
  return -1;
}

/** Whether every BigNumber entry is finite. */
export function isFiniteBig(t: BigTensor): boolean {
  return t.values.every((v) => v.isFinite());
}
