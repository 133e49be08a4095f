import type { CheckResult, Tolerance } from "./check-types.ts";
import { type CompiledExpression, compileExpression } from "./compiled-expression.ts";
import { bigMath, floatMath } from "./math-instances.ts";
import { sampleFreeVariables } from "./sampling-plan.ts";
import { firstBigMismatch, firstFloatMismatch, isFiniteBig } from "./value-compare.ts";
import { decideVerdict, formatNumber, type PointResult } from "./verdict.ts";
import { isFiniteTensor, isRealTensor, type FloatTensor, toBigTensor, toFloatTensor } from "./value-tensor.ts";

/**
 * The check without a question's context (`tutor check`, the conformance suite): every free
 * identifier is a scalar. Each point is evaluated first in 64-digit BigNumbers, which separates
 * 99999999/10^8 from 99999998/99999999 and survives (x-a)^6000; where a value is complex or a
 * function lacks BigNumber support, the point falls back to plain complex arithmetic.
 */

/** Default tolerances for equivalence in each number system. */
const BIG_EQUIV = { rtol: 1e-20, atol: 1e-40 };
const FLOAT_EQUIV = { rtol: 1e-9, atol: 1e-12 };

type Pair = { student: CompiledExpression; reference: CompiledExpression };

function describePoint(point: Map<string, number>): string {
  return point.size === 0 ? "" : ` at ${[...point].map(([k, v]) => `${k} = ${v}`).join(", ")}`;
}

function mismatchText(point: Map<string, number>, s: FloatTensor, r: FloatTensor, index: number): string {
  if (r.shape.length === 0) {
    const values = `your answer is ${formatNumber(s.re[0] ?? NaN, s.im[0])} but the reference is ${formatNumber(r.re[0] ?? NaN, r.im[0])}`;
    return point.size === 0 ? values : `${describePoint(point).trim()}, ${values}`;
  }
  const cols = r.shape[1] ?? 1;
  return `entry (${Math.floor(index / cols) + 1}, ${(index % cols) + 1}) differs${describePoint(point)}`;
}

function evaluateBig(pair: Pair, point: Map<string, number>, tol: Tolerance): PointResult | undefined {
  const math = bigMath().math;
  const scope = new Map<string, unknown>([...point].map(([k, v]) => [k, math.bignumber(String(v))]));
  try {
    const s = toBigTensor(math, pair.student.evaluate(scope));
    const r = toBigTensor(math, pair.reference.evaluate(new Map(scope)));
    if (!s || !r || !isFiniteBig(s) || !isFiniteBig(r)) return undefined;
    const shapesDiffer = s.values.length !== r.values.length || s.shape.join() !== r.shape.join();
    const index = shapesDiffer ? -1 : firstBigMismatch(s, r, tol);
    const floatView = (t: typeof s): FloatTensor => ({ shape: t.shape, re: t.values.map((v) => v.toNumber()), im: t.values.map(() => 0) });
    return {
      status: "compared", studentShape: s.shape, referenceShape: r.shape, real: true,
      mismatch: index < 0 ? undefined : mismatchText(point, floatView(s), floatView(r), index),
    };
  } catch {
    return undefined; // no BigNumber support for some function here: use plain numbers instead
  }
}

function evaluateFloat(pair: Pair, point: Map<string, number>, tol: Tolerance): PointResult {
  const math = floatMath().math;
  const side = (compiled: CompiledExpression): FloatTensor | { error: string } => {
    try {
      return toFloatTensor(math, compiled.evaluate(new Map<string, unknown>(point)));
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const s = side(pair.student);
  const r = side(pair.reference);
  if ("error" in r) return { status: "reference-error", message: r.error };
  if ("error" in s) return { status: "student-error", message: s.error };
  if (!isFiniteTensor(r)) return { status: "reference-nonfinite" };
  if (!isFiniteTensor(s)) return { status: "student-nonfinite" };
  const sameShape = s.shape.join() === r.shape.join();
  const index = sameShape ? firstFloatMismatch(s, r, tol) : -1;
  return {
    status: "compared", studentShape: s.shape, referenceShape: r.shape, real: isRealTensor(s) && isRealTensor(r),
    mismatch: index < 0 ? undefined : mismatchText(point, s, r, index),
  };
}

/** Checks two context-free expressions; `given` are tolerances the caller set explicitly. */
export function checkFree(student: string, reference: string, tol: Tolerance, given: { rtol?: number; atol?: number }): CheckResult {
  const ref = compileExpression(reference, "float");
  if (!ref.ok) return { result: "invalid", reason: `the reference cannot be read: ${ref.message}` };
  const stu = compileExpression(student, "float");
  if (!stu.ok) return { result: "invalid", reason: stu.message };
  const bigRef = compileExpression(reference, "big");
  const bigStu = compileExpression(student, "big");
  const variables = [...new Set([...stu.compiled.variables, ...ref.compiled.variables])].sort();
  // For equivalence, explicit tolerances win over each number system's defaults.
  const resolve = (defaults: { rtol: number; atol: number }): Tolerance =>
    tol.test === "equiv" ? { test: "equiv", rtol: given.rtol ?? defaults.rtol, atol: given.atol ?? defaults.atol } : tol;
  const bigTol = resolve(BIG_EQUIV);
  const floatTol = resolve(FLOAT_EQUIV);
  const floatPair = { student: stu.compiled, reference: ref.compiled };
  const bigPair = bigRef.ok && bigStu.ok ? { student: bigStu.compiled, reference: bigRef.compiled } : undefined;
  const points = sampleFreeVariables(variables).map((point) =>
    (bigPair && evaluateBig(bigPair, point, bigTol)) || evaluateFloat(floatPair, point, floatTol));
  return decideVerdict(points, { test: tol.test, strict: false });
}
