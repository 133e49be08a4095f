import type { Blank } from "../bank/schema.ts";
import { evaluateNumber } from "../math/index.ts";
import { parseDimensions } from "./dimensions-grader.ts";

/**
 * Reads the values of number and shape blanks out of a sentence, in the blanks' order:
 * "16 filters of 7x7x3" gives 16 and 7x7x3; "depth 16, so 32*3*3*16 = 4608 parameters" gives 16
 * and 4608 (of a chain `a = b`, the last side is the student's final value).
 */

const SHAPE = /\b(?:\d+|[a-z])(?:\s*(?:x|×|\\times|by)\s*(?:\d+|[a-z]))+\b/iy;
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:e-?\d+)?`;
const ARITHMETIC = String.raw`${NUM}(?:\s*[*×/+^-]\s*${NUM})*`;
const NUMBER = new RegExp(String.raw`${ARITHMETIC}(?:\s*=\s*${ARITHMETIC})*`, "y");

function readAt(text: string, from: number, kind: "number" | "dimensions"): { value: string; end: number } | undefined {
  for (let i = from; i < text.length; i++) {
    if (!/[\da-z]/i.test(text[i]!) || (i > 0 && /[\w.]/.test(text[i - 1]!))) continue;
    const pattern = kind === "dimensions" ? SHAPE : NUMBER;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m) continue;
    if (kind === "dimensions" && parseDimensions(m[0]) === undefined) continue;
    if (kind === "number") {
      const last = m[0].split("=").at(-1)!.replace(/,(?=\d{3}\b)/g, "").replace(/×/g, "*").trim();
      if (!evaluateNumber(last).ok) continue;
      return { value: last, end: i + m[0].length };
    }
    return { value: m[0], end: i + m[0].length };
  }
  return undefined;
}

/** The blanks' values found in order, or undefined when some blank has none or is not a number or shape. */
export function valuesInProse(blanks: readonly Blank[], text: string): string[] | undefined {
  const values: string[] = [];
  let at = 0;
  for (const blank of blanks) {
    if (blank.kind === "expression") return undefined;
    const found = readAt(text, at, blank.kind);
    if (!found) return undefined;
    values.push(found.value);
    at = found.end;
  }
  return values;
}
