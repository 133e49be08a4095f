import { splitTopLevel } from "./formula-text.ts";
import type { Blank, BlanksAnswer, Question } from "../bank/schema.ts";
import type { AwardedItem, DetectedMistake, Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, type ValueCheck, buildGrade } from "./grade-result.ts";
import { checkDimensions, parseDimensions } from "./dimensions-grader.ts";
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

/** Label spelling ignoring case, spaces, `_`, `-`, `\`, braces and ∂ vs d. */
export function looseLabel(label: string): string {
  return label.toLowerCase().replace(/∂/g, "d").replace(/\\partial/g, "d").replace(/[\s_\-\\{}$^]/g, "");
}

/** What joins a label to its value: `:`, `=`, `∈`, "is", or an arrow (`12 -> slot 3`). */
const SEPARATOR = /\s*(?:->|=>|→|⇒|↦|:|(?<![<>=!])=(?!=)|∈|\\in\b|\s+is\s+|\s+are\s+)\s*/;
/** Words that place a value, read as the link only in a part with no separator: `12 at index 3`, `12 goes to 3`. */
const PLACING = /\s+(?:(?:goes|go|went|lands?|landed|ends?\s+up|ended\s+up|is\s+placed|placed|sits|is\s+stored|stored)\s+)?(?:to|in|into|at|on)\s+/i;

/** A part of an answer, and whether ` / ` set it apart from the part before it on the same line. */
interface Part {
  text: string;
  afterSlash: boolean;
}

function splitParts(blanks: readonly Blank[], text: string): Part[] {
  // ` / ` and ` | ` separate parts in chat ("16 / 7x7x3"); `dL/dW` and `32/2` have no spaces.
  const pieces = text.split(/[;\n]/).flatMap((line) => line.split(/\s[/|]\s/).flatMap((p, i) => valueThenLabel(blanks, { text: p.trim(), afterSlash: i > 0 })));
  const parts = sharedLabels(blanks, pieces.filter((p) => p.text !== ""));
  if (parts.length !== 1) return parts;
  // "and" first, and never a thousands comma: "depth is 16 and parameters = 4,608" is two parts.
  // A split into labelled parts stands even when one label names two blanks ("W1 and Ws are m x n, W2 is l x m").
  // Sentences before commas ("depth 16. 3*3*16 = 144 per filter, times 32 gives 4608"): a decimal
  // point has no space after it.
  for (const sep of [/\s+and\s+/iy, /\.\s+/y, /,(?!\d{3}(?!\d))\s*/y]) {
    const split = splitTopLevel(parts[0]?.text ?? "", sep);
    if (split.length === blanks.length) return split.map((p) => ({ text: p, afterSlash: false }));
    if (split.length > 1 && split.every((p) => labelOf(blanks, p) !== undefined)) return split.map((p) => ({ text: p, afterSlash: false }));
  }
  return parts;
}

/** "16 / 26, size: 7x7x3": a bare value before a comma and a labelled part is a part of its own. */
function valueThenLabel(blanks: readonly Blank[], part: Part): Part[] {
  const m = /^([\w.]+),\s+(\S.*)$/.exec(part.text);
  if (!m || labelOf(blanks, m[2]!) === undefined || labelOf(blanks, part.text)?.exact) return [part];
  return [{ text: m[1]!, afterSlash: part.afterSlash }, { text: m[2]!, afterSlash: false }];
}

/** "W1 / Ws: m x n": a part that is only a blank's label shares the value of the labelled part after it. */
function sharedLabels(blanks: readonly Blank[], parts: Part[]): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.text;
    const next = parts[i + 1];
    const onlyLabel = blanks.some((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === looseLabel(part)));
    if (next !== undefined && !SEPARATOR.test(part) && onlyLabel && labelOf(blanks, next.text) !== undefined) {
      parts[i + 1] = { text: `${part}, ${next.text}`, afterSlash: parts[i]!.afterSlash };
    } else out.push(parts[i]!);
  }
  return out;
}

/** A label is a part's first words: "the depth is 16", not "each filter has 3*3*16 = 144 weights". */
const MAX_LABEL_WORDS = 3;

/** The blanks a part's label names ("W1", "W1 and Ws", "W1, Ws"), and where its value starts. */
interface Label {
  indices: number[];
  valueStart: number;
  /** The label is a blank's own label or alias, not a sentence with its name in it ("16 filters of"). */
  exact: boolean;
}

function labelOf(blanks: readonly Blank[], part: string): Label | undefined {
  // A colon or `=` links the words before it to the value ("depth in the first layer: 16"); an arrow
  // may be work inside the value ("W2 goes m→l so l by m").
  if (SEPARATOR.test(part)) return labelBefore(blanks, part, SEPARATOR) ?? (/[:=]/.test(part) ? undefined : firstWordLabel(blanks, part));
  // "depth 16", "params 32*3*3*16": a label then its value with only a space between; "W2 goes m→l
  // so l by m": a part that starts with a blank's own label.
  return labelBefore(blanks, part, PLACING) ?? labelBefore(blanks, part, BARE_VALUE) ?? firstWordLabel(blanks, part);
}

