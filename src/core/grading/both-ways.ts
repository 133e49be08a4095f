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
 * Two answers offered side by side: "either A or B", "maybe A or maybe B", "A or maybe B", "A / B / C". With a
 * doubt about which (see OPEN_CHOICE) the student has not chosen.
 */
const ALTERNATIVES = /\beither\b.*\bor\b|\b(?:maybe|perhaps|possibly)\b.*\bor\b|\bor\s+(?:maybe|perhaps|possibly)\b|\p{L}\s*\/\s*\p{L}[^/]*\/\s*\p{L}/u;

/**
 * Doubt about which of two answers holds: "not sure which", "one of those", "probably the second". A
 * bare question mark is not one: "add noise? or change the brightness" offers two suggestions.
 */
const OPEN_CHOICE = /\bnot sure which\b|\bwhich one\b|\bone of (?:those|these|them|the two)\b|\b(?:probably|prob) the (?:first|second|latter|former)\b/;

/** An afterthought that voices a doubt about the sentence before it ("… or B?? not sure which"). */
const DOUBT_AFTER = /^\s*(?:not sure|unsure|idk|dunno|hard to say|who knows|one of (?:those|these|them|the two)|probably the)\b/;

/**
 * `text` (lowercase) with every clause that says both ways replaced by "unsure": one that ends by
 * denying itself, one that joins opposites in a sentence that voices a doubt, or one that offers two
 * answers with a doubt about which ("either overfitting or underfitting, hard to say"; "maybe
 * rotate? or maybe flip? not sure"). A question mark right before "or" continues the sentence.
 */
export function bothWaysAsUnsure(text: string): string {
  if (!/\bor\b|\//.test(text)) return text;
  // "¿" stands for a question mark before "or": "A? or B?" is one sentence offering two answers.
  const joined = text.replace(/\?+(\s*)(?=or\b)/g, "¿$1");
  const sentences = [...joined.matchAll(/([^.;!?\n]+)([.;!?\n]*)/g)];
  return sentences.map((m, i) => {
    const [sentence = "", end = ""] = [m[1], m[2]];
    const doubt = DOUBT.test(sentence);
    const open = doubt || OPEN_CHOICE.test(sentence) || DOUBT_AFTER.test(sentences[i + 1]?.[1] ?? "");
    const read = sentence.replace(/[^,:]+/g, (clause) =>
      OR_NOT.test(clause.trimEnd()) || (doubt && joinsOpposites(clause)) || (open && ALTERNATIVES.test(clause)) ? " unsure " : clause);
    // "either A, or B, or maybe C, not sure which": the alternatives span clauses, so the sentence offers them all.
    if (open && /\beither\b[^,]*,.*\bor\b/.test(sentence)) return ` unsure ${end}`;
    return read + end;
  }).join("").replaceAll("¿", "?");
}
