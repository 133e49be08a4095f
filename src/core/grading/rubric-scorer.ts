import type { AnswerPart, RubricEntry, RubricGroup, RubricItem } from "../bank/schema.ts";
import { assignAnswerParts, partsOnLines } from "./answer-parts.ts";
import type { AwardedItem } from "./grade.ts";
import { type CompiledPhrase, type Occurrence, PhraseMatcher, compilePhrase } from "./phrase-matcher.ts";
import { analyzeText } from "./text-analysis.ts";

/**
 * Applies a concept rubric (items and groups of phrases) to a free-text answer. Used for short
 * answers and for true/false justifications.
 *
 * When a TA must look (`review` is non-empty), the rule behind `Grade.needsReview`:
 * 1. an item earned points, or a deduction applied, only through a loose typo (two edits, or one in a
 *    word under 6 letters); a single slip in a longer word ("dimentionality") is trusted;
 * 2. a matched concept sits in a doubly negated clause ("it is not true that it doesn't saturate");
 * 3. the score is below the maximum while a sentence of real content (5+ content words, or 2+ when
 *    nothing was earned) matched no phrase of any item, deductions included: it may say the missing
 *    concept in words the rubric lacks. A one-word wrong answer ("underfitting", "it is bad") or one
 *    explained by a deduction is not sent.
 * A concept the student negates ("it is not slow") is simply not credited; a deduction is cancelled
 * by any rejection of it ("flips are not valid"), so a student is never penalized for ruling it out.
 *
 * A phrase written `unless: ...` is a guard: words it matches cannot count for its item ("rotate"
 * inside "rotate by 180"; "flipping" inside "flipping changes the digit", a reason against flips).
 * Words that trigger a deduction never also earn a positive item.
 */

/** What a rubric made of an answer, before clamping to the question's points. */
export interface RubricOutcome {
  items: AwardedItem[];
  /** Sum of earned points (may be negative or above the maximum; the caller clamps). */
  raw: number;
  feedback: string[];
  /** Why a TA should decide; empty when the grade can stand alone. */
  review: string[];
  /** Sentences of real content that matched no phrase. */
  unexplained: number;
}

const MIN_CONTENT_WORDS = 5;
const MIN_CONTENT_WORDS_AT_ZERO = 2;
const compiled = new Map<string, CompiledPhrase>();

function phrasesOf(phrases: readonly string[]): CompiledPhrase[] {
  return phrases.map((p) => {
    let c = compiled.get(p);
    if (!c) {
      if (compiled.size > 5000) compiled.clear();
      c = compilePhrase(p);
      compiled.set(p, c);
    }
    return c;
  });
}

interface ConceptMatch {
  hit?: Occurrence & { phrase: string };
  opposite?: Occurrence & { phrase: string };
}

const GUARD = /^\s*unless:\s*/i;

/** An item's phrases, and its guards' positions in the answer (with `also` added). */
function conceptOf(matcher: PhraseMatcher, phrases: readonly string[], part: string | undefined, also?: ReadonlySet<number>) {
  const excluded = new Set(also);
  for (const guard of phrasesOf(phrases.filter((p) => GUARD.test(p)).map((p) => p.replace(GUARD, "")))) {
    matcher.match(guard, part).hit?.positions.forEach((p) => excluded.add(p));
  }
  return { phrases: phrasesOf(phrases.filter((p) => !GUARD.test(p))), excluded };
}

/** Every position where a deduction applies (affirmed and not rejected), so no item earns points there. */
function deductedPositions(rubric: readonly RubricEntry[], matcher: PhraseMatcher, partFor: (p: string | undefined) => string | undefined): Set<number> {
  const out = new Set<number>();
  for (const entry of rubric) {
    if (isGroup(entry) || entry.points >= 0) continue;
    const part = partFor(entry.part);
    const { phrases, excluded } = conceptOf(matcher, entry.phrases, part);
    const hits = phrases.map((p) => matcher.match(p, part, excluded));
    if (hits.some((r) => r.opposite)) continue;
    for (const r of hits) r.hit?.positions.forEach((p) => out.add(p));
  }
  return out;
}

function findConcept(
  matcher: PhraseMatcher, concept: { phrases: CompiledPhrase[]; excluded: ReadonlySet<number> }, seen: Set<number>, part: string | undefined,
): ConceptMatch {
  const out: ConceptMatch = {};
  for (const phrase of concept.phrases) {
    const r = matcher.match(phrase, part, concept.excluded);
    for (const key of ["hit", "opposite"] as const) {
      const o = r[key];
      if (!o) continue;
      seen.add(o.sentence);
      if (better(o, out[key])) out[key] = { ...o, phrase: phrase.text };
    }
  }
  return out;
}

const span = (o: Occurrence) => Math.max(...o.positions) - Math.min(...o.positions);
/** Prefers a sure match to a typo match, then the tightest one (the clearest excerpt). */
const better = (o: Occurrence, current: Occurrence | undefined) =>
  !current || (current.weak && !o.weak) || (current.weak === o.weak && span(o) < span(current));

const isGroup = (e: RubricEntry): e is RubricGroup => "options" in e;
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Scores `text` against `rubric`; pure and linear in the answer's length for a fixed rubric. With
 * `parts`, an item that names a part is looked for only in that labelled part of the answer.
 */
