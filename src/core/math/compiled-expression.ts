import type { DeclaredNames } from "./expression-rewriter.ts";
import { parseExpression } from "./expression-parser.ts";
import { bigMath, floatMath } from "./math-instances.ts";

/**
 * Parsing and compiling, cached: a bank reference or a derived definition is compiled once per
 * thread, so a check costs only the student's parse plus evaluation.
 */

/** A compiled expression and the variables it uses. */
export interface CompiledExpression {
  evaluate(scope: Map<string, unknown>): unknown;
  variables: string[];
}

/** Compiling succeeded, or the message for the student. */
export type CompileResult = { ok: true; compiled: CompiledExpression } | { ok: false; message: string };

const CACHE_LIMIT = 500;
const cache = new Map<string, CompileResult>();

/** Parses, checks and compiles `text` in the plain or BigNumber instance; never throws for bad text. */
export function compileExpression(
  text: string,
  numbers: "float" | "big",
  declared?: DeclaredNames,
  declaredKey = "",
): CompileResult {
  const key = `${numbers}\u0000${declaredKey}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const sandbox = numbers === "big" ? bigMath() : floatMath();
  const parsed = parseExpression(text, sandbox, declared);
  let result: CompileResult;
  if (!parsed.ok) {
    result = parsed;
  } else {
    const code = parsed.node.compile();
    result = { ok: true, compiled: { evaluate: (scope) => code.evaluate(scope) as unknown, variables: parsed.variables } };
  }
  cache.set(key, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return result;
}
