/**
 * Limits checked on the raw text before mathjs ever parses it, so a hostile input costs a
 * string scan and not a deep recursion or a huge tree.
 */

/** Longest answer accepted, in characters. */
export const MAX_INPUT_LENGTH = 2000;
/** Deepest bracket nesting accepted: ((((…)))) beyond this is refused before parsing. */
export const MAX_BRACKET_DEPTH = 40;
/** Most parse-tree nodes accepted. */
export const MAX_NODES = 1500;
/** Deepest parse tree accepted (a long sum is a deep left-leaning tree). */
export const MAX_TREE_DEPTH = 400;
/** Most elements in a matrix typed literally. */
export const MAX_LITERAL_ELEMENTS = 400;

/** Returns a message when the text breaks a limit, else undefined. */
export function checkTextLimits(text: string): string | undefined {
  if (text.length > MAX_INPUT_LENGTH) {
    return `This answer is ${text.length} characters long; the limit is ${MAX_INPUT_LENGTH}. Simplify it and try again.`;
  }
  if (text.trim() === "") return "The answer is empty.";
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "[" || ch === "{") depth += 1;
    else if (ch === ")" || ch === "]" || ch === "}") depth -= 1;
    if (depth > deepest) deepest = depth;
  }
  if (deepest > MAX_BRACKET_DEPTH) {
    return `This answer nests brackets ${deepest} deep; the limit is ${MAX_BRACKET_DEPTH}. Simplify it and try again.`;
  }
  return undefined;
}
