import type { MathNode } from "mathjs";
import { declaredNames } from "./context-check.ts";
import { parseExpression } from "./expression-parser.ts";
import { floatMath } from "./math-instances.ts";
import type { MathContext } from "./sampling-plan.ts";

/** The written form of a parsed expression with parentheses and implicit multiplication made uniform. */
function canonical(node: MathNode): string {
  const bare = node.transform((n) => (n.type === "ParenthesisNode" ? (n as unknown as { content: MathNode }).content : n));
  return bare.toString({ parenthesis: "auto", implicit: "show" }).replace(/\s+/g, "");
}

/**
 * Whether two expressions are written the same way once normalized (aliases, `A^T`, `⊙`, `dL/dz`,
 * redundant parentheses). Used for known mistakes that cannot be evaluated, such as a dropped
 * transpose, whose shapes do not fit: no sample point can tell the student which mistake it was.
 */
export function sameForm(student: string, reference: string, context: MathContext): boolean {
  const sandbox = floatMath();
  const declared = declaredNames(context);
  const a = parseExpression(student, sandbox, declared);
  const b = parseExpression(reference, sandbox, declared);
  return a.ok && b.ok && canonical(a.node) === canonical(b.node);
}
