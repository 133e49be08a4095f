import { createRequire } from "node:module";

/**
 * Whether an answer states anything, read with wink-nlp's English model (parts of speech): an answer
 * whose every sentence lacks a verb is a list of terms ("curse of dimensionality, slow, test time"),
 * which names the rubric's words without claiming anything about them. The model (~30 MB, ~0.15 s)
 * loads once per process (each grading worker), on the first answer that needs it.
 */

interface WinkDoc {
  tokens(): { out(what?: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown };
}

let nlp: Wink | undefined;

function winkNlp(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown) => Wink;
    nlp = winkNLP(require("wink-eng-lite-web-model"));
  }
  return nlp;
}

/**
 * Loads the English model now rather than on the first short answer: short answers are graded on
 * the bot's thread, and a first load there (0.15 s quiet, seconds under load) would hold every
 * other reply back, past Discord's 3 seconds.
 */
export function prepareClaimReading(): void {
  winkNlp();
}

/** The part of speech (Universal Dependencies tag) of the first word of `text`, read in context. */
export function firstWordTag(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  return winkNlp().readDoc(text).tokens().out(winkNlp().its.pos)[0];
}

const VERB_TAGS = new Set(["VERB", "AUX"]);
/** Verb forms the model may tag as nouns or adjectives in a terse answer ("grows", "saturates"). */
const VERB_LIKE = /\b(?:is|are|was|were|be|has|have|had|does|do|did|can|will|would|should|could|must|may|might|isn't|aren't|doesn't|don't|won't|can't)\b|n't\b/i;

/**
 * A claim without a verb the model sees: a degree word before a word ("lr too small", "way too low"),
 * or a chat "its" for "it's" ("its for generalization").
 */
const JUDGEMENT = /\btoo\s+\p{L}|\bits\s+(?:for|to|a|an|the|not|because|about|like|just|only|so|too|more|less)\b/iu;

/** Longest item of a bare list, in words: anything longer is read as a statement if it has grammar. */
const MAX_TERM_WORDS = 4;
/** Words that tie others into a sentence; a keyword salad has none ("hash function load factor resize"). */
const FUNCTION_TAGS = new Set(["DET", "ADP", "PRON", "AUX", "SCONJ", "CCONJ", "PART"]);
/** Common function words, a fast stand-in for the model's tags in FUNCTION_TAGS. */
const FUNCTION_WORD = /\b(?:the|a|an|of|to|in|on|at|for|with|from|by|it|its|they|we|you|i|that|this|if|when|so|because|than|but|or|not)\b/i;
/** A relation between terms states something: "left < node < right", "n -> 2n", "batch ≠ all → ≈". */
const RELATION = /[<>=≤≥≠→⇒≈≫≪↑↓]/;
/** A verb that agrees or is tensed ("grows", "resized"), not a bare term the model calls a verb ("learning rate"). */
const INFLECTED = /(?:[^s]s|ed)$/i;

/** Fewest words of a keyword run: a shorter unpunctuated answer may be a terse claim ("lr too small"). */
const MIN_RUN_WORDS = 8;
/** Words that tie a sentence together; a keyword run has none of them (a "not" or "too" may be a term's). */
const BINDING_WORD = /\b(?:the|a|an|of|to|in|on|at|for|with|from|by|it|its|they|we|you|i|that|this|if|when|so|because|than|but|or|and|is|are|was|were|be|has|have|does|do|can|will|would|should|since|as)\b/i;
const BINDING_TAGS = new Set(["DET", "ADP", "PRON", "AUX", "SCONJ", "CCONJ"]);

/**
 * "overfitting underfitting overtrained not enough data too complex noisy": many words with no
 * punctuation and nothing binding them (no article, preposition, pronoun, auxiliary or conjunction)
 * are terms run together, whatever verb-like words they hold.
 */
function isKeywordRun(text: string): boolean {
  // "sums g² → denom only ↑ → lr only ↓": symbols relating terms state something.
  if (/[.,;:!?()\n=<>]/.test(text) || RELATION.test(text) || BINDING_WORD.test(text)) return false;
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < MIN_RUN_WORDS) return false;
  return !winkNlp().readDoc(text).tokens().out(winkNlp().its.pos).some((p) => BINDING_TAGS.has(p));
}

/**
 * True when `text` states something rather than listing terms: some item (between commas, `;`,
 * `+`, "and" or sentence ends) is longer than a term, or some word is a verb. Without a single
 * function word, a text is a list even without commas, unless a verb in it is inflected or agrees
 * with a plural noun before it, or it relates terms with a symbol: wink tags terms such as "stack",
 * "resize" or "backtrack" as verbs.
 */
export function statesAClaim(text: string): boolean {
  if (isKeywordRun(text)) return false;
  if (VERB_LIKE.test(text) || JUDGEMENT.test(text) || RELATION.test(text)) return true;
  const items = text.split(/[.,;:!?\n+&/]|\band\b/i).map((i) => i.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length);
  const long = items.some((n) => n > MAX_TERM_WORDS);
  // The common case, a sentence with its little words, is told without the model.
  if (long && FUNCTION_WORD.test(text)) return true;
  const tokens = winkNlp().readDoc(text).tokens();
  const words = tokens.out();
  const pos = tokens.out(winkNlp().its.pos);
  const grammar = pos.some((p) => FUNCTION_TAGS.has(p));
  // "keys go left": a base verb after a plural noun agrees with it, so it is a verb, not a term.
  const agrees = (i: number) => i > 0 && pos[i - 1] === "NOUN" && /[^s]s$/i.test(words[i - 1] ?? "");
  // A verb alone between commas is a term of the list ("amortized, geometric, doubling").
  const listed = items.filter((n) => n > 0).length > 1;
  const alone = (i: number) => listed && (i === 0 || pos[i - 1] === "PUNCT") && (i === pos.length - 1 || pos[i + 1] === "PUNCT");
  // "denominator monotonically increasing": a verb after a manner adverb is a predicate, not a term.
  const described = (i: number) => i > 0 && pos[i - 1] === "ADV" && /ly$/i.test(words[i - 1] ?? "");
  const statedVerb = pos.some((p, i) => VERB_TAGS.has(p) && !alone(i) && (INFLECTED.test(words[i] ?? "") || agrees(i) || described(i)));
  if (!grammar) return statedVerb;
  // "..., euclidean, overfitting, bias": a verb form alone between commas is a term there too.
  return long || pos.some((p, i) => VERB_TAGS.has(p) && !alone(i));
}
