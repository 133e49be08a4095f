import type { ExpressionAnswer, Question } from "../bank/schema.ts";
import { checkExpression, sameForm } from "../math/index.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, type ValueCheck, buildGrade, detected } from "./grade-result.ts";
import { formulaWordOf, readFormula, splitTopLevel, withoutProse } from "./formula-text.ts";
import { offeredAlternatives } from "./formula-alternatives.ts";
import { formulaInWords } from "./formula-in-words.ts";
import { readRemarks } from "./formula-remarks.ts";
import { namedSymbols, symbolWordsOf } from "./symbol-words.ts";

/**
 * Grades a formula, vector or matrix answer by evaluation at random points (the math engine samples
 * every symbol with distinct sizes, so a dropped transpose cannot pass). An invalid expression, a
 * wrong shape or an unknown symbol is feedback, never an exception. A known mistake earns its points
 * and its own feedback ("relu where the derivative needs its indicator").
 */

type ExpressionSpec = Pick<ExpressionAnswer, "reference" | "dimensions" | "symbols" | "derived" | "rtol" | "atol" | "mistakes">;

/** Drops a left-hand side the student copied from the question: "dL/dz = z - y" -> "z - y". */
export function stripLeftSide(text: string): string {
  const parts = text.split(/(?<![<>=!])=(?!=)/);
  return parts.length === 2 && (parts[1] ?? "").trim() !== "" ? (parts[1] ?? "").trim() : text.trim();
}

/** Every name the question declares, with aliases: a student's own definitions never shadow them. */
function declaredOf(spec: ExpressionSpec): Set<string> {
  const out = new Set<string>();
  for (const [name, s] of [...Object.entries(spec.symbols), ...Object.entries(spec.derived)]) {
    out.add(name);
    s.aliases.forEach((a) => out.add(a));
  }
  return out;
}

/** True when the text has something a formula is made of: a digit, an operator, or a declared name. */
function hasMath(text: string, declared: ReadonlySet<string>): boolean {
  if (/[\d+*/^=()_\\@⊙·×−-]/.test(text)) return true;
  return text.split(/[^A-Za-z0-9_]+/).some((w) => declared.has(w) || (w.length > 1 && [...w].every((c) => declared.has(c))));
}

/** A word that says an operation: the text describes a formula, even when its names are not read. */
const OPERATOR_WORD = /\b(?:minus|plus|times|multipl(?:y|ied)|transposed?|divided|subtract(?:ed)?)\b/i;

/** The review reason for a formula read from words. */
const WORDS_REVIEW = "The formula was read from your words; a TA will confirm the reading.";

/** A note and a review reason for a formula the engine could not read: a TA decides, never a silent 0. */
const UNREAD_REVIEW = "The formula could not be read automatically (it may be right in a form the checker does not know); a TA will check it.";

/** The review reason for an answer that names a formula as part of something else ("z - y appears in it"). */
const PART_REVIEW = "The answer names a formula as a part of another expression rather than giving it as the answer; a TA will check what was meant.";

/**
 * Checks one expression against `spec`; `points` is what a right answer earns. Remarks around the
 * formula go first (formula-remarks.ts): a formula named as a part of something is never the answer,
 * and what is left is sent to review unless it earns full credit.
 */
export function checkExpressionAnswer(spec: ExpressionSpec, typed: string, points: number): ValueCheck {
  if (typed.trim() === "") return { earned: 0, note: "No answer.", feedback: [EMPTY_ANSWER] };
  const declared = declaredOf(spec);
  const remarks = readRemarks(typed, (clause) => hasMath(clause, declared));
  if (!remarks.aboutAPart) return checkFormula(spec, remarks.text, points, declared);
  const check = remarks.text === "" ? undefined : checkFormula(spec, remarks.text, points, declared);
  if (check && check.earned >= points) return check;
  return {
    ...(check ?? { earned: 0, note: "No answer given, only a claim about a part of an expression.", feedback: ["Give the expression itself as your answer."] }),
    review: [...(check?.review ?? []), PART_REVIEW],
  };
}

