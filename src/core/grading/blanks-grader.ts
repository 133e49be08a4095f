import type { Blank, BlanksAnswer, Question } from "../bank/schema.ts";
import { assignParts } from "./blank-parts.ts";
import type { AwardedItem, DetectedMistake, Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, type ValueCheck, buildGrade } from "./grade-result.ts";
import { checkDimensions } from "./dimensions-grader.ts";
import { checkExpressionAnswer } from "./expression-grader.ts";
import { checkNumber } from "./number-grader.ts";
import { firstValueIn, namedInProse, valuesInProse } from "./prose-values.ts";
import { verbatim } from "../chat/reply.ts";
import { tidyBlanksText } from "./blank-text.ts";
import { layerNotationAsBlanks } from "./layer-notation.ts";
import { afterDenial, bracketsBalanced, checkedResult, isHedged, isReadable, likeOtherBlanks, sameAsBefore, weightShapeAsBlanks } from "./blank-readings.ts";

/**
 * Grades an answer with several blanks ("W1: m x n; Ws: m x n; W2: l x m"). Parts are separated by
 * `;` or new lines (or, when that gives one part, by top-level commas or "and"); a part may start with
 * its blank's label or an alias, matched loosely (case, spaces, `_`, `\`, braces), followed by `:`,
 * `=`, `∈` or "is". Unlabelled parts fill the remaining blanks in the listed order; a value set apart
 * by ` / ` with no blank left for it is another answer for the blank before it ("depth 16 / 32": a
 * hedge), or the next factor of a shape ("size: 7 / 7 / 3"). A labelled value that starts by denying
 * one ("depth isn't 3, it's 16") keeps what it then says; "Ws: m×n, like W1" answers W1 too; framework
 * notation for a layer is read by layer-notation.ts.
 */

function checkBlank(blank: Blank, shared: BlanksAnswer["shared"], text: string): ValueCheck {
  switch (blank.kind) {
    case "number":
      return checkNumber(blank, text, blank.points);
    case "dimensions":
      return checkDimensions(blank.value, text, blank.points);
    case "expression":
      return checkExpressionAnswer({
        ...blank,
        symbols: { ...shared?.symbols, ...blank.symbols },
        derived: { ...shared?.derived, ...blank.derived },
        dimensions: { ...shared?.dimensions, ...blank.dimensions },
      }, text, blank.points);
  }
}

const escapeText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Checks every blank; when no part is labelled, two blanks of the same kind may have been given in
 * the other order ("4608, 16"; dL/db before dL/dW): the order that reads best stands, since each
 * value can be only one of them.
 */
function bestAssignment(spec: BlanksAnswer, values: Array<string | undefined>, labelled: boolean[], hedged: boolean[]) {
  const run = (vs: Array<string | undefined>, hs: boolean[]) => {
    const results = spec.blanks.map((b, i) => (vs[i] === undefined || hs[i] ? undefined : checkBlank(b, spec.shared, vs[i]!)));
    return { values: vs, hedged: hs, results, total: results.reduce((s, r) => s + (r?.earned ?? 0), 0) };
  };
  let best = run(values, hedged);
  if (labelled.some(Boolean)) return best;
  for (let i = 0; i < spec.blanks.length; i++) {
    for (let j = i + 1; j < spec.blanks.length; j++) {
      if (spec.blanks[i]!.kind !== spec.blanks[j]!.kind || values[i] === undefined || values[j] === undefined) continue;
      const vs = [...values];
      const hs = [...hedged];
      [vs[i], vs[j]] = [vs[j], vs[i]];
      [hs[i], hs[j]] = [hs[j] ?? false, hs[i] ?? false];
      const swapped = run(vs, hs);
      if (swapped.total > best.total) best = swapped;
    }
  }
  return best;
}

const slug = (label: string, i: number) => label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `blank-${i + 1}`;

