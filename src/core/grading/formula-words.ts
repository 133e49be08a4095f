/**
 * Reads the small formulas students put in a prose reason as the claims they state, before the
 * text is lexed, so a rubric phrase can match them:
 * - a square, `g^2`, `g**2`, `g²`, `g*g`, `g ⊙ g`, `g_t^2`: "squared g";
 * - a position, "at every (i,j)": "every position"; a summation sign, `Σ_{i≤t}`: "sum of";
 * - a change in one step, `Δw`, `Δθ`: "update"; a norm, `‖x − x′‖₂`, `||a-b||`: "L2 norm";
 * - a comparison with the previous step, `r_t ≥ r_{t-1}`: "so r never decreases";
 * - a sign, `g^2 >= 0`, `≥ 0`: "… is nonnegative"; `Var(g) > 0`: "the variance is positive"; `x<0`, `x > 0` (one letter): "negative x", "positive x";
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
const SELF_PRODUCT = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*[*⊙∘·×]\s*\1${SUB}(?![\w.(])`, "g");
/** A value compared with its own previous step, `≥ r_{t-1}`, `<= G_{k-1}`: how it moves from step to step. */
const SINCE_PREVIOUS = new RegExp(String.raw`(>=|≥|<=|≤)\s*${NAME}_\{?[a-z]\s*[-−–]\s*1\}?(?![\w.])`, "g");
const NONNEGATIVE = /(?:\s+is)?\s*(?:>=|≥|=>)\s*0(?![\w.])/g;
const SIGN = /(?<![\w.])([A-Za-z])\s*([<>])\s*0(?![\w.=])/g;
// What is added must name something ("+= 1" is a counter, not a sum of values).
const ADDED = String.raw`(?=\s*[^\d\s])`;
const PLUS_EQUALS = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*\+=${ADDED}`, "g");
const SELF_SUM = new RegExp(String.raw`(?<![\w.])${NAME}${SUB}\s*(?::=|=|←|<-)\s*\1${SUB}\s*\+${ADDED}`, "g");

/** A variance said to be above zero, `Var(ĝ) > 0`, `var[g] != 0`: the quantity is noisy. */
const POSITIVE_VARIANCE = /\bvar\s*[([][^()[\]]{1,30}[)\]]\s*(?:>|≠|!=)\s*0(?![\w.])/gi;

/** A norm, `‖x − x'‖₂`, `||a-b||_2`, `‖v‖`: with the 2 or without it, the Euclidean one. */
const NORM = /‖[^‖\n]{1,24}‖(?:\s*_?\s*\{?2\}?|₂)?|\|\|[^|\n]{1,24}\|\|(?:\s*_?\s*\{?2\}?|₂)?/g;

/** A summation sign with its limits: `Σ`, `∑_{i=1}^{N}`, `Σ_{τ≤t}`. */
const SUMMATION = /[Σ∑]\s*(?:_\s*(?:\{[^{}]{0,20}\}|[^\s{}]{1,8}))?(?:\s*\^\s*(?:\{[^{}]{0,20}\}|[^\s{}]{1,8}))?/g;

/** "every (i,j)", "each (x, y)": every position of a grid. */
const EVERY_INDEX_PAIR = /\b(every|each|all)\s*\(\s*[a-z]\s*,\s*[a-z]\s*\)/gi;

/** What the accumulator of an update is called in words. */
const ACCUMULATOR = "sum";

/** `text` with its formulas read as words (see the file comment); unchanged when it has none. */
export function formulasAsWords(typed: string): string {
  // "Δw ≈ 0": a change of a parameter in one step is its update.
  const changes = typed.includes("Δ") ? typed.replace(/Δ\s*(?:[A-Za-zθ]\w*)/g, " update ") : typed;
  // "‖x − x′‖₂ concentrates": the norm of a difference is the L2 distance.
  const normed = /‖|\|\|/.test(changes) ? changes.replace(NORM, " L2 norm ") : changes;
  // "the same kernel at every (i,j)": a pair of indices after "every" is a position.
  const placed = normed.replace(EVERY_INDEX_PAIR, "$1 position");
  // "Σ g² never shrinks", "Σ_{τ≤t} g_τ²": a summation sign, its limits dropped, is a sum.
  const text = /[Σ∑]/.test(placed) ? placed.replace(SUMMATION, " sum of ") : placed;
  if (!/[=^²*<>≥≤⊙]/.test(text)) return text;
  let out = text
    .replace(POSITIVE_VARIANCE, " the variance is positive ")
    .replace(SINCE_PREVIOUS, (_, sign: string, name: string) => `, so ${name} never ${/[>≥]/.test(sign) ? "decreases" : "increases"} `)
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