export function scoreRubric(rubric: readonly RubricEntry[], answerText: string, maxPoints: number, parts?: readonly AnswerPart[]): RubricOutcome {
  const text = parts && parts.length > 0 ? partsOnLines(answerText, parts) : answerText;
  const analyzed = analyzeText(text);
  const matcher = new PhraseMatcher(analyzed, parts && parts.length > 0 ? assignAnswerParts(text, analyzed, parts) : []);
  const partFor = (p: string | undefined) => (parts && parts.length > 0 ? p : undefined);
  const seen = new Set<number>();
  const items: AwardedItem[] = [];
  const feedback: string[] = [];
  const review: string[] = [];

  const deducted = deductedPositions(rubric, matcher, partFor);
  for (const entry of rubric) {
    if (isGroup(entry)) items.push(scoreGroup(entry, matcher, seen, feedback, review, partFor, deducted));
    else items.push(scoreItem(entry, matcher, seen, feedback, review, partFor(entry.part), entry.points < 0 ? undefined : deducted));
  }
  const raw = round(items.reduce((s, i) => s + i.earned, 0));

  const contentBySentence = new Map<number, number>();
  for (const t of analyzed.tokens) if (!t.filler) contentBySentence.set(t.sentence, (contentBySentence.get(t.sentence) ?? 0) + 1);
  let unexplained = 0;
  // With nothing earned, even a short unmatched claim ("the kernel is shared across positions") may
  // be right in words the rubric lacks: never a confident zero when unsure.
  const least = raw <= 0 ? MIN_CONTENT_WORDS_AT_ZERO : MIN_CONTENT_WORDS;
  for (const [sentence, n] of contentBySentence) if (n >= least && !seen.has(sentence)) unexplained++;
  if (unexplained > 0 && raw < maxPoints) {
    review.push(unexplained === 1
      ? "One sentence matches no rubric concept; a TA will check whether it says what the rubric wants in other words."
      : `${unexplained} sentences match no rubric concept; a TA will check whether they say what the rubric wants in other words.`);
  }
  return { items, raw, feedback, review, unexplained };
}

function scoreItem(
  item: RubricItem, matcher: PhraseMatcher, seen: Set<number>, feedback: string[], review: string[], part: string | undefined,
  deducted?: ReadonlySet<number>,
): AwardedItem {
  const found = findConcept(matcher, conceptOf(matcher, item.phrases, part, deducted), seen, part);
  const base = { id: item.id, label: item.label, points: item.points };
  if (item.points < 0) {
    // A deduction needs the concept affirmed and never rejected: "flips are not valid" costs nothing.
    if (!found.hit || found.opposite) {
      return { ...base, earned: 0, note: found.opposite ? "You rejected this yourself: no deduction." : "Not in your answer: no deduction." };
    }
    feedback.push(item.feedback ?? `Deduction: ${item.label}.`);
    flagDoubt(found.hit, item.label, review);
    return { ...base, earned: item.points, note: `You wrote "${excerpt(matcher, found.hit)}".` };
  }
  if (found.hit) {
    flagDoubt(found.hit, item.label, review);
    return { ...base, earned: item.points, note: `Found: "${excerpt(matcher, found.hit)}".` };
  }
  if (item.points > 0) feedback.push(item.feedback ?? `Missing: ${item.label}.`);
  if (found.opposite) {
    return { ...base, earned: 0, note: `You wrote the opposite: "${excerpt(matcher, found.opposite)}".` };
  }
  return { ...base, earned: 0, note: "Not found in your answer." };
}

function scoreGroup(
  group: RubricGroup, matcher: PhraseMatcher, seen: Set<number>, feedback: string[], review: string[],
  partFor: (p: string | undefined) => string | undefined, deducted: ReadonlySet<number>,
): AwardedItem {
  const candidates = group.options
    .map((o, order) => ({ option: o, order, found: findConcept(matcher, conceptOf(matcher, o.phrases, partFor(o.part), deducted), seen, partFor(o.part)) }))
    .filter((c) => c.found.hit)
    .sort((a, b) => Number(a.found.hit?.weak) - Number(b.found.hit?.weak) || a.order - b.order);
  // One stretch of the answer counts for one option only, so "scaling" cannot earn two options.
  const used = new Set<number>();
  const counted: typeof candidates = [];
  for (const c of candidates) {
    const positions = c.found.hit?.positions ?? [];
    if (positions.some((p) => used.has(p))) continue;
    positions.forEach((p) => used.add(p));
    counted.push(c);
    if (counted.length === group.pick) break;
  }
  for (const c of counted) if (c.found.hit) flagDoubt(c.found.hit, c.option.label, review);
  const earned = round((group.points * counted.length) / group.pick);
  if (counted.length < group.pick) {
    const need = group.pick === 1 ? "" : ` (${counted.length} of ${group.pick} found)`;
    feedback.push(`${group.feedback ?? `Missing: ${group.label}.`}${need}`);
  }
  const note = counted.length > 0
    ? `Found: ${counted.map((c) => c.option.label).join("; ")}.`
    : "None of the expected points found in your answer.";
  return { id: group.id, label: group.label, points: group.points, earned, note };
}

function flagDoubt(o: Occurrence, label: string, review: string[]): void {
  if (o.weak) review.push(`"${label}" was matched only through a possible misspelling.`);
  if (o.ambiguous) review.push(`"${label}" appears in a sentence with a double negation.`);
}

function excerpt(matcher: PhraseMatcher, o: Occurrence): string {
  const tokens = matcher.text.tokens;
  let from = Math.min(...o.positions);
  const to = Math.max(...o.positions);
  // Show the "does not" in front of a negated match, so the note reads as the student wrote it.
  while (o.negated && from > 0 && to - from < 12 && tokens[from - 1]?.filler && tokens[from - 1]?.sentence === tokens[to]?.sentence) from--;
  const words = tokens.slice(from, to + 1).map((t) => t.surface);
  const text = words.join(" ");
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
