import type { CheckOptions, CheckResult, Tolerance } from "./check-types.ts";
import { checkWithContext } from "./context-check.ts";
import { checkFree } from "./free-check.ts";

/** Default tolerances for expressions with a context (the bank's documented defaults). */
const CONTEXT_EQUIV = { rtol: 1e-6, atol: 1e-8 };

function resolveTolerance(options: CheckOptions): Tolerance | string {
  const test = options.test ?? "equiv";
  const bad = [options.rtol, options.atol].find((t) => t !== undefined && !(Number.isFinite(t) && t >= 0));
  if (bad !== undefined) return `the tolerance must be a number of at least 0, not ${bad}`;
  if (test === "relative") {
    if (options.rtol === undefined) return "the relative test needs a tolerance";
    return { test, rtol: options.rtol, atol: 0 };
  }
  if (test === "absolute") {
    const atol = options.atol ?? options.rtol;
    if (atol === undefined) return "the absolute test needs a tolerance";
    return { test, rtol: 0, atol };
  }
  return { test, rtol: options.rtol ?? CONTEXT_EQUIV.rtol, atol: options.atol ?? CONTEXT_EQUIV.atol };
}

/**
 * Compares a student expression with a reference by evaluation at sample points.
 * Never throws: bad syntax, unknown names, refused constructs and non-values are "invalid";
 * a wrong shape or wrong values are "different"; `reason` says which, in a student's words.
 * @example checkExpression("2mn+ml+m+l", "2*m*n + m*l + m + l", { context }) // { result: "equal", ... }
 */
export function checkExpression(student: string, reference: string, options: CheckOptions = {}): CheckResult {
  const tol = resolveTolerance(options);
  if (typeof tol === "string") return { result: "invalid", reason: tol };
  try {
    if (options.context) return checkWithContext(student, reference, tol, options.context);
    return checkFree(student, reference, tol, { rtol: options.rtol, atol: options.atol });
  } catch (error) {
    // A failure here is a bug in the engine, not the student's fault; say so rather than crash.
    const message = error instanceof Error ? error.message : String(error);
    return { result: "invalid", reason: `this expression could not be checked (${message})` };
  }
}
