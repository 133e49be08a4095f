import type { Blank } from "../bank/schema.ts";
import { rewriteNumpyStatements } from "../math/index.ts";
import { gradientNames, splitStatements } from "./formula-statements.ts";
import { matrixNames, perClassAsMatrix } from "./index-notation.ts";

/**
 * Tidies a blanks answer before it is split into parts, so the label forms students type in chat
 * read like `label: value`:
 * - `W1.shape = (m, n)` (numpy) and `W1 (m, n)` (a label then a shape tuple) become `W1: (m, n)`;
 * - several labelled parts on one line with no separator (`dW: … db: …`, `W1: (m,n) Ws: (m,n)`)
 *   go on their own lines;
 * - with no expression blank, numbers in words become digits ("seven by seven by three");
 * - a definition on its own (`let P = softmax(A)`, `P = softmax(A)`, or `… where P = softmax(A)`)
 *   applies to every expression blank: it is taken out and added to each of their parts as
 *   `where P = …`, which the formula reader substitutes; a definition may end with a full stop or a
 *   comma before the next part (`S = softmax(A). dW = X (S − Y)^T, db = (S − Y) u`);
 * - numpy over several statements (`P /= P.sum(0); P[y, np.arange(m)] -= 1`) reads as assignments,
 *   with `onehot` (the question's one-hot label matrix) for the one-hot update;
 * - a gradient per class, `dL/dw_k = Σ_i (p_ik − 1{y_i = k}) x_i`, reads in matrix form (index-notation.ts).
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const loose = (name: string) => name.trim().split(/[\s_]+/).map(escape).join("[\\s_]*");

/** The labels and aliases of the blanks, longest first, as loose patterns. */
function labelPattern(blanks: readonly Blank[]): string {
  const names = blanks.flatMap((b) => [b.label, ...b.aliases]).filter((n) => n.length > 1 || /^[A-Za-z]$/.test(n));
  return [...new Set(names)].sort((a, b) => b.length - a.length).map(loose).join("|");
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const NUMBER_WORD = new RegExp(String.raw`\b(?:${[...UNITS, ...TENS.filter((t) => t !== ""), "hundred", "thousand"].join("|")})\b`, "i");
const NUMBER_RUN = new RegExp(
  String.raw`\b(?:${[...UNITS, ...TENS.filter((t) => t !== ""), "hundred", "thousand"].join("|")})` +
  String.raw`(?:(?:[\s-]+|\s+and\s+)(?:${[...UNITS, ...TENS.filter((t) => t !== ""), "hundred", "thousand"].join("|")}))*\b`,
  "gi",
);

/** The value of a run of number words ("thirty two", "four thousand six hundred and eight"). */
function runValue(run: string): number {
  let total = 0;
  let current = 0;
  for (const word of run.toLowerCase().split(/[\s-]+/).filter((w) => w !== "and")) {
    if (word === "hundred") current = Math.max(current, 1) * 100;
    else if (word === "thousand") {
      total += Math.max(current, 1) * 1000;
      current = 0;
    } else current += UNITS.includes(word) ? UNITS.indexOf(word) : 10 * TENS.indexOf(word);
  }
  return total + current;
}

/**
 * "sixteen filters, each seven by seven by three": numbers in words as digits, for number and shape
 * blanks. A lone "one" stays a word ("each one is 7x7x3") unless a shape's "by" or "x" is next to it.
 */
export function numberWordsAsDigits(text: string): string {
  if (!NUMBER_WORD.test(text)) return text;
  return text.replace(NUMBER_RUN, (run, at: number, whole: string) => {
    const near = /(?:\bby|\bx|×)[\s-]*$/i.test(whole.slice(0, at)) || /^[\s-]*(?:by\b|x\b|×)/i.test(whole.slice(at + run.length));
    return /^one$/i.test(run) && !near ? run : String(runValue(run));
  }).replace(/(\d)\s*-\s*by\s*-\s*(?=\d)/gi, "$1 by ");
}

/** A tidied answer: its text, the definitions lifted out of it, and whether a per-class form was read. */
export interface TidyText {
  text: string;
  definitions: string[];
  perClass: boolean;
}

/** Puts labelled parts on lines, and lifts definitions out for expression blanks; see the file comment. */
export function tidyBlanksText(blanks: readonly Blank[], text: string, declared: ReadonlySet<string>, onehot?: string): TidyText {
  const labels = labelPattern(blanks);
  const numeric = blanks.every((b) => b.kind !== "expression");
  const perClass = numeric ? text : perClassAsMatrix(text, matrixNames(declared, onehot));
  let out = (numeric ? numberWordsAsDigits(text) : gradientNames(rewriteNumpyStatements(perClass, onehot)))
    .replace(new RegExp(`(^|[\\s;,])(${labels})\\s*\\.\\s*shape\\s*=\\s*`, "gi"), "$1$2: ")
    // Only a bracket that holds a shape: "144 weights (16 = channels in)" is an aside, not a value.
    .replace(new RegExp(`(^|[\\s;,])(${labels})\\s+(?=[([][^()[\\]=]*(?:,|×|\\bx\\b|\\bby\\b|\\*)[^()[\\]=]*[)\\]])`, "g"), "$1$2: ")
    // A label with a colon after a value on the same line starts a new part.
    // Not after "and": "W1 and Ws: m×n" names two blanks.
    .replace(new RegExp(`(?<=[\\w)\\]'.])(?<!\\band)\\s+(?=(?:${labels})\\s*:(?!=))`, "gi"), "\n");
  const definitions: string[] = [];
  if (!blanks.some((b) => b.kind === "expression")) return { text: out, definitions, perClass: false };
  const isLabel = (name: string) => new RegExp(`^(?:${labels})$`, "i").test(name);
  const kept: string[] = [];
  for (const line of out.split(/\n|;/).flatMap((l) => splitStatements(l))) {
    const where = /\s+(?:where|with)\s+([A-Za-z]\w*)\s*=\s*(.+)$/i.exec(line);
    if (where && !declared.has(where[1] ?? "") && !isLabel(where[1] ?? "")) {
      definitions.push(`${where[1]} = ${where[2]}`);
      kept.push(line.slice(0, where.index));
      continue;
    }
    const own = /^\s*(?:let\s+)?([A-Za-z]\w*)\s*=\s*(.+)$/i.exec(line);
    if (own && !declared.has(own[1] ?? "") && !isLabel(own[1] ?? "") && !/^d[A-Z]/.test(own[1] ?? "")) {
      definitions.push(`${own[1]} = ${own[2]}`);
      continue;
    }
    kept.push(line);
  }
  out = kept.join("\n");
  return { text: out, definitions, perClass: perClass !== text };
}
