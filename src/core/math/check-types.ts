import type { MathContext } from "./sampling-plan.ts";

/** Which comparison `checkExpression` makes: same function, or numbers within a tolerance. */
export type CheckTest = "equiv" | "relative" | "absolute";

/** The verdict on one student expression, with a reason a student understands. */
export interface CheckResult {
  result: "equal" | "different" | "invalid";
  reason: string;
}

/** Options of `checkExpression`; `context` is the question's declared symbols. */
export interface CheckOptions {
  test?: CheckTest;
  rtol?: number;
  atol?: number;
  context?: MathContext;
}

/** A tolerance resolved for one check. */
export interface Tolerance {
  test: CheckTest;
  rtol: number;
  atol: number;
}
