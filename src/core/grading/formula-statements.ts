/**
 * Reads an answer written as several steps into statements, in order, before the formula reader
 * picks the answer and substitutes the student's own names:
 * - statements end at `;`, a line break, or a full stop before the next assignment
 *   ("S = softmax(A). dW = …");
 * - a chain of assignments on one line, joined by commas, "and" or "then"
 *   ("let b = W1x, c = relu(b), dL/dc = W3ᵀ dL/dz, dL/db = …, then dx = …");
 * - gradient names as students write them, `dL/dc`, `∂L/∂c`, `\frac{\partial L}{\partial c}`, `\nabla_c L`, read as
 *   one name `dLdc`, so a step can use the one before it;
 * - a masking step in words, "zero out the entries where W1x < 0" (or "keep only the entries where
 *   W1x > 0", "gate it where W1x ≥ 0"), read as `g = step(W1x) .* g` for the name defined last (or the one it names).
 * Pure text work, linear in the text.
 */

/** An assignment's start: an optional lead word, a name (or `dL/dW`), then `=` or `:=` (not `==`, `<=`, `>=`). */
const NAME_ASSIGN = String.raw`(?:(?:let|def|then|and|so)\s+)?(?:[A-Za-z][A-Za-z0-9_]*|[d∂]\s*L\s*\/\s*[d∂]\s*[A-Za-z][A-Za-z0-9_]*)\s*:?=(?!=)`;
/** A full stop that ends a sentence before an assignment; not the one of "e.g." or a decimal. */
const SENTENCE_END = new RegExp(String.raw`(?<!\b(?:e\.g|i\.e|etc|vs))\.\s+(?=${NAME_ASSIGN})`, "giy");
/** A comma, "and" or "then" before the next assignment of a chain, or before a masking step. */
const CHAIN_JOIN = new RegExp(String.raw`(?:\s*,\s*(?:(?:and|then|so)\s+)?|\s+(?:and|then|so)\s+)(?=${NAME_ASSIGN}|(?:zero|keep|mask|kill|set\s+to)\b)`, "iy");

/** `dL/dc`, `∂L/∂c`, `d L / d c` and `\frac{\partial L}{\partial c}` as the single name `dLdc`. */
export function gradientNames(text: string): string {
  return text
    .replace(/(?:\\nabla|∇)\s*_\s*\{?\s*([A-Za-z][A-Za-z0-9]*)\s*\}?\s*(?:\\mathcal\s*\{\s*L\s*\}|L)(?![\w(])/g, "dLd$1")
    .replace(/\\frac\s*\{\s*\\partial\s*(?:\\mathcal\s*\{\s*L\s*\}|L)\s*\}\s*\{\s*\\partial\s*(?:\\mathbf\s*\{\s*)?([A-Za-z][A-Za-z0-9_]*)\s*\}?\s*\}/g, "dLd$1")
    .replace(/(?<![A-Za-z0-9_])[d∂]\s*L\s*\/\s*[d∂]\s*([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?)(?![A-Za-z0-9])/g, (_, v: string) => `dLd${v.replace("_", "")}`);
}

/** The condition of a mask in words: `u < 0`, `u <= 0`, "u is negative" (mask where negative). */
const NEGATIVE = String.raw`(.+?)\s*(?:<=?|≤)\s*0|(.+?)\s+(?:is|are|was|were)\s+(?:negative|(?:less|smaller)\s+than\s+(?:0|zero))`;
const POSITIVE = String.raw`(.+?)\s*(?:>=?|≥)\s*0|(.+?)\s+(?:is|are|was|were)\s+(?:positive|nonnegative|non-negative)`;
const ENTRIES = String.raw`(?:(?:all\s+)?(?:the\s+)?(?:entries|entry|elements?|components?|coordinates?|units?|values?|ones|parts?)\s+)?(?:of\s+([A-Za-z][A-Za-z0-9_]*)\s+)?`;
const ZERO_OUT = new RegExp(String.raw`^(?:then\s+|and\s+)?(?:zero\s+out|zero|mask\s+out|kill|set\s+to\s+(?:0|zero))\s+${ENTRIES}(?:where|when|for\s+which|at\s+which|wherever)\s+(?:${NEGATIVE})\s*$`, "i");
// "gate it where W1x ≥ 0": the relu gate lets through the entries where its input is positive.
const KEEP = new RegExp(String.raw`^(?:then\s+|and\s+)?(?:keep|gate)\s+(?:only\s+)?(?:it\s+)?${ENTRIES}(?:where|when|for\s+which|wherever)\s+(?:${POSITIVE})\s*$`, "i");

/** A masking step in words as an assignment of `target` (the name defined last), or undefined. */
export function maskStep(segment: string, target: string | undefined): string | undefined {
  const m = ZERO_OUT.exec(segment.trim()) ?? KEEP.exec(segment.trim());
  if (!m) return undefined;
  const name = m[1] ?? target;
  const condition = (m[2] ?? m[3] ?? "").trim();
  if (!name || condition === "" || /[=<>]/.test(condition)) return undefined;
  return `${name} = step(${condition}) .* ${name}`;
}

/** Splits an answer into statements and chained steps, in order (see the file comment). */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  for (const line of splitTopLevel(text, /[;\n]/y)) {
    for (const sentence of splitTopLevel(line, SENTENCE_END)) {
      out.push(...splitTopLevel(sentence, CHAIN_JOIN));
    }
  }
  return out;
}

/** Splits at `sep` (a sticky regex) outside brackets. */
export function splitTopLevel(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m) {
        out.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== "");
}