function checkFormula(spec: ExpressionSpec, text: string, points: number, declared: ReadonlySet<string>): ValueCheck {
  const options = {
    test: "equiv" as const,
    ...(spec.rtol !== undefined ? { rtol: spec.rtol } : {}),
    ...(spec.atol !== undefined ? { atol: spec.atol } : {}),
    context: { symbols: spec.symbols, derived: spec.derived, dimensions: spec.dimensions },
  };
  const offered = gradeAlternatives(text, declared, spec.reference, options);
  if (offered && "hedge" in offered) return offered.hedge;
  if (offered) return checkFormula(spec, offered.text, points, declared);
  // The best reading that the engine can evaluate; the first reading's reason if none can.
  const readings = readFormula(text, declared).candidates;
  let student = readings[0] ?? stripLeftSide(text);
  let verdict = checkExpression(student, spec.reference, options);
  for (const candidate of readings.slice(1)) {
    if (verdict.result !== "invalid") break;
    const next = checkExpression(candidate, spec.reference, options);
    if (next.result !== "invalid") ({ student, verdict } = { student: candidate, verdict: next });
  }
  // A formula described in words, read by pattern: checked by value, confirmed by a TA.
  let confirm: { review?: string[] } = {};
  const words = symbolWordsOf(spec.symbols, spec.derived);
  // Its readings in order (a product whose side is not said is read both ways): the first the engine can evaluate.
  if (verdict.result === "invalid") {
    const inWords = formulaInWords(text, declared, words);
    // The symbols named in words first, so prose around them ("so the gradient is …") is told apart.
    const described = inWords.length > 0 ? inWords : formulaInWords(withoutProse(namedSymbols(text, words), declared), declared);
    const checked = described.map((reading) => ({ student: reading, verdict: checkExpression(reading, spec.reference, options) }));
    const computable = (v: typeof verdict) => v.result !== "invalid" && !/^your answer cannot be evaluated/.test(v.reason ?? "");
    const best = checked.find((c) => computable(c.verdict)) ?? checked.find((c) => c.verdict.result !== "invalid");
    if (best) {
      ({ student, verdict } = best);
      confirm = { review: [WORDS_REVIEW] };
    }
  }
  if (verdict.result === "equal") return { earned: points, note: "Equivalent to the reference.", feedback: [], ...confirm };
  // A known mistake is recognised by value, or by its written form when its shapes do not fit.
  for (const mistake of spec.mistakes) {
    const hit = verdict.result !== "invalid" && checkExpression(student, mistake.answer, options).result === "equal";
    if (hit || sameForm(student, mistake.answer, options.context)) {
      return { earned: Math.min(points, mistake.points), note: "A known mistake.", feedback: [mistake.feedback], mistake: detected(mistake), ...confirm };
    }
  }
  if (verdict.result !== "invalid" && missesOneTerm(student, spec.reference, options)) {
    return {
      earned: 0, note: "The answer but for one term.", feedback: ["Your expression is the answer with one term missing: check which part you left out."],
      review: ["The expression is the reference with one term missing, which the rubric does not list; a TA will judge partial credit."],
    };
  }
  const slip = verdict.result !== "invalid" ? nearSlip(student, spec.reference, options) : undefined;
  if (slip) {
    return {
      earned: 0, note: `The answer but for ${slip}.`, feedback: [`Your expression is the answer but for ${slip}: check your signs and constants.`],
      review: [`The expression is the reference but for ${slip}, which the rubric does not list; a TA will judge partial credit.`],
    };
  }
  if (verdict.result === "invalid") {
    const feedback = [verdict.reason || "I could not read that expression."];
    const unread = sentence(`I could not read this as a formula: ${feedback[0]!.replace(/^./, (c) => c.toLowerCase())}`);
    // A symbol named in words, or an operator word ("prediction minus the error", "the error times x
    // transposed"), is a formula in words a TA reads: never a confident 0.
    if (!hasMath(namedSymbols(text, words), declared) && !OPERATOR_WORD.test(text)) return { earned: 0, note: "No formula found.", feedback, unread };
    return { earned: 0, note: "Could not be evaluated: a TA will check it.", feedback, review: [UNREAD_REVIEW], unread };
  }
  const why = verdict.reason ? ` ${verdict.reason.charAt(0).toUpperCase()}${verdict.reason.slice(1)}` : "";
  // A shape that cannot be the answer's, or a product that cannot be computed, is said on arrival too.
  const shape = /^your answer (is a|cannot be evaluated)/.test(verdict.reason ?? "") ? { unread: sentence(verdict.reason!) } : {};
  return { earned: 0, note: "Not equivalent to the reference.", feedback: [`Your expression is not equivalent to the answer.${why}`], ...shape, ...confirm };
}

