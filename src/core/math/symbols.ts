import { parseExpression } from "./expression-parser.ts";
import { floatMath } from "./math-instances.ts";

/**
 * Identifiers an expression uses as variables (not functions or constants), after normalization,
 * in order of first use. Used by the bank validator to catch undeclared symbols.
 * Throws an Error whose message says what is wrong when the expression does not parse or is refused.
 */
export function referencedSymbols(expression: string): string[] {
  const parsed = parseExpression(expression, floatMath());
  if (!parsed.ok) throw new Error(`cannot read "${expression}": ${parsed.message}`);
  return parsed.variables;
}
