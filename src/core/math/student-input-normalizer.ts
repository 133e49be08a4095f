/**
 * Text-level rewrites of what students type into mathjs syntax: Unicode operators, superscripts,
 * LaTeX-isms, the indicator `1(u)` and `dL/dz` for a declared `dLdz`. Rewrites that need the parse
 * tree (`2mn`, `m(2n+1)`, `A^T`, aliases) happen in expression-rewriter.ts.
 */

// Replaced before NFKC, which would otherwise turn `²` into a plain `2` and `ᵀ` into `T`.
const BEFORE_NFKC: ReadonlyArray<[RegExp, string]> = [
  [/²/g, "^2"],
  [/³/g, "^3"],
  [/[ᵀ⊤]/g, "'"],
  [/√\s*\(/g, "sqrt("],
];

const AFTER_NFKC: ReadonlyArray<[RegExp, string]> = [
  [/[−–—‐‑]/g, "-"],
  [/[×·⋅∗•]/g, "*"],
  [/[⊙∘]/g, ".*"],
  [/÷/g, "/"],
  [/π/g, "pi"],
  [/∂/g, "d"],
  [/\*\*/g, "^"],
  [/\\cdot\b|\\times\b/g, "*"],
  [/\\odot\b/g, ".*"],
  [/\^\s*\{\s*(?:T|\\top)\s*\}|\^\s*\\top\b/g, "'"],
  [/\\left|\\right/g, ""],
  [/\\(?=[A-Za-z])/g, ""],
];

/** `1(u)` is the indicator: a `1` that is not part of a number, directly followed by `(`. */
const INDICATOR = /(^|[^\w.])1\s*\(/g;

/** `dL/dz` with a declared `dLdz` (or `dL/dW1` with `dLdW1`). */
const LEIBNIZ = /\bd([A-Za-z][A-Za-z0-9_]*)\s*\/\s*d([A-Za-z][A-Za-z0-9_]*)\b/g;

/**
 * Rewrites student text into mathjs syntax. `declared` holds every name the question defines
 * (symbols, derived symbols and their aliases); without it only context-free rewrites apply.
 */
export function normalizeStudentText(text: string, declared?: ReadonlySet<string>): string {
  let out = text;
  for (const [pattern, replacement] of BEFORE_NFKC) out = out.replace(pattern, replacement);
  out = out.normalize("NFKC");
  for (const [pattern, replacement] of AFTER_NFKC) out = out.replace(pattern, replacement);
  out = out.replace(INDICATOR, (_m, before: string) => `${before}step(`);
  // `A^T (B)` would parse as A^(T(B)): read a bare `^T` as a transpose unless T is a declared name.
  // `x^Tx` is x' x when x is declared and `Tx` is not.
  if (!declared?.has("T")) {
    out = out.replace(/\^\s*(?:\(\s*T\s*\)|T)(?!\w)/g, "'");
    out = out.replace(/\^T([A-Za-z]\w*)/g, (match, rest: string) => (declared?.has(rest) && !declared.has(`T${rest}`) ? `' ${rest}` : match));
  }
  if (declared) {
    out = out.replace(LEIBNIZ, (match, top: string, bottom: string) =>
      declared.has(`d${top}d${bottom}`) ? `d${top}d${bottom}` : match);
  }
  return out.trim();
}
