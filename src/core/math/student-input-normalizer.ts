/**
 * Text-level rewrites of what students type into mathjs syntax: Unicode operators, superscripts,
 * LaTeX-isms, the indicator `1(u)` and `dL/dz` for a declared `dLdz`. Rewrites that need the parse
 * tree (`2mn`, `m(2n+1)`, `A^T`, aliases) happen in expression-rewriter.ts.
 */

import { stripDecorations } from "./answer-decorations.ts";
import { rewriteIndicators } from "./indicator-rewrite.ts";
import { rewriteNumpy } from "./numpy-rewrite.ts";

// Replaced before NFKC, which would otherwise turn `²` into a plain `2` and `ᵀ` into `T`.
const BEFORE_NFKC: ReadonlyArray<[RegExp, string]> = [
  [/\^\s*\{?\s*[ᵀ⊤]\s*\}?/g, "'"],
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
  // LaTeX markup around a name, `W_{1}` for the alias W_1, and \frac{dL}{dz} for (dL)/(dz).
  [/\\(?:mathbf|mathrm|mathit|mathbb|boldsymbol|bm|vec|textbf|text|operatorname)\s*\{([^{}]*)\}/g, "$1"],
  [/_\{([^{}]*)\}/g, "_$1"],
  [/\\partial\s*/g, "d"],
  [/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "(($1)/($2))"],
  [/\\(?=[A-Za-z])/g, ""],
  // The vector of ones with its length as a subscript, `1_m` (also \mathbf{1}_m, 𝟙_m): `ones_m`,
  // which a question that has such a vector declares as its alias.
  [/(?<![\w.])1_([A-Za-z])(?![\w(])/g, "ones_$1"],
];

/** `dL/dz` with a declared `dLdz` (or `dL/dW1` with `dLdW1`); also `(dL)/(dz)`, from \\frac. */
const LEIBNIZ = /\(\s*d([A-Za-z][A-Za-z0-9_]*)\s*\)\s*\/\s*\(\s*d([A-Za-z][A-Za-z0-9_]*)\s*\)|\bd([A-Za-z][A-Za-z0-9_]*)\s*\/\s*d([A-Za-z][A-Za-z0-9_]*)\b/g;

/** `m x n` or `mxn` between one-letter names: times, as in "m x n + l x m" for a parameter count. */
const LETTER_TIMES = /(?<![\w.])([A-Za-z]|\d+)\s*x\s*([A-Za-z])(?![\w(])/g;

function timesBetweenLetters(text: string, declared: ReadonlySet<string>): string {
  if (declared.has("x") || declared.has("X")) return text;
  const ok = (t: string) => /^\d+$/.test(t) || declared.has(t);
  let out = text;
  for (let before = ""; before !== out;) {
    before = out;
    out = out.replace(LETTER_TIMES, (m, a: string, b: string) => (ok(a) && declared.has(b) ? `${a}*${b}` : m));
  }
  return out;
}

/**
 * Square brackets used for grouping, `[step(u) .* v] x'`, as parentheses. A bracket whose content has
 * a comma or a semicolon at its own level stays: that is a matrix or vector literal (`[m, n]`).
 */
export function squareGroups(text: string): string {
  const chars = [...text];
  const opens: Array<{ at: number; base: number; list: boolean }> = [];
  let nested = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "[") opens.push({ at: i, base: nested, list: false });
    else if (c === "(" || c === "{") nested++;
    else if (c === ")" || c === "}") nested = Math.max(0, nested - 1);
    else if ((c === "," || c === ";") && opens.at(-1)?.base === nested) opens.at(-1)!.list = true;
    else if (c === "]") {
      const open = opens.pop();
      if (open && !open.list) {
        chars[open.at] = "(";
        chars[i] = ")";
      }
    }
  }
  return chars.join("");
}

/**
 * Rewrites student text into mathjs syntax. `declared` holds every name the question defines
 * (symbols, derived symbols and their aliases); without it only context-free rewrites apply.
 */
export function normalizeStudentText(text: string, declared?: ReadonlySet<string>): string {
  let out = rewriteNumpy(stripDecorations(text, declared));
  for (const [pattern, replacement] of BEFORE_NFKC) out = out.replace(pattern, replacement);
  out = out.normalize("NFKC");
  for (const [pattern, replacement] of AFTER_NFKC) out = out.replace(pattern, replacement);
  out = squareGroups(rewriteIndicators(out));
  // `A^T (B)` would parse as A^(T(B)): read a bare `^T` as a transpose unless T is a declared name.
  // `x^Tx` is x' x when x is declared and `Tx` is not.
  if (!declared?.has("T")) {
    out = out.replace(/\^\s*(?:\(\s*T\s*\)|T)(?!\w)/g, "'");
    out = out.replace(/\^T([A-Za-z]\w*)/g, (match, rest: string) => (declared?.has(rest) && !declared.has(`T${rest}`) ? `' ${rest}` : match));
  }
  if (declared) {
    out = out.replace(LEIBNIZ, (match, ...g: Array<string | undefined>) => {
      const name = `d${g[0] ?? g[2] ?? ""}d${g[1] ?? g[3] ?? ""}`;
      return declared.has(name) ? name : match;
    });
    out = timesBetweenLetters(out, declared);
    // `ones(m)`, `ones(m, 1)`: the vector of m ones, when the question declares it as `ones_m`.
    out = out.replace(/\bones\s*\(\s*([A-Za-z])\s*(?:,\s*1\s*)?\)/g, (match, n: string) => (declared.has(`ones_${n}`) ? `ones_${n}` : match));
  }
  return out.trim();
}
