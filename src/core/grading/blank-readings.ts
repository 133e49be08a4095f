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
 *   height, width) or TensorFlow's `(7, 7, 3, 16)` (height, width, in, out) is 16 filters of 7×7×3;
 * - a denial ("isn't 3, it's 16"), and a blank said to be like another ("m×n, just like W1").
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
  return blank.kind === "number" && (isNumberList(value) || differentLeadingNumbers(pieces));
}

/**
 * "4608 or 4640 w/ biases": alternatives that each start with a number, with a remark after it,
 * are still two answers when the numbers differ ("4608 or 32*3*3*16" is one answer written twice).
 */
function differentLeadingNumbers(pieces: readonly string[]): boolean {
  if (pieces.length < 2) return false;
  const leading = pieces.map((p) => p.replace(/^(?:maybe|perhaps|possibly|probably)\s+/i, "")).map((p) => (/^[\d(]/.test(p) ? firstValueIn("number", p) : undefined));
  const values = leading.map((v) => (v === undefined ? undefined : evaluateNumber(cleanNumberText(v))));
  if (values.some((v) => !v?.ok)) return false;
  return new Set(values.map((v) => (v?.ok ? v.value : NaN))).size > 1;
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

/** A value that starts by denying: "not 3", "isn't 3 (that was the image), it's 16". */
const DENIAL = /^\s*(?:is\s+not|isn['’]t|is\s*n['’]t|not|never)\s+/i;

/**
 * "isn't 3 (that was the image), it's 16 since …": what a value says once its denied part is set
 * aside ("16 since …"), or "" when it only denies ("not 3"); undefined when it denies nothing.
 */
export function afterDenial(value: string): string | undefined {
  const denial = DENIAL.exec(value);
  if (!denial) return undefined;
  // The denied value runs to the next comma, semicolon or "but/it's/rather"; asides in brackets are part of it.
  const rest = value.slice(denial[0].length).replace(/\([^()]*\)/g, (aside) => " ".repeat(aside.length));
  const end = /[,;]|\b(?:but|it['’]?s|it\s+is|rather|instead)\b/i.exec(rest);
  if (!end) return "";
  return value.slice(denial[0].length + end.index).replace(/^[\s,;]*(?:but\s+)?(?:rather\s+)?(?:it['’]?s\b|it\s+is\b|instead\b)?\s*/i, "");
}

/** "(just) like W1", "same as W1", "as for W1": a reference to another blank's value (not "unlike", "not like"). */
function likeLabel(label: string): RegExp {
  const name = label.trim().split(/[\s_]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s_]*");
  return new RegExp(String.raw`(?<!\bnot\s+(?:just\s+)?)\b(?:(?:just\s+|exactly\s+)?like|(?:the\s+)?same\s+as|as\s+(?:for|with)|identical\s+to)\s+(?:${name})(?![\w])`, "i");
}

/**
 * "Ws: it's m×n just like W1": a blank with no part of its own takes the value of the part that
 * says it is like that blank, when that part states a value of its own; and "W2: same as W1" takes
 * W1's value when it states none. Returns the blanks' values with those filled in.
 */
export function likeOtherBlanks(blanks: readonly Blank[], values: ReadonlyArray<string | undefined>): Array<string | undefined> {
  const out = [...values];
  blanks.forEach((blank, j) => {
    if (blank.kind === "expression") return;
    const names = [blank.label, ...blank.aliases];
    values.forEach((v, i) => {
      if (i === j || v === undefined || blanks[i]!.kind !== blank.kind || !names.some((n) => likeLabel(n).test(v))) return;
      const own = firstValueIn(blank.kind, v.replace(new RegExp(names.map((n) => likeLabel(n).source).join("|"), "gi"), " "));
      if (out[j] === undefined && own !== undefined) out[j] = own;
      else if (own === undefined && values[j] !== undefined && out[i] === v) out[i] = values[j];
    });
  });
  return out;
}
