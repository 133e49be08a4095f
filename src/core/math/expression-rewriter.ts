import type { MathNode } from "mathjs";
import { CONSTANTS, FUNCTION_ALIASES, FUNCTIONS } from "./function-table.ts";
import { MAX_LITERAL_ELEMENTS, MAX_NODES, MAX_TREE_DEPTH } from "./expression-guard.ts";

/**
 * Validates a parsed expression against the allowlist and rewrites what students mean:
 * aliases to canonical names, `mn` to m*n, `m(2n+1)` to m*(2n+1) when m is a variable, `A^T` to
 * transpose(A), and user-facing function names to the sandbox's implementations.
 */

/** The names a question declares; absent for `tutor check`, where every free identifier is a scalar. */
export interface DeclaredNames {
  /** Canonical names of symbols and derived symbols. */
  variables: ReadonlySet<string>;
  /** Alias to canonical name, e.g. W_1 -> W1. */
  aliases: ReadonlyMap<string, string>;
}

/** A rewrite failed: the message is for the student. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
}

/** mathjs node constructors, taken from the instance that parsed the tree. */
export interface NodeFactory {
  SymbolNode: new (name: string) => MathNode;
  FunctionNode: new (fn: MathNode | string, args: MathNode[]) => MathNode;
  OperatorNode: new (op: string, fn: string, args: MathNode[], implicit?: boolean) => MathNode;
  ParenthesisNode: new (content: MathNode) => MathNode;
}

const OPERATORS = new Set([
  "add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus",
  "dotMultiply", "dotDivide", "dotPow", "ctranspose", "transpose",
]);

const REFUSED: Readonly<Record<string, string>> = {
  AssignmentNode: "assignments (x = …) are not allowed; write only the expression",
  FunctionAssignmentNode: "defining functions (f(x) = …) is not allowed",
  AccessorNode: "indexing and property access (a.b, a[1]) are not allowed",
  IndexNode: "indexing (a[1]) is not allowed",
  ObjectNode: "objects ({…}) are not allowed",
  RangeNode: "ranges (a:b) are not allowed",
  BlockNode: "write a single expression (no ; or line breaks)",
  ConditionalNode: "conditionals (a ? b : c) are not allowed",
  RelationalNode: "comparisons are not allowed",
};

// Names an attacker reaches for; never variables, even in `tutor check`.
function isReservedName(name: string): boolean {
  return name.startsWith("_") || name in Object.prototype || name in Function.prototype || name.includes("$");
}

/** Splits `mn` into declared names [m, n] (longest names first), or undefined. */
function splitIntoDeclared(name: string, declared: DeclaredNames): string[] | undefined {
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(name.length + 1).fill(undefined);
  best[0] = [];
  for (let end = 1; end <= name.length; end += 1) {
    for (let start = 0; start < end; start += 1) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = name.slice(start, end);
      const canonical = declared.variables.has(piece) ? piece : declared.aliases.get(piece);
      if (canonical !== undefined && (!best[end] || best[end]!.length > prefix.length + 1)) {
        best[end] = [...prefix, canonical];
      }
    }
  }
  const parts = best[name.length];
  return parts && parts.length > 1 ? parts : undefined;
}

function describeAllowed(declared: DeclaredNames): string {
  return [...declared.variables].join(", ");
}

