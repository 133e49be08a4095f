/**
 * Tidies a formula answer of what is said around the formula rather than as it, before the formula
 * reader picks the answer:
 * - LaTeX a student pastes that only sets the type: `\big(`, `\Bigr)`, `\left(`, `\tfrac`, `\dfrac`,
 *   spacing (`\,`, `\quad`); `\mathbb{1}` is the indicator `1`;
 * - a set the result belongs to, said after it: `z - y ∈ ℝ^m`, `… \in \mathbb{R}^{m}`: a remark on
 *   its shape, not part of the value;
 * - a formula rejected before (or after) the answer: "not 2(z - y), the ½ cancels the 2. so it's
 *   z - y", "it's not mn + ml. total = …": the clause that denies a formula is dropped, so the
 *   affirmed one is read;
 * - a formula said to be PART of something, "so z - y appears in it", "z - y shows up in the loss":
 *   a claim about a piece of an expression, never the answer. The clause is dropped (the rest is
 *   read) and the answer is flagged, so a TA looks at it when it does not earn full credit.
 * Pure text work; `hasMath` says whether a clause holds a formula at all.
 */

export interface Remarks {
  text: string;
  /** A formula was named as a part of something ("z - y appears in it"), not given as the answer. */
  aboutAPart: boolean;
}

/** LaTeX that sets the type and means nothing: sizes of brackets, spacing. */
const SIZING = /\\(?:[bB]ig{1,2}|[bB]igg)[lrm]?(?=\s*[()[\]{}|.\\])|\\(?:left|right)(?=\s*[()[\]|.])|\\[,;:!](?![A-Za-z])|\\q?quad\b/g;

function plainLatex(text: string): string {
  return text
    .replace(SIZING, " ")
    .replace(/\\left\\\{|\\right\\\}/g, " ")
    .replace(/\\[dt]frac(?![A-Za-z])/g, "\\frac")
    // `W_2^\top\frac{…}` would run the transpose into the name after it once \frac is read.
    .replace(/\^\s*(?:\{\s*\\top\s*\}|\\top(?![A-Za-z]))/g, "' ")
    .replace(/\\odot(?![A-Za-z])/g, " ⊙ ")
    // The elementwise product typed in words or as a circled dot: `(.)`, `(hadamard)`, `(elementwise)`.
    .replace(/\(\s*(?:\.|o|hadamard|elementwise|element-wise)\s*\)/gi, " ⊙ ")
    .replace(/\\mathbb\s*\{\s*1\s*\}|\\mathbb\s+1(?!\d)|𝟙/g, "1");
}

/** A set after the result: `∈ ℝ^m`, `\in \mathbb{R}^{m \times 1}`, `in R^(m)`, up to the end of its statement. */
const IN_SET = /\s*(?:∈|\\in(?![A-Za-z])|\s+in\s+(?=ℝ|R\s*\^|\\mathbb))\s*(?:ℝ|\\mathbb\s*\{\s*R\s*\}|\\R(?![A-Za-z])|R(?![A-Za-z]))(?:\s*\^\s*(?:\{[^{}]*\}|\([^()]*\)|[A-Za-z0-9]+(?:\s*(?:×|x|\\times)\s*[A-Za-z0-9]+)?))?(?=\s*(?:$|[;,.\n]))/g;

/** The same result restated in code, in brackets: `(np: dz = z - y)`, `(in numpy: …)`. */
const CODE_ASIDE = /\(\s*(?:in\s+)?(?:np|numpy|python|code|torch)\s*:(?:[^()]|\([^()]*\))*\)/gi;
/** A code comment after a statement, `db = … # (p,)`: a remark (a shape, a name) up to the end of its line. */
const CODE_COMMENT = /(?<=\S[^\n#]*)\s+#[^\n]*/g;

/** A clause that rejects a formula: "not 2(z - y)", "it's not mn + ml", "rather than …". */
const DENIAL = /(?:^|(?<=[,;:.\n]))\s*(?:(?:it'?s|it\s+is|that'?s|that\s+is|the\s+answer\s+is|answer\s+is|this\s+is)\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:just\s+|simply\s+)?([^,;.\n]*?)(?=\s*(?:[,;\n]|\.\s|\.?$|\s+but\s))/gi;

/** A predicate that makes the formula before it part of something: "… appears in it". */
const PART_OF = /\b(?:appears?|shows?\s+up|occurs?|is\s+(?:inside|contained|part\s+of|a\s+(?:factor|term)\s+of)|(?:is|are)\s+in\s+(?:it|there|the\s+loss))\b/i;

/** The remarks of `typed` removed (see the file comment); `hasMath` tells a formula from words. */
export function readRemarks(typed: string, hasMath: (clause: string) => boolean): Remarks {
  let text = plainLatex(typed).replace(CODE_ASIDE, " ").replace(CODE_COMMENT, "").replace(IN_SET, "");
  const kept = text.replace(DENIAL, (clause, denied: string) => (hasMath(denied) ? "" : clause));
  // A denial alone is still read (and not credited): nothing would be left to grade otherwise.
  if (hasMath(kept)) text = kept.replace(/^[\s,;.]*(?:but\s+)?/i, "").replace(/\s+but\s+(?=\S)/i, " ");
  let aboutAPart = false;
  // "…, so z - y appears in it": the clause from its conjunction (or the start of its sentence) goes.
  const sentences = text.split(/(?<=[;\n]|\.\s)/);
  const tidy = sentences.map((sentence) => {
    const m = PART_OF.exec(sentence);
    if (!m) return sentence;
    const before = sentence.slice(0, m.index);
    const cut = Math.max(before.search(/(?:,\s*|\s+)(?:so|and|thus|hence|therefore|which\s+means)\s+[^,]*$/i), 0);
    aboutAPart = true;
    return sentence.slice(0, cut);
  });
  // When nothing is left, no answer was given: only a claim about a part.
  if (aboutAPart) return { text: tidy.join("").trim().replace(/[\s,;.]+$/, ""), aboutAPart };
  return { text: text.trim() === "" ? typed : text.trim(), aboutAPart };
}
