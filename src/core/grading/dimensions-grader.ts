import type { DimensionsAnswer, Question } from "../bank/schema.ts";
import { evaluateNumber } from "../math/index.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, type ValueCheck, buildGrade } from "./grade-result.ts";
import { verbatim } from "../chat/reply.ts";

/**
 * Grades a shape such as "m x n" or "7x7x3". Accepted spellings: `m x n`, `m×n`, `m by n`, `m*n`,
 * `(m, n)`, `[m, n]`, `R^{m×n}`, `ℝ^(m x n)`, `\mathbb{R}^{m \times n}`, `W1 ∈ R^{m×n}`, `7x7x3`,
 * `mxn`. Factors compare one by one: names case-sensitively, numbers by value. A transposed shape
 * gets feedback that says so.
 */

type Factor = string | number;

/**
 * "7x7 (depth 3)", "7x7 with depth 3", "7x7, depth 3", "7 by 7 (by 3 for rgb)": the depth in words
 * or in brackets as the shape's last factor.
 */
export function depthInWords(text: string): string {
  return text
    // "7 by 7 (by 3 for rgb)", "7x7 (x3)": the last factor in brackets.
    .replace(/(\d+\s*(?:[x×]|\bby)\s*\d+)\s*\(\s*(?:by|x|×|times)\s*(\d+)\b[^()]*\)/gi, "$1x$2")
    .replace(/(\d+\s*[x×]\s*\d+)\s*(?:\(\s*|,\s*|\s+with\s+)(?:a\s+)?depth\s*(?:of\s+|=\s*|:\s*)?(\d+)\s*\)?/gi, "$1x$2");
}

/** Parses a shape into its factors; undefined when the text is not a shape. */
export function parseDimensions(text: string): Factor[] | undefined {
  // "m rows and n columns", "m rows, n cols": dimensions in words.
  let t = depthInWords(text.trim()).replace(/\$/g, "").replace(/\s*-\s*by\s*-\s*/gi, " by ")
    .replace(/\b(\w+)\s*rows?\s*(?:,|and|by|x|×|&)?\s*(\w+)\s*col(?:umn)?s?\b/i, "$1 x $2");
  const member = /∈|\\in\b|\bin\b|:/.exec(t);
  if (member) t = t.slice(member.index + member[0].length);
  t = t
    .replace(/\\mathbb\s*\{?\s*R\s*\}?|\\R\b|ℝ|\bR\s*(?=\^)/g, "")
    .replace(/\\times|×|✕|⨯|·|\*|,|\bby\b|\s+x\s+/gi, " X ")
    .replace(/\\left|\\right|[\^{}()[\]\\]/g, " ");
  const pieces = t.split(" X ").map((p) => p.trim()).filter((p) => p !== "");
  const factors: Factor[] = [];
  for (const piece of pieces) {
    // "7x7x3" and "mxn": an x between numbers or single-letter names separates factors.
    const parts = /^([0-9]+|[a-wyzA-WYZ])(x([0-9]+|[a-wyzA-WYZ]))+$/i.test(piece) ? piece.split(/x/i) : [piece];
    for (const part of parts) {
      const factor = parseFactor(part);
      if (factor === undefined) return undefined;
      factors.push(factor);
    }
  }
  return factors.length > 0 ? factors : undefined;
}

function parseFactor(part: string): Factor | undefined {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(part)) return part;
  if (!/^[0-9+\-*/ .]+$/.test(part)) return undefined;
  const r = evaluateNumber(part);
  return r.ok && Number.isFinite(r.value) ? r.value : undefined;
}

const sameFactor = (a: Factor | undefined, b: Factor | undefined) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : a === b;
const sameShape = (a: readonly Factor[], b: readonly Factor[]) => a.length === b.length && a.every((f, i) => sameFactor(f, b[i]));
const show = (f: readonly Factor[]) => f.join("×");

