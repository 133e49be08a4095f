/**
 * Values described in sentences rather than written in notation, rewritten as the notation the
 * blanks reader knows (numbers are already digits, see numberWordsAsDigits). For number and shape
 * blanks only:
 * - a filter's side in words: "7 pixels on a side", "7 wide and 7 tall" read as "7 by 7", and one
 *   side with the depth right after it ("7 wide and 3 deep") as a square filter, "7 by 7 by 3";
 * - "m-by-n" as "m by n";
 * - a depth in words: "reaches through all 3 colour channels", "spans the 3 input channels" read as
 *   "3 deep", and a plane qualified or explained before its depth ("7 by 7 in space (32 − 7 + 1 =
 *   26) and 3 deep") keeps only the plane, so blank-text.ts joins the depth to it;
 * - a question answered in the text: "How wide must it be? 7. How deep? As deep as the input, 3."
 *   reads as "7 wide. 3 deep." (the value is the last number of the reply);
 * - a count set beside what it matches: "as many filters as output channels, 16" is "16 filters";
 * - the result of work said in words: "3 times 3 times 16, which is 144", "32 * 9 * 16 comes to
 *   4068" read as "= 144", "= 4068", so the stated result (right or wrong) is what counts.
 */

/** A depth said as what the filter covers: "reaches through all 3 colour channels", "spans the 3 input channels". */
const COVERS_CHANNELS = /\b(?:reach(?:es|ing)?|spans?|spanning|go(?:es|ing)?|extends?|extending|runs?|running|covers?|covering|cuts?)\s+(?:through|across|over|into)?\s*(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:image['’]s\s+)?(\d+)\s+(?:(?:colou?r|input|rgb|incoming)\s+)?channels\b/gi;
/** A square side: "7 pixels on a side", "7 on each side", "7 pixels square". */
const SQUARE_SIDE = /\b(\d+)\s+(?:pixels?\s+)?(?:on\s+(?:a|each|every|either)\s+side|square)\b/gi;
/** Height and width in words: "7 wide and 7 tall", "7 pixels high, 7 pixels wide". */
const SIDE_WORD = String.raw`(?:pixels?\s+)?(?:wide|across|high|tall)`;
const HEIGHT_WIDTH = new RegExp(String.raw`\b(\d+)\s+${SIDE_WORD}(?:\s*,\s*(?:and\s+)?|\s+(?:and|by)\s+)(\d+)\s+${SIDE_WORD}\b`, "gi");
/** One side said with the depth right after it ("7 wide. And 3 deep."): a square filter's plane. */
const SIDE_THEN_DEPTH = /\b(\d+)\s+(?:pixels?\s+)?(?:wide|across)\b[.,;]?\s+(?:and\s+)?(\d+)\s+(?:channels?\s+)?deep\b/gi;
/** A plane then its channels: "7 by 7, 3 channels", "7x7 with 3 colour channels" (its depth). */
const PLANE_CHANNELS = /(\d+\s*(?:by|x|×)\s*\d+)(?:\s*,\s*|\s+(?:and|with|across|over)\s+)(?:all\s+)?(\d+)\s+(?:(?:colou?r|input|rgb|incoming)\s+)?channels\b(?!\s+deep)/gi;
/** "m-by-n", "7-by-7": a shape with hyphens. */
const HYPHENED_BY = /\b([a-z]|\d+)\s*-\s*by\s*-\s*(?=(?:[a-z]|\d+)\b)/gi;
/**
 * A plane, then words that only qualify it or an aside in brackets, then its depth: "7 by 7 in space
 * (…) and 3 deep". The qualifier and the aside go; the depth stays for DEPTH_IN_WORDS.
 */
const PLANE_THEN_DEPTH = /(\d+\s*(?:by|x|×)\s*\d+)(?:\s+(?:in\s+space|spatially|across|in\s+(?:height\s+and\s+width|area|the\s+plane)))?(?:\s*\([^()]*\))?(?=\s*,?\s*(?:and\s+|with\s+)?(?:\d+\s+(?:channels?\s+)?deep|(?:a\s+)?depth\b))/gi;
/** "How wide …? 7.", "And how deep? As deep as the RGB input, 3.": a size asked and answered. */
const ASKED_AND_ANSWERED = /\bhow\s+(wide|deep|tall|high|big|many\s+\w+)\b[^?\n]*\?\s*([^?.!;\n]*?)(\d+)\s*(?=[.!;\n]|$)/gi;
/** "as many filters as output channels, 16", "as many filters as there are output maps (16)". */
const AS_MANY_AS = /\bas\s+many\s+([a-z]+)\s+as\s+[^,.;:()\n]{1,40}?(?:\s*[,:(—–]\s*|\s+-\s+)(?:i\.e\.\s*|namely\s+|so\s+|which\s+is\s+)?(\d+)\b\)?/gi;
/**
 * A result said in words after a product: "… times 16, which is 144", "times 32 filters is 4608",
 * "32 * 9 * 16 comes to 4068". Only after an operator and a number, so "the depth is 16" and
 * "layer 1 is 26 wide" are not work.
 */
const RESULT_IN_WORDS = /((?:[*×·]|\btimes\b|\bmultiplied\s+by\b)\s*\d+(?:\s+(?!which\b|that\b)[a-z]{3,})?)\s*,?\s+(?:which\s+|that\s+)?(?:is|makes|comes\s+to|equals|works\s+out\s+(?:to|as))\s+(?=\d)/gi;

/** `text` with the descriptions above rewritten as notation. */
export function describedValues(text: string): string {
  return text
    .replace(ASKED_AND_ANSWERED, (whole, what: string, _reply: string, value: string) => (/^many\s/i.test(what) ? whole : `${value} ${what.toLowerCase()}`))
    .replace(AS_MANY_AS, "$2 $1")
    .replace(COVERS_CHANNELS, "$1 deep")
    .replace(SQUARE_SIDE, "$1 by $1")
    .replace(HEIGHT_WIDTH, "$1 by $2")
    .replace(SIDE_THEN_DEPTH, "$1 by $1 by $2")
    .replace(HYPHENED_BY, "$1 by ")
    .replace(PLANE_THEN_DEPTH, "$1")
    .replace(PLANE_CHANNELS, "$1 by $2")
    .replace(RESULT_IN_WORDS, "$1 = ");
}
