import type { Blank } from "../bank/schema.ts";
import { evaluateNumber } from "../math/index.ts";
import { depthInWords, parseDimensions } from "./dimensions-grader.ts";

/**
 * Reads the values of number and shape blanks out of a sentence. A value next to its blank's name
 * comes first ("16 filters", "the depth is 16", "32*144 = 4608 parameters"), so worked steps in
 * between ("3*3*16 = 144 weights") are not mistaken for answers; otherwise values are read in the
 * blanks' order: "16 filters of 7x7x3" gives 16 and 7x7x3. Of a chain `a = b`, the last side is the
 * student's final value; in a count, `32x3x3x16` is a product.
 */

type ValueKind = "number" | "dimensions";
interface Found { value: string; end: number }

// "7x7x3", "7 by 7 by 3", a tuple "(7, 7, 3)" or "(m, n)" (numpy's shape), and "m rows n cols".
const SHAPE_SOURCE = String.raw`(?:(?:\d+|[a-z])(?:\s*(?:x|×|\\times|by|\*)\s*(?:\d+|[a-z]))+\b|\(\s*(?:\d+|[a-z])(?:\s*,\s*(?:\d+|[a-z]))+\s*\)|(?:\d+|[a-z])\s+rows?\s*(?:,|and|by|x|×|&)?\s*(?:\d+|[a-z])\s+col(?:umn)?s?\b)`;
const SHAPE = new RegExp(String.raw`(?:\b|(?=\())${SHAPE_SOURCE}`, "iy");
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:e-?\d+)?`;
const ARITHMETIC = String.raw`${NUM}(?:\s*(?:[*×·⋅/+^-]|[xX](?=\s*\d))\s*${NUM})*`;
const CHAIN = String.raw`${ARITHMETIC}(?:\s*=\s*${ARITHMETIC})*`;
const NUMBER = new RegExp(CHAIN, "y");
const NUMBER_BEFORE = new RegExp(String.raw`(?<![\w.])(${CHAIN})\s*$`);
const SHAPE_BEFORE = new RegExp(String.raw`(?<![\w.])(${SHAPE_SOURCE})\s*$`, "i");
/**
 * What may sit between a blank's name and its value: "depth is 16", "filters: 16", "size of 7x7x3",
 * "depth, 16", "depth should be 16", "depth has to be 16".
 */
const LINK = /\s*(?:(?:is|are|was|of|equals|is equal to|(?:would|will|should|must|shall|could|might|has to|have to|needs to|need to) be)\b\s*|[:=,]\s*)?/iy;

/** The final value of a number chain ("32*3*3*16 = 4608" -> "4608"), if it evaluates. */
function finalNumber(chain: string): string | undefined {
  const last = chain.split("=").at(-1)!.replace(/,(?=\d{3}\b)/g, "").replace(/[×xX·⋅]/g, "*").trim();
  return evaluateNumber(last).ok ? last : undefined;
}

function readAt(text: string, from: number, kind: ValueKind): Found | undefined {
  for (let i = from; i < text.length; i++) {
    if (!/[\da-z(]/i.test(text[i]!) || (i > 0 && /[\w.]/.test(text[i - 1]!))) continue;
    const pattern = kind === "dimensions" ? SHAPE : NUMBER;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m) continue;
    const factors = kind === "dimensions" ? parseDimensions(m[0]) : undefined;
    if (kind === "dimensions" && factors === undefined) continue;
    const value = kind === "number" ? finalNumber(m[0]) : m[0];
    if (value !== undefined) return (factors && completedLater(text, i + m[0].length, factors)) ?? { value, end: i + m[0].length };
  }
  return undefined;
}

/**
 * "the filter is 7 by 7. … so each filter is 7 x 7 x 3": a shape stated in part (its plane) and
 * later in full, with the same first factors, is the full one; the first was a step of the work.
 * A later shape that differs ("7x7 … output 26x26x16") is another value, not this one completed.
 */
function completedLater(text: string, from: number, factors: readonly unknown[]): Found | undefined {
  for (const m of text.slice(from).matchAll(new RegExp(String.raw`(?<![\w.])${SHAPE_SOURCE}`, "gi"))) {
    const later = parseDimensions(m[0]);
    if (later && later.length > factors.length && factors.every((f, k) => later[k] === f)) {
      return { value: m[0], end: from + m.index + m[0].length };
    }
  }
  return undefined;
}

/** The first value of `kind` in a part ("16 (matches 16 input channels)" -> "16"), if any. */
export function firstValueIn(kind: ValueKind, text: string): string | undefined {
  return readAt(text, 0, kind)?.value;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "not 26 filters", "instead of 26 filters": a value denied before it. */
const DENIED_BEFORE = /(?:\bnot|n['’]t|\bnever|\binstead\s+of|\brather\s+than)\s*$/i;
/** "144 weights per filter", "16 channels each": a rate, not the count asked for. */
const PER_UNIT_AFTER = /^\s*(?:per|each|for\s+each|for\s+every|in\s+each|in\s+one|of\s+each|of\s+one)\b/i;
/** "… so 4608 weights", "in total 4608": a value stated as the result of the work before it. */
const CONCLUDED_BEFORE = /(?:\b(?:so|thus|hence|therefore|total|overall|altogether|gives?|giving)|→|->|=>|⇒)\s*(?:(?:there\s+are|we\s+get|we\s+have|it['’]?s)\s+)?$/i;
/** "there are 16 of them": a count of the thing named before it in the same sentence. */
const OF_THEM = new RegExp(String.raw`^[^.;\n]{0,60}?(?<![\w.])(${CHAIN})\s+(?:of\s+(?:them|those|these)|such)\b`, "i");

/**
 * The value written right before or right after one of the blank's names, if any. A denied value
 * ("not 26 filters") and a rate ("144 weights per filter") are not it; of several, the one stated
 * as a result ("… so 4608 weights") is.
 */
function nearName(blank: Blank, text: string, kind: ValueKind): (Found & { rate: boolean }) | undefined {
  const names = [blank.label, ...blank.aliases]
    .filter((n) => n.length >= 3 && /^[a-z][a-z ]*$/i.test(n))
    .sort((a, b) => b.length - a.length);
  const found: Array<Found & { start: number; concluded: boolean; rate: boolean }> = [];
  const add = (value: string, start: number, end: number, rate = false) => {
    if (DENIED_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return;
    found.push({ value, end, start, rate, concluded: CONCLUDED_BEFORE.test(text.slice(Math.max(0, start - 30), start)) });
  };
  for (const name of names) {
    const words = name.trim().split(/\s+/).map(escape).join(String.raw`\s+`);
    // A plural name also names one of them: "each channel comes from one filter, so 16 of them".
    const singular = kind === "number" && /[^s]s$/i.test(name) ? `${words.slice(0, -1)}s?` : words;
    const word = new RegExp(String.raw`\b${singular}\b`, "gi");
    for (const m of text.matchAll(word)) {
      const afterName = m.index + m[0].length;
      // Only the text just before the name: bounded work however long the answer.
      const window = text.slice(Math.max(0, m.index - 120), m.index);
      const before = (kind === "number" ? NUMBER_BEFORE : SHAPE_BEFORE).exec(window);
      const beforeValue = before?.[1] && (kind === "number" ? finalNumber(before[1]) : parseDimensions(before[1]) && before[1]);
      const plural = m[0].toLowerCase() === name.toLowerCase().replace(/\s+/g, " ") || /s$/i.test(m[0]);
      if (beforeValue && plural) {
        add(beforeValue, m.index - window.length + before.index, afterName, PER_UNIT_AFTER.test(text.slice(afterName)));
        continue;
      }
      LINK.lastIndex = afterName;
      const link = LINK.exec(text);
      const start = afterName + (link?.[0].length ?? 0);
      const pattern = kind === "dimensions" ? SHAPE : NUMBER;
      pattern.lastIndex = start;
      const after = plural ? pattern.exec(text) : null;
      const afterValue = after && (kind === "number" ? finalNumber(after[0]) : parseDimensions(after[0]) && after[0]);
      if (after && afterValue) {
        add(afterValue, start, start + after[0].length);
        continue;
      }
      const ofThem = kind === "number" ? OF_THEM.exec(text.slice(afterName)) : null;
      const counted = ofThem?.[1] ? finalNumber(ofThem[1]) : undefined;
      if (ofThem?.[1] && counted) add(counted, afterName + ofThem[0].lastIndexOf(ofThem[1]), afterName + ofThem[0].length);
    }
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.start - b.start);
  // A rate may still be where the work starts ("144 weights each, times 32 filters = 4608", see carriedOn).
  const counts = found.filter((f) => !f.rate);
  return counts.filter((f) => f.concluded).at(-1) ?? counts[0] ?? found[0];
}

/**
 * Work carried on after a named value: "144 weights, times 32 filters = 4608" (or "gives 4608"),
 * "144 params, 32 filters → 4608" (an arrow to the result), and "144 weights per filter and 32 of
 * those, 4608 altogether" (a total said in words, in the same sentence) state 4608.
 */
const CARRIED_ON = new RegExp(String.raw`^(?:[^.;\n=]{0,40}?\b(?:times|multiplied\s+by|divided\s+by|plus|minus)\b[^.;\n=→]{0,40}(?:=|→|->|=>|⇒|gives)|[^.;\n=→]{0,40}?(?:→|->|=>|⇒))\s*(${CHAIN})`, "i");
/** After a rate, "… and 32 of those, 4608 altogether": the total the sentence goes on to state. */
const TOTAL_AFTER_RATE = new RegExp(String.raw`^[^.;\n=→]{0,60}?(?<![\w.])(${CHAIN})\s+(?:altogether|in\s+total|in\s+all|all\s+told)\b`, "i");

/** A named value, or the result the work after it goes on to state. */
function carriedOn(found: (Found & { rate?: boolean }) | undefined, text: string, kind: ValueKind): Found | undefined {
  if (!found || kind !== "number") return found;
  // An aside in brackets ("(16 = channels coming in)") is not the work that goes on.
  const rest = text.slice(found.end).replace(/\([^()]*\)/g, (aside) => " ".repeat(aside.length));
  // Only a rate goes on to a total in words: "16 filters, … 2352 in total" still has 16 filters.
  const m = CARRIED_ON.exec(rest) ?? (found.rate === true ? TOTAL_AFTER_RATE.exec(rest) : null);
  const value = m?.[1] ? finalNumber(m[1]) : undefined;
  return value ? { value, end: found.end + m![0].length } : found;
}

/**
 * A filter's depth given as the last factor of its shape ("each filter is 3x3x16"), for a number
 * blank about depth that no value is named for.
 */
function depthOfShape(blank: Blank, text: string): Found | undefined {
  if (![blank.label, ...blank.aliases].some((n) => /\bdepth\b/i.test(n))) return undefined;
  const shape = new RegExp(SHAPE_SOURCE, "i").exec(text);
  const factors = shape ? parseDimensions(shape[0]) : undefined;
  const last = factors?.at(-1);
  return factors && factors.length === 3 && typeof last === "number" ? { value: String(last), end: shape!.index + shape![0].length } : undefined;
}

/** True when the sentence names `blank` next to a value ("16 filters", "depth is 16"): not a guess by position. */
export function namedInProse(blank: Blank, text: string): boolean {
  return blank.kind !== "expression" && nearName(blank, depthInWords(text), blank.kind) !== undefined;
}

/** `text` with every shape blanked out, so a count is never read out of "7x7x3" (as 147). */
function withoutShapes(text: string): string {
  return text.replace(new RegExp(SHAPE_SOURCE, "gi"), (m) => (parseDimensions(m) ? " ".repeat(m.length) : m));
}

/**
 * The blanks' values, or undefined when some blank has none or is not a number or shape. Values
 * are matched by what they can be: with a shape blank, counts are read around the shapes, and each
 * kind keeps its own reading position ("each filter is 7×7×3 and there are 16 of them").
 */
export function valuesInProse(blanks: readonly Blank[], typed: string): string[] | undefined {
  const text = depthInWords(typed);
  // Work first, then the result: "26x26x16 output so 16 filters of 7x7x3" states its answer after
  // "so", so values not named are read from there first.
  const conclusion = [...text.matchAll(CONCLUSION)].at(-1);
  const from = conclusion ? conclusion.index + conclusion[0].length : 0;
  return (from > 0 ? valuesFrom(blanks, text, from) : undefined) ?? valuesFrom(blanks, text, 0);
}

/** Words that introduce a result after the work: "so", "then", "therefore", "which gives". */
const CONCLUSION = /(?:^|[\s,;?])(?:so|then|therefore|thus|hence|which\s+gives|that\s+gives|giving)\s+/gi;

/** The blanks' values: each one's named value in the whole text, or the next of its kind from `from` on. */
function valuesFrom(blanks: readonly Blank[], text: string, from: number): string[] | undefined {
  const values: string[] = [];
  const at: Record<ValueKind, number> = { number: from, dimensions: from };
  const counts = blanks.some((b) => b.kind === "dimensions") ? withoutShapes(text) : text;
  for (const blank of blanks) {
    if (blank.kind === "expression") return undefined;
    const source = blank.kind === "number" ? counts : text;
    const found = carriedOn(nearName(blank, source, blank.kind), source, blank.kind) ?? (blank.kind === "number" ? depthOfShape(blank, text) : undefined) ??
      readAt(source, at[blank.kind], blank.kind);
    if (!found) return undefined;
    values.push(found.value);
    at[blank.kind] = Math.max(at[blank.kind], found.end);
  }
  return values;
}
