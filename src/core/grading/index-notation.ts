import { perClassFromWords } from "./per-class-words.ts";

/**
 * Reads a gradient written per class, as a sum over the examples, in the question's matrix form:
 * `dL/dw_k = Σ_i (p_ik − 1{y_i = k}) x_i` is row k of `(softmax(A) − Y) X'`, and
 * `dL/db_k = Σ_i (p_ik − 1{y_i = k})` is entry k of `sum(softmax(A) − Y, 2)`; per example with
 * vectors, `dW = Σ_i (p_i − y_i) x_iᵀ` is `(softmax(A) − Y) X'` too.
 * - the example index in any spelling: `x_i`, `x_{i}`, `x^{(i)}`, `x^(i)`, `\mathbf{x}_i`;
 * - the sum: `Σ_i`, `\sum_i`, `\sum_{i=1}^m`, `sum_i`, "sum over i of";
 * - the predicted probability: `p_ik`, `p_{ik}`, `p_k(x_i)`, `p_k` (inside the sum), `softmax_k(x_i)`, `softmax(a(x_i))_k`,
 *   `σ(a(x_i))_k`, `ŷ_ik`, or `e^{a_k(x_i)} / Σ_j e^{a_j(x_i)}` (also as the definition of `p` in a
 *   `where` clause; a `p` defined as anything else is left unread);
 * - the label indicator: `1[y_i = k]`, `1{y_i = k}`, `𝟙(k = y_i)`, `δ_{k,y_i}`, `[y_i = k]`, `y_ik`, and
 *   per example the one-hot vector `y_i`, `e_{y_i}`;
 * - the labels: `dL/dw_k`, `∂L/∂w_k`, `\nabla_{w_k} L`, `∇_{b_k} L`.
 * It applies only when the question declares the matrices it maps to: the examples `X` (columns
 * x_i), the scores `A` (entries a_k(x_i)) and a one-hot label matrix. Pure text work.
 */

const SPACE = String.raw`\s*`;
const IDX = String.raw`(?:_\s*\{\s*\(?\s*i\s*\)?\s*\}|_\s*\(\s*i\s*\)|_\s*i\b|\^\s*\{\s*\(\s*i\s*\)\s*\}|\^\s*\(\s*i\s*\)|ᵢ|⁽ⁱ⁾)`;

/** LaTeX markup and index spellings, so the patterns below see one form. */
function tidyIndices(text: string): string {
  return text
    .replace(/\\(?:mathbf|boldsymbol|bm|vec|mathrm|text|operatorname)\s*\{([^{}]*)\}/g, "$1")
    .replace(/\\hat\s*\{\s*y\s*\}|\\hat\s+y/g, "ŷ")
    .replace(/\\(?:left|right|,|;|!|quad)/g, " ")
    .replace(/\\mathbb\s*\{\s*1\s*\}|\\mathbb\s+1|𝟙/g, "1")
    .replace(/\\sigma\b/g, "σ")
    // The exponential spelled as a function, `exp(a_k(x_i))`, `\exp(…)`, `e^(a_k)`: the `e^{…}` the patterns read.
    .replace(/\\?\bexp\s*\(\s*(a_[kj](?:\s*\(\s*[xX][^()]*\))?)\s*\)/g, "e^{$1}")
    .replace(/\be\s*\^\s*\(\s*(a_[kj](?:\s*\(\s*[xX][^()]*\))?)\s*\)/g, "e^{$1}")
    .replace(/\b([xX])\s*\^\s*\{\s*\(\s*i\s*\)\s*(?:T|\\top|⊤)\s*\}/g, "x_i^T")
    .replace(new RegExp(String.raw`\b([xyXY])${SPACE}${IDX}`, "g"), (_, v: string) => `${v.toLowerCase()}_i`)
    .replace(/_\s*\{\s*([ik])\s*,?\s*([ik])\s*\}/g, "_$1$2")
    .replace(/_\s*\{\s*([a-z])\s*\}/g, "_$1")
    .replace(/(?:\\sum|∑|Σ|\bsum)\s*_\s*\{?\s*([ij])\s*(?:=\s*1\s*)?\}?\s*(?:\^\s*\{?\s*\w+\s*\}?)?/g, "Σ_$1 ")
    .replace(/\bsum\s+over\s+(?:all\s+)?(?:the\s+)?(?:examples\s+|samples\s+)?i\s+(?:of\s+)?/gi, "Σ_i ");
}