/** Rewrites and validates `root`; returns the new tree and the variables it uses. Throws ExpressionError. */
export function rewriteExpression(
  root: MathNode,
  factory: NodeFactory,
  declared?: DeclaredNames,
): { node: MathNode; variables: string[] } {
  let count = 0;
  root.traverse(() => {
    count += 1;
  });
  if (count > MAX_NODES) throw new ExpressionError(`this expression has ${count} parts; the limit is ${MAX_NODES}`);
  const variables = new Set<string>();

  const symbol = (name: string): MathNode => {
    if (isReservedName(name)) throw new ExpressionError(`\`${name}\` is not a name you may use`);
    if (declared) {
      const canonical = declared.variables.has(name) ? name : declared.aliases.get(name);
      if (canonical !== undefined) {
        variables.add(canonical);
        return new factory.SymbolNode(canonical);
      }
      if (CONSTANTS.has(name)) return new factory.SymbolNode(name);
      const parts = splitIntoDeclared(name, declared);
      if (parts) {
        parts.forEach((p) => variables.add(p));
        return parts.map((p) => new factory.SymbolNode(p))
          .reduce((a, b) => new factory.OperatorNode("*", "multiply", [a, b], true));
      }
      const hint = Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(FUNCTION_ALIASES, name) ? ` (it is a function: write ${name}(…))` : "";
      throw new ExpressionError(`\`${name}\` is not defined here${hint}; you may use ${describeAllowed(declared)}`);
    }
    if (CONSTANTS.has(name)) return new factory.SymbolNode(name);
    if (Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(FUNCTION_ALIASES, name)) {
      throw new ExpressionError(`\`${name}\` is a function: write ${name}(…)`);
    }
    variables.add(name);
    return new factory.SymbolNode(name);
  };

  const visit = (node: MathNode, depth: number): MathNode => {
    if (depth > MAX_TREE_DEPTH) throw new ExpressionError(`this expression is nested too deeply (over ${MAX_TREE_DEPTH} levels)`);
    const refusal = REFUSED[node.type];
    if (refusal) throw new ExpressionError(refusal);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode": {
        const value = n.value;
        const numeric = typeof value === "number" || (typeof value === "object" && value !== null && "isBigNumber" in value);
        if (!numeric) throw new ExpressionError(typeof value === "string" ? "text in quotes is not allowed" : `\`${String(value)}\` is not a number`);
        return node;
      }
      case "SymbolNode":
        return symbol(n.name as string);
      case "ParenthesisNode":
        return new factory.ParenthesisNode(visit(n.content as MathNode, depth + 1));
      case "ArrayNode": {
        let elements = 0;
        node.traverse((child) => {
          if (child.type !== "ArrayNode") elements += 1;
        });
        if (elements > MAX_LITERAL_ELEMENTS) throw new ExpressionError(`matrices typed in an answer are limited to ${MAX_LITERAL_ELEMENTS} elements`);
        return node.map((child) => visit(child, depth + 1));
      }
      case "OperatorNode":
        return visitOperator(n, depth);
      case "FunctionNode":
        return visitFunction(n, depth);
      default:
        throw new ExpressionError(`\`${node.toString()}\` is not allowed in an answer`);
    }
  };

  const visitOperator = (n: MathNode & Record<string, unknown>, depth: number): MathNode => {
    const fn = n.fn as string;
    const args = n.args as MathNode[];
    if (!OPERATORS.has(fn)) throw new ExpressionError(`the operator \`${String(n.op)}\` is not allowed in an answer`);
    const right = args[1] as (MathNode & { name?: string }) | undefined;
    const tIsVariable = declared ? declared.variables.has("T") || declared.aliases.has("T") : false;
    if (fn === "pow" && right?.type === "SymbolNode" && right.name === "T" && !tIsVariable) {
      return new factory.FunctionNode(new factory.SymbolNode("transpose"), [visit(args[0]!, depth + 1)]);
    }
    const bound = bindToLastFactor(n, depth);
    if (bound) return bound;
    const visited = args.map((a) => visit(a, depth + 1));
    // Powers go through the sandbox's guarded pow, which bounds matrix exponents.
    if (fn === "pow") return new factory.FunctionNode(new factory.SymbolNode("tutor_pow"), visited);
    return new factory.OperatorNode(n.op as string, fn, visited, n.implicit as boolean);
  };

  /**
   * A postfix transpose or a power binds to the nearest factor, as on paper: `V(A - B)'` with V a
   * variable is V*((A - B)'), not (V*(A - B))'; `bu'` is b*(u'), and `mn^2` is m*n^2.
   */
  const bindToLastFactor = (n: MathNode & Record<string, unknown>, depth: number): MathNode | undefined => {
    const fn = n.fn as string;
    if (!declared || !["ctranspose", "transpose", "pow"].includes(fn)) return undefined;
    const args = n.args as MathNode[];
    const base = args[0] as MathNode & { name?: string; fn?: MathNode & { name?: string }; args?: MathNode[] };
    const rebuild = (last: MathNode) => new factory.OperatorNode(n.op as string, fn, [last, ...args.slice(1)], n.implicit as boolean);
    if (base.type === "FunctionNode" && base.fn?.type === "SymbolNode" && base.args?.length === 1) {
      const name = base.fn.name ?? "";
      const known = declared.variables.has(name) || declared.aliases.has(name) || splitIntoDeclared(name, declared);
      if (!known || Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(FUNCTION_ALIASES, name)) return undefined;
      const inner = rebuild(new factory.ParenthesisNode(base.args[0]!));
      return new factory.OperatorNode("*", "multiply", [symbol(name), visit(inner, depth + 1)], true);
    }
    if (base.type === "SymbolNode" && base.name && !declared.variables.has(base.name) && !declared.aliases.has(base.name)) {
      const parts = splitIntoDeclared(base.name, declared);
      if (!parts) return undefined;
      const head = parts.slice(0, -1).map((p) => symbol(p)).reduce((a, b) => new factory.OperatorNode("*", "multiply", [a, b], true));
      const last = visit(rebuild(new factory.SymbolNode(parts.at(-1)!)), depth + 1);
      return new factory.OperatorNode("*", "multiply", [head, last], true);
    }
    return undefined;
  };

  const visitFunction = (n: MathNode & Record<string, unknown>, depth: number): MathNode => {
    const fnNode = n.fn as MathNode & { name?: string };
    if (fnNode.type !== "SymbolNode" || !fnNode.name) throw new ExpressionError("only named functions may be called");
    const args = (n.args as MathNode[]).map((a) => visit(a, depth + 1));
    if (isReservedName(fnNode.name)) throw new ExpressionError(`\`${fnNode.name}\` is not a name you may use`);
    const name = Object.hasOwn(FUNCTION_ALIASES, fnNode.name) ? FUNCTION_ALIASES[fnNode.name]! : fnNode.name;
    const entry = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (entry) {
      const [min, max] = entry.arity;
      if (args.length < min || args.length > max) {
        throw new ExpressionError(`${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, not ${args.length}`);
      }
      return new factory.FunctionNode(new factory.SymbolNode(entry.internal), args);
    }
    // `m(2n+l+1)` with a variable m means multiplication, as on paper.
    if (declared && args.length === 1) {
      const known = declared.variables.has(fnNode.name) || declared.aliases.has(fnNode.name) || splitIntoDeclared(fnNode.name, declared);
      if (known) return new factory.OperatorNode("*", "multiply", [symbol(fnNode.name), new factory.ParenthesisNode(args[0]!)], true);
    }
    throw new ExpressionError(`\`${fnNode.name}\` is not a function you may use; allowed functions: ${Object.keys(FUNCTIONS).sort().join(", ")}`);
  };

  const node = visit(root, 0);
  return { node, variables: [...variables] };
}