/** A space before a value (a digit or a bracket), for a label written with no separator. */
const BARE_VALUE = /\s+(?=[\d(])/;

/** A part whose first word is exactly a blank's label or alias (not a word of it): the rest is its value. */
function firstWordLabel(blanks: readonly Blank[], part: string): Label | undefined {
  const first = /^(\S+)\s+/.exec(part);
  if (!first) return undefined;
  const loose = looseLabel(first[1] ?? "");
  const index = blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === loose));
  // The rest must hold something a value is made of: a digit, a bracket or a one-letter name.
  const rest = part.slice(first[0].length);
  return index >= 0 && /\d|[([]|(?<![A-Za-z])[A-Za-z](?![A-Za-z])/.test(rest) ? { indices: [index], valueStart: first[0].length, exact: true } : undefined;
}

function labelBefore(blanks: readonly Blank[], part: string, separator: RegExp): Label | undefined {
  const sep = separator.exec(part);
  if (!sep || sep.index === 0) return undefined;
  // Reasoning, then "so depth = 16": the label is what follows the last "so".
  const before = part.slice(0, sep.index).trim().replace(/^[\s\S]*\b(?:so|thus|hence|therefore)\s+(?=\S)/i, "").replace(/^the\s+/i, "");
  // "depth isn't 3, it's 16": the denial belongs to the value (see afterDenial), not to the label.
  const denial = LABEL_DENIAL.exec(before);
  const label = denial ? before.slice(0, denial.index) : before;
  if (label === "" || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  const names = findBlank(blanks, label) >= 0 ? [label] : label.split(/\s*(?:,|&|\band\b)\s*/i).filter((p) => p !== "");
  const pieces = names.map((p) => findBlank(blanks, p));
  if (pieces.length === 0 || pieces.some((i) => i < 0)) return undefined;
  const exact = names.every((name, k) => [blanks[pieces[k]!]!.label, ...blanks[pieces[k]!]!.aliases].some((l) => looseLabel(l) === looseLabel(name)));
  return { indices: pieces, valueStart: denial ? part.lastIndexOf(denial[1]!, sep.index) : sep.index + sep[0].length, exact };
}

/** A label then a denial with no separator: "depth isn't 3", "depth not 3". */
const LABEL_DENIAL = /\s+((?:is\s+not|isn['’]t|is\s*n['’]t|not))$/i;

function findBlank(blanks: readonly Blank[], label: string): number {
  const loose = looseLabel(label);
  const exact = blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === loose));
  if (exact >= 0) return exact;
  // "number of filters" names the blank "filters": a whole word of the label, 3+ letters.
  const words = label.toLowerCase().split(/[^a-z0-9]+/);
  return blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => l.length >= 3 && /^[a-z ]+$/i.test(l) && words.includes(l.toLowerCase())));
}

/** Assigns parts to blanks: labelled ones by label, the rest in order. Exported for tests. */
export function assignParts(blanks: readonly Blank[], text: string): { values: Array<string | undefined>; ignored: string[]; labelled: boolean[]; exact: boolean[] } {
  const values: Array<string | undefined> = new Array(blanks.length).fill(undefined);
  const labelled: boolean[] = new Array(blanks.length).fill(false);
  const exact: boolean[] = new Array(blanks.length).fill(false);
  const unlabelled: Array<{ part: Part; index: number }> = [];
  const ignored: string[] = [];
  const parts = splitParts(blanks, text);
  // The blank each part went to, so a value set apart by ` / ` with no blank left joins the one before.
  const placed: Array<number | undefined> = new Array(parts.length).fill(undefined);
  parts.forEach((part, index) => {
    const label = labelOf(blanks, part.text);
    if (!label) {
      unlabelled.push({ part, index });
      return;
    }
    const free = label.indices.filter((i) => values[i] === undefined);
    if (free.length === 0) ignored.push(part.text);
    for (const i of free) {
      values[i] = part.text.slice(label.valueStart);
      labelled[i] = true;
      exact[i] = label.exact;
    }
    placed[index] = free.length === 1 ? free[0] : undefined;
  });
  // Unlabelled parts go to the blanks they can be, before position: a shape (a×b) to a shape blank,
  // a single value to a blank that is not a shape.
  for (const { part, index } of unlabelled) {
    const free = blanks.map((_, i) => i).filter((i) => values[i] === undefined);
    const shape = (parseDimensions(part.text)?.length ?? 0) > 1;
    const slot = free.find((i) => (blanks[i]!.kind === "dimensions") === shape) ?? free[0];
    const before = index > 0 ? placed[index - 1] : undefined;
    if (slot !== undefined) {
      values[slot] = part.text;
      placed[index] = slot;
    } else if (part.afterSlash && before !== undefined && blanks[before]!.kind !== "expression" && /^[\w.,]+$/.test(part.text)) {
      // "depth 16 / 32 / 3": more values than blanks, set apart by slashes after a value, are more
      // answers for that blank (a hedge), but "size: 7 / 7 / 3" is one shape written with slashes.
      const target = blanks[before]!;
      const growing = target.kind === "dimensions" && (parseDimensions(values[before]!)?.length ?? 0) < target.value.length &&
        parseDimensions(part.text)?.length === 1;
      values[before] = `${values[before]}${growing ? " x " : " or "}${part.text}`;
      placed[index] = before;
    } else ignored.push(part.text);
  }
  return { values, ignored, labelled, exact };
}

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