/** The softmax probability of class k for example i, in the spellings of the file comment. */
// The score's argument may be left out in a definition: `p_k = e^{a_k}/Σ_j e^{a_j}`.
const SOFTMAX_RATIO = String.raw`e${SPACE}\^${SPACE}\{?${SPACE}a_k(?:${SPACE}\(${SPACE}x(?:_i)?${SPACE}\))?${SPACE}\}?${SPACE}/${SPACE}\(?${SPACE}Σ_j${SPACE}e${SPACE}\^${SPACE}\{?${SPACE}a_j(?:${SPACE}\(${SPACE}x(?:_i)?${SPACE}\))?${SPACE}\}?${SPACE}\)?`;
const SOFTMAX_FRAC = String.raw`\\frac${SPACE}\{${SPACE}e${SPACE}\^${SPACE}\{?${SPACE}a_k${SPACE}\(${SPACE}x(?:_i)?${SPACE}\)${SPACE}\}?${SPACE}\}${SPACE}\{${SPACE}Σ_j${SPACE}e${SPACE}\^${SPACE}\{?${SPACE}a_j${SPACE}\(${SPACE}x(?:_i)?${SPACE}\)${SPACE}\}?${SPACE}\}`;
const SCORES = String.raw`(?:a${SPACE}\(${SPACE}x_i${SPACE}\)|a_i|x_i)`;
const PROBABILITY = new RegExp([
  String.raw`\b[pP]_(?:ik|ki)\b`,
  String.raw`\b[pP]_k${SPACE}\(${SPACE}x_i${SPACE}\)`,
  // Inside a sum over the examples, `p_k` with its example left implicit.
  String.raw`\b[pP]_k\b(?!${SPACE}[(_])`,
  String.raw`(?:\bsoftmax|σ|\bsigma|\bs)_k${SPACE}\(${SPACE}${SCORES}${SPACE}\)`,
  String.raw`(?:\bsoftmax|σ|\bsigma|\bs)${SPACE}\(${SPACE}${SCORES}${SPACE}\)${SPACE}_${SPACE}k\b`,
  String.raw`ŷ_(?:ik|ki)\b`,
  String.raw`ŷ_k${SPACE}\(${SPACE}x_i${SPACE}\)`,
  SOFTMAX_FRAC,
  SOFTMAX_RATIO,
  // Per example, the whole vector of probabilities: p_i, ŷ_i, softmax(a(x_i)), softmax(W x_i + b).
  String.raw`\b[pP]_i\b`,
  String.raw`ŷ_i\b`,
  String.raw`\bsoftmax${SPACE}\(${SPACE}(?:${SCORES}|W${SPACE}x_i${SPACE}\+${SPACE}b)${SPACE}\)(?!${SPACE}_)`,
].join("|"), "g");
const INDICATOR = new RegExp([
  String.raw`(?:\b1|\bI|δ)${SPACE}[[{(]${SPACE}(?:y_i${SPACE}={1,2}${SPACE}k|k${SPACE}={1,2}${SPACE}y_i)${SPACE}[\]})]`,
  String.raw`\[${SPACE}(?:y_i${SPACE}={1,2}${SPACE}k|k${SPACE}={1,2}${SPACE}y_i)${SPACE}\]`,
  String.raw`δ_${SPACE}\{?${SPACE}(?:k${SPACE},?${SPACE}y_i|y_i${SPACE},?${SPACE}k)${SPACE}\}?`,
  String.raw`\by_(?:ik|ki)\b`,
  // Per example, the one-hot vector of the label: y_i, e_{y_i}, onehot(y_i).
  String.raw`\be_${SPACE}\{?${SPACE}y_i${SPACE}\}?`,
  String.raw`\bone_?hot${SPACE}\(${SPACE}y_i${SPACE}\)`,
  String.raw`\by_i\b`,
].join("|"), "g");
/** A `where` clause that defines the probability as the softmax ratio: the definition is read, then dropped. */
const SOFTMAX_DEFINITION = new RegExp(String.raw`(?:[,\s]*\b(?:where|with)\s+|\s*[,;]\s*)[pP]_(?:ik|ki|k(?:${SPACE}\(${SPACE}x(?:_i)?${SPACE}\))?)${SPACE}=${SPACE}(?:${SOFTMAX_FRAC}|${SOFTMAX_RATIO})`, "g");
const LABEL = /(?:\bd\s*L\s*\/\s*d|∂\s*L\s*\/\s*∂|\\partial\s*L\s*\/\s*\\partial)\s*([wWbB])\s*_\s*\{?\s*k(?:\s*\})?|(?:\\nabla|∇)\s*_\s*\{?\s*([wWbB])\s*_\s*\{?\s*k\s*\}?\s*\}?\s*(?:L|\\mathcal\s*\{\s*L\s*\})(?![\w(])/g;

const PROB = "⟨P⟩";
const HOT = "⟨Y⟩";
const GROUP = String.raw`\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)`;
/** Square brackets as grouping, `[p_k(x_i) − 1(y_i = k)] x_i`, one level deep. */
const SQUARE = String.raw`\[(?:[^[\]()]|\([^()]*\))*\]`;
const TERM = String.raw`(?:${GROUP}|${SQUARE}|⟨[PY]⟩)`;
const TRANSPOSED = String.raw`(?:${SPACE}(?:\^${SPACE}\{?${SPACE}(?:T|\\top)${SPACE}\}?|ᵀ|⊤|'))?`;
const TIMES_X = new RegExp(String.raw`(${TERM})${SPACE}(?:·|\*|\\cdot|×)?${SPACE}x_i${TRANSPOSED}(?![\w(])`, "g");

/** The names the per-class form maps to, or undefined when the question has no such matrices. */
export interface MatrixNames {
  examples: string;
  scores: string;
  onehot: string;
}

/** The question's matrices for the per-class form: `X` and `A` when declared, and its one-hot label matrix. */
export function matrixNames(declared: ReadonlySet<string>, onehot: string | undefined): MatrixNames | undefined {
  return declared.has("X") && declared.has("A") && onehot ? { examples: "X", scores: "A", onehot } : undefined;
}

/** A sum over the examples as a matrix expression, or undefined when its summand is not read. */
function sumAsMatrix(summand: string, names: MatrixNames): string | undefined {
  const body = summand.trim();
  const expand = (s: string) => s.split(PROB).join(`softmax(${names.scores})`).split(HOT).join(names.onehot);
  if (/x_i/.test(body)) {
    const product = body.replace(TIMES_X, (_, term: string) => `${term.replace(/^\[([\s\S]*)\]$/, "($1)")} * ${names.examples}'`);
    if (/x_i|Σ|_[ikj]\b/.test(product)) return undefined;
    return expand(product);
  }
  if (/Σ|_[ikj]\b/.test(body)) return undefined;
  return `sum(${expand(body)}, 2)`;
}

/** The per-class form of `text` in the question's matrix form (see the file comment); unchanged if none. */
export function perClassAsMatrix(text: string, names: MatrixNames | undefined): string {
  if (!names) return text;
  // The same form described entirely in words (per-class-words.ts), when every part of it is read.
  const source = perClassFromWords(text) ?? text;
  if (!/Σ|∑|\\sum|\bsum(?:\b|_)/.test(source)) return text;
  let out = tidyIndices(source).replace(SOFTMAX_DEFINITION, (d) => (d.includes("\n") ? "\n" : "")).replace(PROBABILITY, PROB).replace(INDICATOR, HOT);
  out = out.replace(LABEL, (_, v?: string, nabla?: string) => ((v ?? nabla ?? "").toLowerCase() === "w" ? "dL/dW" : "dL/db"));
  // Each sum runs to the end of its statement: a `;`, a line, a comma or full stop before the next label,
  // or a comma before an alternative the student denies ("…, not Σ_i p_ik x_i"), itself read as a sum.
  return out.replace(/Σ_i\s*([^;\n]*?)(?=\s*(?:[;\n]|[,.]\s+(?:and\s+)?dL\/d|[,.]?\s+and\s+dL\/d|,\s*(?:not|rather\s+than|instead\s+of)\s|\.\s|\.?$))/g, (whole, summand: string) => sumAsMatrix(summand, names) ?? whole);
}
