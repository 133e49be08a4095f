import { createRequire } from "node:module";

/**
 * Whether an answer states anything, read with wink-nlp's English model (parts of speech): an answer
 * whose every sentence lacks a verb is a list of terms ("curse of dimensionality, slow, test time"),
 * which names the rubric's words without claiming anything about them. The model (~30 MB, ~0.15 s)
 * loads once per process (each grading worker), on the first answer that needs it.
 */

interface WinkDoc {
  tokens(): { out(what: unknown): string[] };
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

const VERB_TAGS = new Set(["VERB", "AUX"]);
/** Verb forms the model may tag as nouns or adjectives in a terse answer ("grows", "saturates"). */
const VERB_LIKE = /\b(?:is|are|was|were|be|has|have|had|does|do|did|can|will|would|should|could|must|may|might|isn't|aren't|doesn't|don't|won't|can't)\b|n't\b/i;

/** Longest item of a bare list, in words: anything longer is read as a statement. */
const MAX_TERM_WORDS = 4;

/**
 * True when `text` states something rather than listing terms: some item (between commas, `;`,
 * `+`, "and" or sentence ends) is longer than a term, or some word is a verb.
 */
export function statesAClaim(text: string): boolean {
  if (VERB_LIKE.test(text)) return true;
  const items = text.split(/[.,;:!?\n+&/]|\band\b/i).map((i) => i.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length);
  if (items.some((n) => n > MAX_TERM_WORDS)) return true;
  const pos = winkNlp().readDoc(text).tokens().out(winkNlp().its.pos);
  return pos.some((p) => VERB_TAGS.has(p));
}
