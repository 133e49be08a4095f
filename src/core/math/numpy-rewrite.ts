/**
 * numpy as students type it in chat, rewritten to the tutor's notation before parsing:
 * `A @ B`, `X.T`, `np.outer(u, v)`, `np.dot(a, b)`, `np.sum(M, axis=1)`, `np.maximum(v, 0)`,
 * `np.where(c, 1, 0)`, `.astype(float)`, and the `np.`/`numpy.`/`torch.` prefixes of functions the
 * tutor already knows. When `@` appears, `*` is numpy's elementwise product, so it becomes `.*`.
 * Text rewrites only: the result still goes through the parser and its allowlist.
 */

/** Index of the parenthesis closing the one opened at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(" || text[i] === "[") depth++;
    else if ((text[i] === ")" || text[i] === "]") && --depth === 0) return i;
  }
  return -1;
}

/** Splits call arguments at top-level commas. */
function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}

const isZero = (s: string | undefined) => s !== undefined && /^0(?:\.0*)?$/.test(s);

/** What a numpy call means in the tutor's notation; undefined leaves the call as written. */
function rewriteCall(name: string, args: string[]): string | undefined {
  const [a, b, c] = args;
  switch (name) {
    case "outer":
      return args.length === 2 ? `((${a}) * (${b})')` : undefined;
    case "dot":
    case "matmul":
      return args.length === 2 ? `((${a}) * (${b}))` : undefined;
    case "multiply":
      return args.length === 2 ? `((${a}) .* (${b}))` : undefined;
    case "maximum":
      if (args.length !== 2) return undefined;
      return isZero(b) ? `relu(${a})` : isZero(a) ? `relu(${b})` : `max(${a}, ${b})`;
    case "heaviside":
      return `step(${a})`;
    case "where":
      // np.where(u > 0, 1, 0): the indicator of the condition.
      return args.length === 3 && b === "1" && isZero(c) ? `(${a})` : undefined;
    case "sum": {
      if (args.length === 1) return `sum(${a})`;
      // numpy's axis=0 adds down the columns (sum(M, 1) here); axis=1 along the rows (sum(M, 2)).
      const axis = /^(?:axis\s*=\s*)?(\d)$/.exec(b ?? "");
      return axis ? `sum(${a}, ${Number(axis[1]) + 1})` : undefined;
    }
    case "transpose":
      return args.length === 1 ? `(${a})'` : undefined;
    default:
      return args.length >= 1 ? `${name}(${args.join(", ")})` : undefined;
  }
}

const CALL = /\b(?:np|numpy|torch|jnp)\s*\.\s*(?:linalg\s*\.\s*)?([A-Za-z_]+)\s*\(/;

/** Rewrites numpy calls and operators; text without numpy comes back unchanged. */
export function rewriteNumpy(text: string): string {
  let out = text;
  // First, so the products the calls below write (`np.dot` -> `*`) stay matrix products.
  if (out.includes("@")) {
    out = out.replace(/(?<![.*])\*(?![*])/g, ".*").replace(/@/g, "*");
  }
  for (let guard = 0; guard < 50; guard++) {
    const m = CALL.exec(out);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    const close = closing(out, open);
    if (close < 0) break;
    const args = splitArgs(out.slice(open + 1, close));
    const replaced = rewriteCall(m[1] ?? "", args) ?? `${m[1] ?? ""}(${args.join(", ")})`;
    out = `${out.slice(0, m.index)}${replaced}${out.slice(close + 1)}`;
  }
  out = out.replace(/\.\s*astype\s*\([^()]*\)/g, "");
  // `X.T` (a transpose) but not a decimal such as `1.T`.
  out = out.replace(/(?<=[A-Za-z0-9_)\]])\.T\b/g, "'");
  return out;
}
