import type { Blank } from "../bank/schema.ts";
import { evaluateNumber } from "../math/index.ts";
import { parseDimensions } from "./dimensions-grader.ts";
import { ROUNDED_COUNT, cleanNumberText } from "./number-grader.ts";
import { firstValueIn } from "./prose-values.ts";

/**
 * Readings of one blank's text, for the blanks grader:
 * - whether it can be read as its kind at all, and whether it gives two answers ("16 or 3",
 *   "16 (or 3)": no credit for that blank, whichever is right);
 * - "same for Ws", "Ws is the same": no value of its own, the value of the blank before;
 * - a layer's weight tensor for a count and a filter shape: PyTorch's `(16, 3, 7, 7)` (out, in,
 *   height, width) or TensorFlow's `(7, 7, 3, 16)` (height, width, in, out) is 16 filters of 7×7×3.
 */

/** Whether a blank's text can be read as its kind at all (right or wrong). */
export function isReadable(blank: Blank, text: string): boolean {
  if (blank.kind === "dimensions") return parseDimensions(text) !== undefined;
  if (blank.kind === "number") return ROUNDED_COUNT.test(text) || evaluateNumber(cleanNumberText(text)).ok;
  return true;
}

/** "16 (or 3)", "16 (maybe 3)": an alternative in brackets is a second answer. */
const BRACKETED_ALTERNATIVE = /\s*\(\s*(?:or|either|maybe|possibly)\s+([^()]*)\)/gi;
/** A bare number, as an entry of a list: "16", "4608" (a "4,608" is one number, never split). */
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Two answers for one blank ("16 or 32", "16 (or 3?)"), or a list of numbers where one is asked
 * ("16, 32, 3", "16 3 26 32"): no credit, whichever is right.
 */
export function isHedged(blank: Blank, value: string): boolean {
  const pieces = value.replace(BRACKETED_ALTERNATIVE, " or $1").split(/\s+or\s+|\s+either\s+/i)
    .map((p) => p.trim().replace(/\s*\?+$/, "")).filter((p) => p !== "");
  if (pieces.length > 1 && pieces.every((p) => isReadable(blank, p) && /[\dA-Za-z]/.test(p))) return true;
  return blank.kind === "number" && isNumberList(value);
}

/** True for two or more different bare numbers joined by ", ", "or", "and" or spaces and nothing else. */
function isNumberList(value: string): boolean {
  const entries = value.trim().replace(/[.;]$/, "").split(/\s*,\s+(?:or\s+|and\s+)?|\s+(?:or|and)\s+|\s+/);
  return entries.length > 1 && entries.every((e) => BARE_NUMBER.test(e)) && new Set(entries.map(Number)).size > 1;
}

/**
 * The result of work checked by its own arithmetic: "3·3·16 per filter × 32 filters = 4608" is 4608
 * because 3·3·16·32 is 4608 once the words are set aside. Undefined when the sides disagree, or
 * when the text is not work ending in "= number".
 */
export function checkedResult(value: string): string | undefined {
  const sides = value.split(/(?<![<>=!])=(?!=)/);
  if (sides.length < 2) return undefined;
  const result = sides.at(-1)!.trim().replace(/\s+[A-Za-z][A-Za-z\s]*$/, "").replace(/[.!]$/, "");
  if (!BARE_NUMBER.test(result)) return undefined;
  const work = sides.at(-2)!.replace(/\b(?:times|by)\b/gi, "*").replace(/[A-Za-z]+|,/g, " ").replace(/[×·⋅∗]/g, "*").trim();
  if (!/\d/.test(work) || !/^[\d\s*+()./^-]+$/.test(work)) return undefined;
  const evaluated = evaluateNumber(work.replace(/(\d)\s+(?=\d)/g, "$1*"));
  return evaluated.ok && Math.abs(evaluated.value - Number(result)) < 1e-9 * Math.max(1, Number(result)) ? result : undefined;
}

/** True when every bracket the text opens is closed, in order. */
export function bracketsBalanced(text: string): boolean {
  const open: string[] = [];
  const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  for (const c of text) {
    if ("([{".includes(c)) open.push(c);
    else if (c in pairs && open.pop() !== pairs[c]) return false;
  }
  return open.length === 0;
}

/**
 * "same for Ws (it is added to the same vector)": a part that states no value of its kind but says
 * it is the same takes `before`, the value of the blank before it. "not the same" takes nothing.
 */
export function sameAsBefore(blank: Blank, value: string, before: string | undefined): string | undefined {
  if (before === undefined || blank.kind === "expression") return undefined;
  if (!/\b(?:same|likewise|ditto)\b/i.test(value) || /\b(?:not|n't|different|unlike)\b/i.test(value)) return undefined;
  return firstValueIn(blank.kind, value) === undefined ? before : undefined;
}

const WEIGHT_TUPLE = /[([]\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*[)\]]|(?<![\w.])(\d+)\s*[x×]\s*(\d+)\s*[x×]\s*(\d+)\s*[x×]\s*(\d+)(?![\w.])/;
const THREE_FACTORS = /(?<![\w.])\d+\s*(?:[x×]|\bby\b)\s*\d+\s*(?:[x×]|\bby\b)\s*\d+(?!\s*[x×\d])/i;

/**
 * A layer's weight tensor as "count: N" and "shape: h x w x depth" lines, when the question asks for
 * a count and a three-factor shape and the answer gives a four-factor tensor instead (see the file
 * comment). Square filters tell the layouts apart; undefined when they cannot.
 */
export function weightShapeAsBlanks(blanks: readonly Blank[], text: string): string | undefined {
  const count = blanks.find((b) => b.kind === "number");
  const shape = blanks.find((b) => b.kind === "dimensions");
  if (blanks.length !== 2 || !count || shape?.kind !== "dimensions" || shape.value.length !== 3) return undefined;
  const m = WEIGHT_TUPLE.exec(text);
  if (!m || THREE_FACTORS.test(text)) return undefined;
  const [a, b, c, d] = (m[1] !== undefined ? m.slice(1, 5) : m.slice(5, 9)).map(Number) as [number, number, number, number];
  const torch = c === d;
  const tensorflow = a === b;
  if (torch === tensorflow) return undefined;
  const [filters, side, depth] = torch ? [a, c, b] : [d, a, c];
  return `${count.label}: ${filters}\n${shape.label}: ${side} x ${side} x ${depth}`;
}
