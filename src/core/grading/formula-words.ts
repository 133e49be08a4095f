/**
 * Reads the small formulas students put in a prose reason as the claims they state, before the
 * text is lexed, so a rubric phrase can match them:
 * - a square, `g^2`, `g**2`, `g²`, `g*g`, `g_t^2`: "squared g";
 * - a change in one step, `Δw`, `Δθ`: "update";
 * - a sign, `g^2 >= 0`, `≥ 0`: "… is nonnegative"; `x<0`, `x > 0` (one letter): "negative x", "positive x";
 * - an accumulation, `cache += g**2`, `r = r + g*g`, `G_t = G_{t-1} + g_t^2`: "sum adds …",
 *   and the accumulator's other mentions ("cache only grows", `sqrt(r)`) read as "sum" (a counter,
 *   `i += 1`, is left alone).
 * Names keep their case while matched, so `G` (the sum) and `g` (the gradient) stay apart. Pure text
 * work, linear in the text; a rubric phrase goes through it too, so both sides agree.
 */

/** A subscript: `_t`, `_{t-1}`, `_i`. */
const SUB = String.raw`(?:_(?:\{[^{}\s]{1,8}\}|[A-Za-z0-9]{1,3}))?`;
const NAME = String.raw`([A-Za-z][A-Za-z0-9]{0,15})`;
const SQUARE = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*(?:\*\*\s*2|\^\s*\{?2\}?|²)(?![\w.])`, "g");
const SELF_PRODUCT = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*\*\s*\1${SUB}(?![\w.(])`, "g");
const NONNEGATIVE = /(?:\s+is)?\s*(?:>=|≥|=>)\s*0(?![\w.])/g;
const SIGN = /(?<![\w.])([A-Za-z])\s*([<>])\s*0(?![\w.=])/g;
// What is added must name something ("+= 1" is a counter, not a sum of values).
const ADDED = String.raw`(?=\s*[^\d\s])`;
const PLUS_EQUALS = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*\+=${ADDED}`, "g");
const SELF_SUM = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*(?::=|=|←|<-)\s*\1${SUB}\s*\+${ADDED}`, "g");

/** What the accumulator of an update is called in words. */
const ACCUMULATOR = "sum";

/** `text` with its formulas read as words (see the file comment); unchanged when it has none. */
export function formulasAsWords(typed: string): string {
  // "Δw ≈ 0": a change of a parameter in one step is its update.
  const text = typed.includes("Δ") ? typed.replace(/Δ\s*(?:[A-Za-zθ]\w*)/g, " update ") : typed;
  if (!/[=^²*<>≥]/.test(text)) return text;
  let out = text
    .replace(SQUARE, "squared $1")
    .replace(SELF_PRODUCT, "squared $1")
    .replace(NONNEGATIVE, " is nonnegative")
    .replace(SIGN, (_, v: string, sign: string) => `${sign === "<" ? "negative" : "positive"} ${v}`);
  const names = new Set<string>();
  const accumulates = (_: string, name: string) => {
    names.add(name);
    return `${ACCUMULATOR} adds`;
  };
  out = out.replace(PLUS_EQUALS, accumulates).replace(SELF_SUM, accumulates);
  for (const name of names) {
    out = out.replace(new RegExp(String.raw`(?<![\w.])${name}${SUB}(?![\w(])`, "g"), ACCUMULATOR);
  }
  return out;
}
