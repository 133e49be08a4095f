/**
 * The math engine: the only door to mathjs. Checks student expressions against references by
 * evaluation at random points, evaluates number answers, and lists the symbols an expression uses.
 */
export type { CheckOptions, CheckResult, CheckTest } from "./check-types.ts";
export type { MathContext } from "./sampling-plan.ts";
export { checkExpression } from "./check-expression.ts";
export { sameForm } from "./same-form.ts";
export { evaluateNumber } from "./evaluate-number.ts";
export { referencedSymbols } from "./symbols.ts";
export { ALLOWED_FUNCTIONS } from "./function-table.ts";
export { rewriteNumpyStatements } from "./numpy-statements.ts";
