/**
 * The relu gate in the many ways students write it, rewritten to `step(u)`: `1(u)`, `1{u}`, `1[u]`,
 * `𝟙(u)` (NFKC makes it `1`), `relu'(u)`, and the comparison forms `1(u > 0)`, `(u > 0)`,
 * `(u >= 0)`. `u > 0` and `u >= 0` differ only where some entry of u is exactly 0, a set of measure
 * zero that random sampling never hits, so both read as step(u). The reversed gate `(u < 0)` reads as
 * step(-(u)), so a gate that passes the negative units is checked as what it is, not left unread.
 */

const OPEN_TO_CLOSE: Readonly<Record<string, string>> = { "(": ")", "{": "}", "[": "]" };

/** Index of the bracket closing the one opened at `open`, or -1. */
function matchingClose(text: string, open: number): number {
  const opener = text[open] ?? "";
  const closer = OPEN_TO_CLOSE[opener];
  if (!closer) return -1;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/** Index of the bracket opening the one closed at `close`, or -1. */
function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0) return i;
  }
  return -1;
}

/** A `1` that is not part of a number (or a name such as W1), then an opening bracket. */
const INDICATOR = /(^|[^\w.])1\s*([({[])/g;
const RELU_PRIME = /\brelu\s*'\s*\(/g;
/** `> 0` or `>= 0` right before a closing parenthesis. */
const POSITIVE_TEST = /\s*(?:>=|≥|>)\s*0(?:\.0*)?\s*\)/g;
/** `< 0` or `<= 0` right before a closing parenthesis. */
const NEGATIVE_TEST = /\s*(?:<=|≤|<)\s*0(?:\.0*)?\s*\)/g;

/** Rewrites each `(u > 0)` (or `(u < 0)` with `negate`) to a gate; inside step(...) only the test goes. */
function rewriteTests(text: string, test: RegExp, negate: boolean): string {
  let out = text;
  for (let guard = 0; guard < 100; guard++) {
    test.lastIndex = 0;
    const m = test.exec(out);
    if (!m) break;
    const close = m.index + m[0].length - 1;
    const open = matchingOpen(out, close);
    if (open < 0) break;
    const inside = out.slice(open + 1, m.index);
    const isStep = /step\s*$/.test(out.slice(0, open));
    const gate = negate ? `(-(${inside}))` : `(${inside})`;
    out = `${out.slice(0, open)}${isStep ? "" : "step"}${gate}${out.slice(close + 1)}`;
  }
  return out;
}

/** Rewrites every spelling of the indicator in `text` to `step(...)`. */
export function rewriteIndicators(text: string): string {
  let out = text.replace(RELU_PRIME, "step(");
  // `1{u}` and `1[u]`: braces and brackets would be objects and matrices to mathjs.
  for (let guard = 0; guard < 100; guard++) {
    INDICATOR.lastIndex = 0;
    const m = INDICATOR.exec(out);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    const close = matchingClose(out, open);
    if (close < 0) break;
    out = `${out.slice(0, m.index)}${m[1] ?? ""}step(${out.slice(open + 1, close)})${out.slice(close + 1)}`;
  }
  // `(u > 0)` is the indicator of u; inside step(...) the comparison is simply dropped.
  out = rewriteTests(rewriteTests(out, POSITIVE_TEST, false), NEGATIVE_TEST, true);
  // `relu(u) > 0` holds exactly where `u > 0`: step(relu(u)) would be 1 everywhere (relu(u) >= 0).
  return out.replace(/\bstep\(\s*relu\s*\(/g, "step((");
}
