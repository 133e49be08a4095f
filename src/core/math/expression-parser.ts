import type { MathNode } from "mathjs";
import { checkTextLimits } from "./expression-guard.ts";
import { type DeclaredNames, ExpressionError, type NodeFactory, rewriteExpression } from "./expression-rewriter.ts";
import type { SandboxedMath } from "./sandboxed-mathjs.ts";
import { normalizeStudentText } from "./student-input-normalizer.ts";

/** A checked expression ready to compile, or the reason it was refused. */
export type ParsedExpression =
  | { ok: true; node: MathNode; variables: string[] }
  | { ok: false; message: string };

function declaredSpellings(declared: DeclaredNames): Set<string> {
  return new Set([...declared.variables, ...declared.aliases.keys()]);
}

function syntaxMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // mathjs says "Unexpected end of expression (char 5)"; keep its words, they are clear enough.
  return `this is not a valid expression: ${raw.replace(/^SyntaxError:\s*/, "")}`;
}

/** Limits, normalization, parsing and allowlist checks, in that order. Never throws. */
export function parseExpression(text: string, sandbox: SandboxedMath, declared?: DeclaredNames): ParsedExpression {
  const limit = checkTextLimits(text);
  if (limit) return { ok: false, message: limit };
  const normalized = normalizeStudentText(text, declared ? declaredSpellings(declared) : undefined);
  const limitAfter = checkTextLimits(normalized);
  if (limitAfter) return { ok: false, message: limitAfter };
  let root: MathNode;
  try {
    root = sandbox.parse(normalized);
  } catch (error) {
    return { ok: false, message: syntaxMessage(error) };
  }
  try {
    const factory = sandbox.math as unknown as NodeFactory;
    return { ok: true, ...rewriteExpression(root, factory, declared) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, message: error.message };
    if (error instanceof RangeError) return { ok: false, message: "this expression is nested too deeply" };
    throw error;
  }
}