/** Checks one shape against the reference factors; `points` is what a right answer earns. */
export function checkDimensions(reference: readonly Factor[], text: string, points: number): ValueCheck {
  if (text.trim() === "") return { earned: 0, note: "No answer.", feedback: [EMPTY_ANSWER] };
  const parsed = parseDimensions(text);
  if (!parsed) {
    const feedback = [`I could not read "${verbatim(text.trim())}" as dimensions. Write them like m x n, m×n or 7x7x3.`];
    // Digits or one-letter names may be a right shape in words the parser does not know: a TA decides.
    const review = /\d|(?<![A-Za-z])[A-Za-z](?![A-Za-z])/.test(text) ? { review: ["The shape could not be read automatically; a TA will check it."] } : {};
    return { earned: 0, note: "Not a shape.", feedback, ...review, unread: feedback[0]! };
  }
  const lower = (f: readonly Factor[]) => f.map((x) => (typeof x === "string" ? x.toLowerCase() : x));
  // With only one-letter lowercase names in the reference (m, n, l), "M x N" cannot mean anything else.
  const lettersOnly = reference.every((f) => typeof f === "number" || /^[a-z]$/.test(f));
  // "mn" for m × n: one name whose letters are as many as the shape's one-letter factors.
  const glued = parsed.length === 1 && typeof parsed[0] === "string" && lettersOnly && reference.length > 1 && parsed[0].length === reference.length;
  const read0 = glued ? [...(parsed[0] as string)] : parsed;
  const given = lettersOnly ? lower(read0) : read0;
  const read = show(given) !== show(parsed) ? ` (read as ${show(given)})` : "";
  if (sameShape(given, reference)) return { earned: points, note: `${show(parsed)} is right${read}.`, feedback: [] };
  if (given.length !== reference.length) {
    return { earned: 0, note: `${show(given)} has ${given.length} factor(s).`, feedback: [`The shape has ${reference.length} dimensions; you gave ${given.length} (${show(given)}).`] };
  }
  if (sameShape([...given].reverse(), reference)) {
    const why = given.length === 2 ? "is transposed: the rows and columns are swapped" : "has the right sizes in the reverse order";
    return { earned: 0, note: `${show(given)} is reversed.`, feedback: [`${show(given)} ${why}.`] };
  }
  if (sameShape(lower(given), lower(reference))) {
    return { earned: 0, note: `${show(given)}: wrong letter case.`, feedback: [`Dimension names are case-sensitive: check the case of ${show(given)} against the question.`] };
  }
  return { earned: 0, note: `${show(given)} is not right.`, feedback: [`${show(given)} is not the right shape.`] };
}

/** "$n$ vertices", "m edges": a one-letter name the prompt gives to a count of things (not "a vertex"). */
const COUNT_NAMED = /(?:\$([A-Za-z])\$|(?<![\w$'])([b-zB-HJ-Z])(?![\w$']))\s+([A-Za-z]{3,})/g;

/**
 * Reads the size of a set, `|V|` or `|E|`, as the name the prompt gives its count ("$n$ vertices"
 * for `|V|`, by the initial of the things counted); left as typed when no single name fits.
 */
export function readCardinalities(text: string, prompt: string): string {
  if (!text.includes("|")) return text;
  const byInitial = new Map<string, Set<string>>();
  for (const m of prompt.matchAll(COUNT_NAMED)) {
    const initial = (m[3] ?? "").charAt(0).toUpperCase();
    byInitial.set(initial, (byInitial.get(initial) ?? new Set()).add(m[1] ?? m[2] ?? ""));
  }
  return text.replace(/\|\s*([A-Za-z])\s*\|/g, (whole, set: string) => {
    const names = byInitial.get(set.toUpperCase());
    return names?.size === 1 ? [...names][0]! : whole;
  });
}

/** Grades a `dimensions` question. */
export function gradeDimensions(question: Question, spec: DimensionsAnswer, answer: StudentAnswer): Grade {
  const check = checkDimensions(spec.value, readCardinalities(answer.text, question.prompt), question.points);
  const item = { id: "dimensions", label: "The dimensions", points: question.points, earned: check.earned, note: check.note };
  return buildGrade(question, [item], check.feedback, check.review, [], check.unread ? [check.unread] : []);
}
