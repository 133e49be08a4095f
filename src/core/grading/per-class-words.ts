/**
 * Reads the per-class gradient of the softmax loss (1c) described entirely in words, into the index
 * form index-notation.ts reads: "for class k's weights: add up over the examples (the predicted
 * probability of k minus one if k is the label) times the example's input; the bias is the same
 * without the input" is `dL/dw_k = Σ_i (p_ik - 1{y_i = k}) x_i; dL/db_k = Σ_i (p_ik - 1{y_i = k})`.
 *
 * Words are read by pattern, so a reading always goes to a TA (the per-class review of the blanks
 * grader). Each part is read from what it says, never guessed:
 * - the sum over the examples must be said ("add up over the examples", "summed over all samples",
 *   "go over every training example … add everything up"); one example alone is not the gradient;
 * - the predicted probability of k ("the probability the model gives to class k", "softmax
 *   probability of k", "how confident the model is in k");
 * - the label term, subtracted after the probability ("minus one if k is the true class", "subtract
 *   one if k is that example's label"); left out, the part reads without it (a near miss);
 * - the input ("times that example's input", "multiply by the example's input vector", "scaled by the
 *   example's input"); the bias "the same … without the input" is the weights' summand without it.
 * Undefined when the words are not all read, when a part says something else is multiplied in ("times
 * the score"), or when the answer denies or hedges ("not", "doesn't", "maybe"): those stay for a TA.
 */

const WEIGHTS = /\b(?:(?:the\s+)?weight(?:s|\s+vector)\s+(?:of|for)\s+(?:any\s+|each\s+)?(?:class\s+)?k\b|class\s+k'?s\s+weights|w_k\b)/i;
const BIAS = /\b(?:(?:the\s+)?(?:bias|offset)(?:es)?(?:\s+(?:of|for)\s+(?:class\s+)?k\b)?|class\s+k'?s\s+(?:bias|offset)|b_k\b)/i;
const SUM = /\b(?:add(?:ed)?\s+(?:\w+\s+){0,2}(?:up\s+)?over|sum(?:med)?\s*,?\s+over|sum(?:med)?\s+across|summed\s+(?:up\s+)?over|(?:go|going)\s+(?:over|through)\s+(?:every|each|all)|the\s+sum\s+over|total\s+over|across\s+(?:all\s+)?the\s+examples)\b/i;
const PROBABILITY = /\b(?:(?:predicted|softmax|model'?s?)\s+)?probabilit(?:y|ies)\s+(?:(?:the\s+model\s+(?:gives|puts|assigns)\s+(?:to|on)\s+)|of\s+)?(?:class\s+)?k\b|\bhow\s+confident\s+the\s+model\s+is\s+in\s+(?:class\s+)?k\b/i;
/** The label term subtracted: "minus one if k is the label", "subtract one when k is that example's correct class". */
const SEP = String.raw`(?:\s*-\s*|\s+)`;
const LABEL_TERM = new RegExp(String.raw`\b(?:minus|subtract(?:ing)?|less)\s*\(?\s*(?:one|1)${SEP}(?:if|when|where)${SEP}k${SEP}(?:is|happens\s+to\s+be|equals)${SEP}(?:(?:the|that\s+example'?s|its)${SEP})?(?:(?:true|correct|right|actual)${SEP})?(?:label|class)\b|\bminus\s+\(?\s*whether\s+k\s+is\s+(?:actually\s+)?the\s+(?:right|true|correct)\s+(?:answer|label|class)`, "i");
const LABEL_MENTION = /\b(?:one|1)\W+(?:if|when|where)\W+k\b|\bwhether\s+k\b|\bk\W+(?:is|equals|happens\s+to\s+be)\W+(?:\w+\W+){0,3}(?:label|class)\b/i;
const INPUT = /\b(?:times|multipl(?:y|ied)\s+(?:that\s+number\s+|it\s+)?(?:by|with)|scaled\s+by)\s+(?:that\s+|the\s+|each\s+)?(?:example'?s\s+|sample'?s\s+)?input(?:\s+vector)?(?:\s+x)?(?:\s+of\s+that\s+(?:example|sample))?\b/i;
const SAME_WITHOUT_INPUT = /\b(?:the\s+)?(?:same|exact\s+same)\b[^.;]*?\b(?:without|no)\s+(?:the\s+|multiplying\s+by\s+the\s+|any\s+)?(?:input|x)\b/i;
/** A denial, a hedge or a product with something other than the input: not read here. */
const UNSURE = /\b(?:not|n't|doesn'?t|don'?t|drops?\s+out|maybe|perhaps|score\s+of)\b/i;

/** The summand of one part, in index form, or undefined when it is not read. */
function summand(part: string, withInput: boolean): string | undefined {
  if (!SUM.test(part) || !PROBABILITY.test(part)) return undefined;
  const label = LABEL_TERM.exec(part);
  // The label spoken of some other way ("plus one if k is the label", "one minus the probability of k
  // if k is the label"): a claim this reading does not know, left for a TA.
  if (!label && LABEL_MENTION.test(part)) return undefined;
  // The label term comes after the probability: "one minus the probability" is a different claim.
  if (label && label.index < (PROBABILITY.exec(part)?.index ?? 0)) return undefined;
  const core = label ? "(p_ik - 1{y_i = k})" : "p_ik";
  return withInput ? `${core} x_i` : core;
}

/** The index form of an answer in words (see the file comment), or undefined when it is not read. */
export function perClassFromWords(text: string): string | undefined {
  if (UNSURE.test(text) || /[Σ∑]|\\sum/.test(text)) return undefined;
  const weightsAt = text.search(WEIGHTS);
  const rest = weightsAt < 0 ? "" : text.slice(weightsAt);
  const biasAt = rest.slice(1).search(BIAS) + 1;
  if (weightsAt < 0 || biasAt <= 0) return undefined;
  const weights = rest.slice(0, biasAt);
  const bias = rest.slice(biasAt);
  if (!INPUT.test(weights)) return undefined;
  const dw = summand(weights, true);
  if (dw === undefined) return undefined;
  const db = SAME_WITHOUT_INPUT.test(bias) ? dw.replace(/ x_i$/, "") : INPUT.test(bias) ? undefined : summand(bias, false);
  return db === undefined ? undefined : `dL/dw_k = Σ_i ${dw}; dL/db_k = Σ_i ${db}`;
}