type CheckOptions = Parameters<typeof checkExpression>[2];

/** The first reading of `entry` that the engine can evaluate, or undefined. */
function readable(entry: string, declared: ReadonlySet<string>, reference: string, options: CheckOptions): { student: string; equal: boolean } | undefined {
  for (const student of readFormula(entry, declared).candidates) {
    const verdict = checkExpression(student, reference, options);
    if (verdict.result !== "invalid") return { student, equal: verdict.result === "equal" };
  }
  return undefined;
}

const HEDGE_FEEDBACK = "You gave several different answers; a TA grades one answer, so none of them earns the credit. Commit to one formula.";

/**
 * Several formulas offered side by side ("z - y or y - z", a comma list of candidates): when two of
 * them differ in value, the answer claims both and earns nothing, as a TA grades it (`hedge`). When
 * every entry reads as the same formula ("z - y, or equivalently -(y - z)"), the first entry is the
 * `text` to grade. Undefined when the answer offers one formula.
 */
function gradeAlternatives(text: string, declared: ReadonlySet<string>, reference: string, options: CheckOptions): { hedge: ValueCheck } | { text: string } | undefined {
  const entries = offeredAlternatives(text, formulaWordOf(declared));
  if (entries.length < 2) return undefined;
  const read = entries.map((e) => readable(e, declared, reference, options)).filter((r) => r !== undefined);
  if (read.length < 2) return undefined;
  const first = read[0]!.student;
  const differ = read.slice(1).some((r) => checkExpression(r.student, first, options).result !== "equal");
  if (!differ) return read.length === entries.length ? { text: entries[0]! } : undefined;
  return { hedge: { earned: 0, note: "Several different formulas offered.", feedback: [HEDGE_FEEDBACK] } };
}

/**
 * True when `student` plus one top-level term of `reference` is the reference ("2mn + ml + m" for
 * "2mn + ml + m + l"): nearly right in a way no listed mistake covers, so a TA weighs it.
 */
function missesOneTerm(student: string, reference: string, options: CheckOptions): boolean {
  const terms = splitTopLevel(reference, /\+/y);
  if (terms.length < 2) return false;
  return terms.some((term) => checkExpression(`(${student}) + (${term})`, reference, options).result === "equal");
}

/** Constant factors a student may leave in or drop: a 2 not cancelled against a ½, a sign. */
const FACTORS = ["2", "0.5", "-2", "-0.5"];

/**
 * What keeps `student` from the reference when it is a slip no listed mistake covers: the reference
 * times a constant ("2(z - y)"), or one of its top-level terms with the sign flipped ("A - B" for
 * "A + B"). Nearly right, so a TA weighs it; undefined otherwise.
 */
function nearSlip(student: string, reference: string, options: CheckOptions): string | undefined {
  if (FACTORS.some((c) => checkExpression(student, `${c} * (${reference})`, options).result === "equal")) return "a constant factor";
  const terms = splitTopLevel(reference, /\+/y);
  if (terms.length < 2) return undefined;
  const flipped = terms.some((term) => checkExpression(student, `(${reference}) - 2 * (${term})`, options).result === "equal");
  return flipped ? "the sign of one term" : undefined;
}

/** Grades an `expression` question. */
export function gradeExpression(question: Question, spec: ExpressionAnswer, answer: StudentAnswer): Grade {
  const check = checkExpressionAnswer(spec, answer.text, question.points);
  const item = { id: "expression", label: "The expression", points: question.points, earned: check.earned, note: check.note };
  return buildGrade(question, [item], check.feedback, check.review, check.mistake ? [check.mistake] : [], check.unread ? [check.unread] : []);
}

/** A reason as a sentence: capitalised, with its full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? "" : "."}`;
}