/** Grades a `blanks` question. */
export function gradeBlanks(question: Question, spec: BlanksAnswer, answer: StudentAnswer): Grade {
  if (answer.text.trim() === "") {
    const items = spec.blanks.map((b, i) => ({ id: slug(b.label, i), label: b.label, points: b.points, earned: 0, note: "No answer." }));
    return buildGrade(question, items, [EMPTY_ANSWER]);
  }
  const declared = new Set(Object.entries({ ...spec.shared?.symbols, ...spec.shared?.derived }).flatMap(([n, v]) => [n, ...v.aliases]));
  const onehot = Object.entries(spec.shared?.symbols ?? {}).find(([, s]) => s.domain === "onehot")?.[0];
  const tidy = tidyBlanksText(spec.blanks, weightShapeAsBlanks(spec.blanks, answer.text) ?? layerNotationAsBlanks(spec.blanks, answer.text) ?? answer.text, declared, onehot);
  const assigned = assignParts(spec.blanks, tidy.text);
  let { values, ignored } = assigned;
  // "depth isn't 3, it's 16": a labelled value that starts by denying one keeps only what it then says.
  const deniedOnly = values.map((v, i) => v !== undefined && assigned.labelled[i] === true && afterDenial(v)?.trim() === "");
  values = values.map((v, i) => {
    const rest = v === undefined || !assigned.labelled[i] ? undefined : afterDenial(v);
    return rest === undefined ? v : rest.trim() === "" ? undefined : rest;
  });
  // "Ws: m×n just like W1": the blank named as alike takes the value.
  values = likeOtherBlanks(spec.blanks, values);
  // Two answers for one blank are found before any value is picked out of the part.
  const hedged = values.map((v, i) => v !== undefined && isHedged(spec.blanks[i]!, v));
  // A labelled part with work shown ("depth: 16 (matches 16 input channels)"): its first value, or
  // the result of work whose arithmetic checks out ("3·3·16 per filter × 32 filters = 4608").
  // The result of work that checks out, under a label: kept over a value the prose reading guesses.
  const checked = values.map(() => false);
  values = values.map((v, i) => {
    const blank = spec.blanks[i]!;
    if (v === undefined || !assigned.labelled[i] || hedged[i] || blank.kind === "expression" || isReadable(blank, v)) return v;
    // A bracket left open is a formula cut short, not work shown after a value: "32*3*(3*16" is not 96.
    if (!bracketsBalanced(v)) return v;
    const result = blank.kind === "number" ? checkedResult(v) : undefined;
    checked[i] = result !== undefined;
    return result ?? firstValueIn(blank.kind, v) ?? v;
  });
  // "same for Ws": the value of the blank before.
  values = values.map((v, i) => {
    const same = v === undefined ? undefined : sameAsBefore(spec.blanks[i]!, v, values[i - 1]);
    if (same !== undefined) hedged[i] = hedged[i - 1] ?? false;
    return same ?? v;
  });
  // A sentence with no labels ("16 filters of 7x7x3"): read the values from the prose.
  const readable = values.every((v, i) => v !== undefined && isReadable(spec.blanks[i]!, v));
  // Unlabelled sentences with work in them ("each filter 3x3x16 so 144 params, 32 filters → 4608"):
  // a value per part would be a guess; the prose reading finds what each value is called.
  const worked = !assigned.labelled.some(Boolean) && values.some((v) => v !== undefined && /[A-Za-z]{3,}/.test(v) && (v.match(/\d+/g) ?? []).length > 1);
  const prose = (readable && !worked) || !bracketsBalanced(tidy.text) ? undefined : valuesInProse(spec.blanks, tidy.text);
  if (prose) {
    // A value given after its own label reads better than one picked out of the sentence.
    const kept = values.map((v, i) => checked[i] || (assigned.exact[i] && v !== undefined && (hedged[i] || isReadable(spec.blanks[i]!, v))));
    // A blank whose part only denies a value ("depth isn't 3") answers nothing, whatever the sentence holds.
    ({ values, ignored } = { values: prose.map((v, i) => (kept[i] ? values[i]! : deniedOnly[i] ? "" : v)), ignored: [] });
    prose.forEach((v, i) => {
      if (kept[i]) return;
      hedged[i] = new RegExp(String.raw`(?:^|[^\w.])${escapeText(v)}(?:\s+|\s*\(\s*)or\s+[\d(]|[\d)]\s+or\s+${escapeText(v)}(?![\w.])`).test(tidy.text);
    });
  }
  // Own definitions ("let P = softmax(A)") hold for every expression blank.
  const where = tidy.definitions.length > 0 ? ` where ${tidy.definitions.join(" and ")}` : "";
  values = values.map((v, i) => (v !== undefined && where && spec.blanks[i]!.kind === "expression" ? `${v}${where}` : v));
  const checks = bestAssignment(spec, values, assigned.labelled, hedged);
  const items: AwardedItem[] = [];
  const feedback: string[] = [];
  const review: string[] = [];
  const mistakes: DetectedMistake[] = [];
  const unread: string[] = [];
  const missing: string[] = [];
  spec.blanks.forEach((blank, i) => {
    const value = checks.values[i];
    const base = { id: slug(blank.label, i), label: blank.label, points: blank.points };
    if (value === undefined || value.trim() === "") {
      missing.push(blank.label);
      items.push({ ...base, earned: 0, note: "No answer for this blank." });
      return;
    }
    if (checks.hedged[i]) {
      items.push({ ...base, earned: 0, note: "Two answers for one blank." });
      feedback.push(`${blank.label}: you gave more than one answer ("${verbatim(value.trim())}"); one answer per blank earns credit.`);
      return;
    }
    const check = checks.results[i]!;
    items.push({ ...base, earned: check.earned, note: check.note });
    // A value taken from a sentence by its position, not by its name, is a guess: a wrong one goes to a TA.
    if (prose && check.earned < blank.points && !namedInProse(blank, tidy.text)) {
      review.push(`${blank.label}: read from your sentence by position; a TA will check it.`);
    }
    feedback.push(...check.feedback.map((f) => `${blank.label}: ${f}`));
    review.push(...(check.review ?? []));
    if (check.mistake) mistakes.push(check.mistake);
    if (check.unread) unread.push(`${blank.label}: ${check.unread}`);
  });
  // A gradient written per class is read in matrix form by notation, not checked as typed: a TA confirms it.
  if (tidy.perClass) review.push("The gradient was read from its per-class form (a sum over the examples); a TA will confirm the reading.");
  if (missing.length > 0) {
    const how = spec.blanks.map((b) => `${b.label}: ...`).join("; ");
    feedback.unshift(`Missing: ${missing.join(", ")}. Answer each part as "${how}".`);
  }
  if (ignored.length > 0) {
    feedback.push(`I ignored: ${ignored.map((p) => `"${verbatim(p)}"`).join(", ")}.`);
    // Text that fits no blank may hold the answer in a form not read here; only a TA can tell.
    if (items.some((i) => i.earned < i.points)) review.push("Part of the answer could not be matched to a blank; a TA will check it.");
    unread.push(`I could not match ${ignored.map((p) => `"${verbatim(p)}"`).join(", ")} to a part of the question; label each part as "${spec.blanks.map((b) => `${b.label}: ...`).join("; ")}".`);
  }
  return buildGrade(question, items, feedback, review, mistakes, unread);
}
