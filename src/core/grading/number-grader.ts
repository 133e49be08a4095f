import type { NumberAnswer, Question } from "../bank/schema.ts";
import { evaluateNumber } from "../math/index.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, type ValueCheck, buildGrade, detected } from "./grade-result.ts";
import { verbatim } from "../chat/reply.ts";
import { statedNumber } from "./stated-number.ts";

/**
 * Grades a number answer. Default tolerances, unless the question sets `rtol`/`atol`:
 * - an integer reference (a count such as 4608 parameters) must be met exactly (rtol 1e-9, atol 1e-9):
 *   a count has one right value, and PrairieLearn's 1% would pass 4600 for 4608;
 * - any other reference uses PrairieLearn's defaults, rtol 1e-2 and atol 1e-8.
 * Arithmetic is accepted ("32*3*3*16"); NaN and Infinity are refused with a message.
 */

/** The tolerances used when a question sets none (see the file comment). */
export const NUMBER_DEFAULTS = { integer: { rtol: 1e-9, atol: 1e-9 }, real: { rtol: 1e-2, atol: 1e-8 } } as const;

type NumberSpec = Pick<NumberAnswer, "value" | "rtol" | "atol" | "mistakes">;

/** Tolerances for `spec`, from the question or the defaults above. */
export function numberTolerance(spec: NumberSpec, reference: number): { rtol: number; atol: number } {
  const fallback = Number.isInteger(reference) ? NUMBER_DEFAULTS.integer : NUMBER_DEFAULTS.real;
  return { rtol: spec.rtol ?? fallback.rtol, atol: spec.atol ?? fallback.atol };
}

function close(a: number, b: number, tol: { rtol: number; atol: number }): boolean {
  return Math.abs(a - b) <= Math.max(tol.atol, tol.rtol * Math.abs(b));
}

/** `32x3x3x16`: an x between digits is a product in a count (never in a shape, see dimensions-grader). */
export const TIMES_BETWEEN_DIGITS = /(?<=\d)\s*[xX×·⋅]\s*(?=\d)/g;

/**
 * Removes what students wrap a number in: "= 4608", "4,608", "4608 parameters", a reason, a hedge,
 * work before the result (see stated-number.ts); reads `32x3x3x16` as a product, and of a worked
 * chain "32*3*3*16 = 4608" the last side, the student's final value.
 */
export function cleanNumberText(text: string): string {
  let t = statedNumber(text.trim().replace(/^(answer|ans)\s*[:=]\s*/i, "")).replace(/^=\s*/, "");
  t = t.replace(/\s+[a-z][a-z\s]*\.?$/i, "").trim();
  const sides = t.split(/(?<![<>=!])=(?!=)/).map((side) => cleanSide(side));
  // Only a chain of numbers: "Depth 16. Each filter has 3*3*16 = 144" is prose, not a chain.
  if (sides.length > 1 && sides.every((side) => evaluateNumber(side).ok)) return sides.at(-1) ?? t;
  return cleanSide(t);
}

function cleanSide(side: string): string {
  const t = side.trim();
  return (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, "") : t).replace(TIMES_BETWEEN_DIGITS, "*");
}

function toNumber(value: number | string): number | undefined {
  if (typeof value === "number") return value;
  const r = evaluateNumber(value);
  return r.ok ? r.value : undefined;
}

/** "4.6k", "5M": a rounded count, which a TA may accept for the exact one (so it goes to review). */
export const ROUNDED_COUNT = /^\s*\d+(?:\.\d+)?\s*[kKmM]\s*$/;

/** Checks one number against `spec`; `points` is what a right answer earns. */
export function checkNumber(spec: NumberSpec, text: string, points: number): ValueCheck {
  const reference = toNumber(spec.value);
  if (reference === undefined) {
    return { earned: 0, note: "The question's reference value is broken.", feedback: [], review: ["The reference value of this question could not be evaluated."] };
  }
  const cleaned = cleanNumberText(text);
  if (cleaned === "") return { earned: 0, note: "No answer.", feedback: [EMPTY_ANSWER] };
  if (ROUNDED_COUNT.test(text)) {
    const rounded = verbatim(text.trim());
    return { earned: 0, note: `"${rounded}" is a rounded count.`, feedback: ["Give the exact number, not a rounded one."], review: [`"${rounded}" is a rounded count; a TA will check it.`] };
  }
  const parsed = evaluateNumber(cleaned);
  if (!parsed.ok) {
    const feedback = [`I could not read "${verbatim(cleaned)}" as a number: ${parsed.message}`];
    // Text with digits in it may hold the right value in a form not read here: a TA decides.
    const understood = /finite|real number|single number/.test(parsed.message);
    const review = /\d/.test(cleaned) && !understood ? [`"${verbatim(cleaned)}" could not be read as one number; a TA will check it.`] : undefined;
    return { earned: 0, note: `"${verbatim(cleaned)}" is not a number.`, feedback, ...(review ? { review } : {}), unread: /[.!?]$/.test(feedback[0]!) ? feedback[0]! : `${feedback[0]!}.` };
  }
  const value = parsed.value;
  if (!Number.isFinite(value)) {
    return { earned: 0, note: "Not a finite number.", feedback: ["Your answer is not a finite number; give a finite value."] };
  }
  const tol = numberTolerance(spec, reference);
  if (close(value, reference, tol)) return { earned: points, note: `${formatValue(value)} is right.`, feedback: [] };
  for (const mistake of spec.mistakes) {
    const wrong = toNumber(mistake.answer);
    if (wrong !== undefined && close(value, wrong, tol)) {
      return { earned: Math.min(points, mistake.points), note: `${formatValue(value)} is a known mistake.`, feedback: [mistake.feedback], mistake: detected(mistake) };
    }
  }
  return { earned: 0, note: `${formatValue(value)} is not right.`, feedback: [`${formatValue(value)} is not the right value.`] };
}

function formatValue(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** Grades a `number` question. */
export function gradeNumber(question: Question, spec: NumberAnswer, answer: StudentAnswer): Grade {
  const check = checkNumber(spec, answer.text, question.points);
  const item = { id: "value", label: "The value", points: question.points, earned: check.earned, note: check.note };
  return buildGrade(question, [item], check.feedback, check.review, check.mistake ? [check.mistake] : [], check.unread ? [check.unread] : []);
}
