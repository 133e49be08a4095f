/**
 * Several formulas offered side by side, where a TA grades one answer:
 * - joined by "or": `z - y or y - z`, `A or maybe B`, and an aside `z - y (or y - z, depends …)`;
 * - a bare comma list of formulas: `z - y, y - z, 2(z - y)`;
 * - a sign given as both, `±(z - y)`: the formula with each sign.
 * A comma list counts only when every entry is a formula on its own (no `=`, no words): work shown
 * as `L = ½‖z − y‖², so z − y` is steps, not a list. Pure text work.
 */

import { splitTopLevel } from "./formula-statements.ts";

/** An aside that offers another answer: `(or y - z, depends on the convention)`. */
const OR_ASIDE = /\(\s*or\s+((?:[^()]|\([^()]*\))*)\)/gi;
/** "or" between two answers, with an optional hedge word after it. */
const OR_JOIN = /,?\s+or\s+(?:else\s+|equivalently\s+|maybe\s+|perhaps\s+|possibly\s+|probably\s+)?/iy;
/** A sign that is both: `±`, `∓`, `+/-`, `+-`. */
const PLUS_MINUS = /[±∓]|\+\s*\/\s*-|\+-(?=\s*[(\w])/;
const PLUS_MINUS_ALL = new RegExp(PLUS_MINUS.source, "g");
/** A hedge word or "either" before an entry. */
const LEAD = /^\s*(?:either|maybe|perhaps|possibly|probably)\s+/i;

/** A comma-list entry that is a formula alone: no assignment and no word the formula cannot hold. */
function pureFormula(entry: string, formulaWord: (w: string) => boolean): boolean {
  if (/[=:]/.test(entry)) return false;
  return (entry.match(/[A-Za-z]{3,}/g) ?? []).every(formulaWord);
}

/**
 * The entries an answer offers as alternatives, each still to be read as a formula, or [] when it
 * offers one answer. `formulaWord` says whether a word can be part of a formula (a declared name, a
 * function).
 */
export function offeredAlternatives(text: string, formulaWord: (w: string) => boolean): string[] {
  // "±(z - y)": both signs at once.
  if (PLUS_MINUS.test(text)) return [text.replace(PLUS_MINUS_ALL, "+"), text.replace(PLUS_MINUS_ALL, "-")];
  const flat = text.replace(OR_ASIDE, " or $1");
  const byOr = splitTopLevel(flat, OR_JOIN).map((e) => e.replace(LEAD, ""));
  if (byOr.length >= 2) return byOr;
  const byComma = splitTopLevel(flat, /\s*,\s*/y);
  if (byComma.length >= 2 && byComma.every((e) => pureFormula(e, formulaWord))) return byComma;
  return [];
}
