/**
 * Clauses that assert a claim and its opposite at once, read as claiming nothing: "it could work or
 * could not", "maybe it is too slow or maybe fast enough". Each becomes the word "unsure", as a
 * stated doubt does (see text-lexer.ts). A plain choice between two words ("scale up or down",
 * "make it bigger or smaller") is an answer, not a hedge: two opposites count as a hedge only with
 * a word of doubt in the sentence.
 */

/** Pairs of opposites in general English, either way round (compared on their first letters). */
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ["slow", "fast"], ["slow", "quick"], ["small", "large"], ["small", "big"], ["low", "high"], ["few", "many"],
  ["less", "more"], ["increas", "decreas"], ["grow", "shrink"], ["work", "fail"], ["good", "bad"],
  ["better", "worse"], ["help", "hurt"], ["true", "false"], ["right", "wrong"], ["meaningful", "meaningless"],
  ["cheap", "expensive"], ["easy", "hard"], ["stable", "unstable"],
];

/**
 * Words of doubt that make "A or B" an open question rather than a choice. A single "maybe" may
 * offer a suggestion ("maybe make them bigger or smaller"); "maybe A or maybe B" leaves it open.
 */
const DOUBT = /\b(?:depends|depending|guess|not sure|unsure|hard to say|who knows|idk|dunno)\b|\b(?:maybe|perhaps|possibly)\b.*\bor\s+(?:maybe|perhaps|possibly)\b/;

/**
 * "… or could not", "… or maybe not", "… or it doesn't": the clause ends by denying what it said. (A
 * bare "saturates or not" drops just its word: see verdictsInFront in text-lexer.ts.)
 */
const OR_NOT = /\bor\s+(?:(?:maybe|perhaps)\s+(?:it\s+|they\s+)?(?:(?:could|might|may|can|does|do|is|are|will|would)\s*)?|(?:it\s+|they\s+)?(?:could|might|may|can|does|do|is|are|will|would)\s*)(?:not|n't)\s*$/;

const wordsOf = (clause: string) => clause.split(/[^\p{L}]+/u).filter((w) => w !== "");

function opposes(a: string, b: string): boolean {
  return OPPOSITES.some(([x, y]) => (a.startsWith(x) && b.startsWith(y)) || (a.startsWith(y) && b.startsWith(x)));
}

/** True when a clause joins a word and its opposite with "or" ("too slow or fast enough"). */
function joinsOpposites(clause: string): boolean {
  const at = clause.search(/\bor\b/);
  if (at < 0) return false;
  const before = wordsOf(clause.slice(0, at));
  const after = wordsOf(clause.slice(at + 2));
  return before.some((a) => after.some((b) => opposes(a, b)));
}

/**
 * `text` (lowercase) with every clause that says both ways replaced by "unsure": one that ends by
 * denying itself, or one that joins opposites in a sentence that voices a doubt.
 */
export function bothWaysAsUnsure(text: string): string {
  if (!/\bor\b/.test(text)) return text;
  return text.replace(/[^.;!?\n]+/g, (sentence) => {
    const doubt = DOUBT.test(sentence);
    return sentence.replace(/[^,:]+/g, (clause) => (OR_NOT.test(clause.trimEnd()) || (doubt && joinsOpposites(clause)) ? " unsure " : clause));
  });
}
