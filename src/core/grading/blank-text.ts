import type { Blank } from "../bank/schema.ts";
import { rewriteNumpyStatements } from "../math/index.ts";
import { gradientNames, splitStatements } from "./formula-statements.ts";
import { matrixNames, perClassAsMatrix } from "./index-notation.ts";
import { describedValues } from "./described-values.ts";

/**
 * Tidies a blanks answer before it is split into parts, so the label forms students type in chat
 * read like `label: value`:
 * - `W1.shape = (m, n)` (numpy) and `W1 (m, n)` (a label then a shape tuple) become `W1: (m, n)`;
 * - several labelled parts on one line with no separator (`dW: … db: …`, `W1: (m,n) Ws: (m,n)`)
 *   go on their own lines;
 * - with no expression blank, numbers in words become digits ("seven by seven by three"), a depth
 *   said in words joins its shape ("7 by 7 and 3 channels deep"), rows and columns in words are a
 *   shape ("m rows and n columns"), "32 times 3" is a product, and an aside in words is dropped;
 *   values described in sentences read as notation first (described-values.ts);
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
// "hundreds" as in "forty-six hundreds"; "dozen" as in "a dozen" (read as "one dozen", see numberWordsAsDigits).
const WORDS = [...UNITS, ...TENS.filter((t) => t !== ""), "hundreds?", "thousand", "dozen"].join("|");
const NUMBER_WORD = new RegExp(String.raw`\b(?:${WORDS})\b`, "i");
const NUMBER_RUN = new RegExp(String.raw`\b(?:${WORDS})(?:(?:[\s-]+|\s+and\s+)(?:${WORDS}))*\b`, "gi");

/** The value of a run of number words ("thirty two", "four thousand six hundred and eight"). */
function runValue(run: string): number {
  let total = 0;
  let current = 0;
  for (const word of run.toLowerCase().replace(/hundreds/g, "hundred").split(/[\s-]+/).filter((w) => w !== "and")) {
    if (word === "hundred") current = Math.max(current, 1) * 100;
    else if (word === "dozen") current = Math.max(current, 1) * 12;
    else if (word === "thousand") {
      total += Math.max(current, 1) * 1000;
      current = 0;
    } else current += UNITS.includes(word) ? UNITS.indexOf(word) : 10 * TENS.indexOf(word);
  }
  return total + current;
}

/**
 * A run of number words as the numbers it holds: "thirty two" and "one hundred and eight" are one
 * number each, but "seven and three" or "seven three" are two (a unit cannot follow a unit, and "and"
 * joins only after "hundred" or "thousand"). The "and" between two numbers is kept.
 */
function separateNumbers(run: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let last = "";
  const flush = () => {
    if (current.length > 0) out.push(current.join(" "));
    current = [];
  };
  for (const word of run.toLowerCase().replace(/hundreds/g, "hundred").split(/[\s-]+/)) {
    const scaled = last === "hundred" || last === "thousand" || last === "dozen";
    if (word === "and") {
      if (!scaled) {
        flush();
        out.push("and");
      }
      continue;
    }
    // A unit after a unit or a teen, or a tens word after anything but a scale, starts a new number.
    const tens = TENS.includes(word);
    const unitAfter = UNITS.includes(word) && (UNITS.includes(last) || (!tens && TENS.includes(last) && UNITS.indexOf(word) >= 10));
    if (current.length > 0 && (unitAfter || (tens && !scaled))) flush();
    current.push(word);
    last = word;
  }
  flush();
  return out;
}

/**
 * "sixteen filters, each seven by seven by three": numbers in words as digits, for number and shape
 * blanks ("a dozen" is 12, "forty-six hundred" 4600). A lone "one" stays a word ("each one is 7x7x3") unless a shape's "by" or "x" is next to it.
 */
export function numberWordsAsDigits(typed: string): string {
  if (!NUMBER_WORD.test(typed)) return typed;
  // "a dozen", "half a dozen": a dozen of one, or six.
  const text = typed.replace(/\bhalf\s+a\s+dozen\b/gi, "six").replace(/\ba\s+dozen\b/gi, "one dozen");
  return text.replace(NUMBER_RUN, (run, at: number, whole: string) => {
    const near = /(?:\bby|\bx|×)[\s-]*$/i.test(whole.slice(0, at)) || /^[\s-]*(?:by\b|x\b|×)/i.test(whole.slice(at + run.length));
    return /^one$/i.test(run) && !near ? run : separateNumbers(run).map((n) => (n === "and" ? n : String(runValue(n)))).join(" ");
  }).replace(/(\d)\s*-\s*by\s*-\s*(?=\d)/gi, "$1 by ");
}

/** A shape whose depth is said in words: "7 by 7 and 3 channels deep", "7x7 with a depth of 3", "7x7 (depth 3)". */
const DEPTH_IN_WORDS = /(\d+\s*(?:by|x|×)\s*\d+)(?:\s*,\s*|\s+)(\(\s*)?(?:(?:and|with)\s+)?(?:(?:a\s+)?depth\s*(?:of\s+|[:=]\s*)?(\d+)|(\d+)\s+(?:channels?\s+)?(?:deep|in\s+depth))\b(?:\s*\))?/gi;

/** A shape as rows and columns in words: "m rows and n columns", "n columns, m rows" (rows first). */
const ROWS_COLUMNS = /\b(\w+)\s+rows?(?:\s*,\s*|\s+)(?:and\s+|by\s+)?(\w+)\s+col(?:umn)?s?\b/gi;
const COLUMNS_ROWS = /\b(\w+)\s+col(?:umn)?s?(?:\s*,\s*|\s+)(?:and\s+|by\s+)?(\w+)\s+rows?\b/gi;

/**
 * An aside in words after a value, "4608 weights (plus 32 biases, not counted)": a remark, never the
 * value. An aside that offers another answer ("(or 26?)", "(maybe 3)") stays, to be read as a hedge,
 * and so does one that continues a shape ("7 by 7 (times 3 for colour)").
 */
const WORDY_ASIDE = /\s*\((?!\s*(?:or|either|maybe|possibly|perhaps|times|by)\b)\s*[A-Za-z]{3,}\b[^()]*\)/gi;

/** "7 by 7 and 3 deep" as "7 by 7 by 3"; "m rows and n columns" as "m x n"; "32 times 3" as "32 * 3". */
function shapesAndProducts(text: string): string {
  return text
    .replace(ROWS_COLUMNS, "$1 x $2")
    .replace(COLUMNS_ROWS, "$2 x $1")
    .replace(DEPTH_IN_WORDS, (_, plane: string, _open?: string, a?: string, b?: string) => `${plane} by ${a ?? b ?? ""}`)
    .replace(WORDY_ASIDE, "")
    .replace(/(\d)\s+(?:times|multiplied\s+by)\s+(?=\d)/gi, "$1 * ");
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
  let out = (numeric ? shapesAndProducts(describedValues(numberWordsAsDigits(text))) : gradientNames(rewriteNumpyStatements(perClass, onehot)))
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
