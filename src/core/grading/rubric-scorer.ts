import type { AnswerPart, RubricEntry, RubricGroup, RubricItem } from "../bank/schema.ts";
import { EVERY_PART, assignAnswerParts, partsOnLines } from "./answer-parts.ts";
import type { AwardedItem } from "./grade.ts";
import { type Occurrence, PhraseMatcher } from "./phrase-matcher.ts";
import { allPhrases, conceptOf, deniesOutright, findTiers, isGroup, saysBoth, type Tier, tiersOf } from "./rubric-concepts.ts";
import { type AnalyzedText, analyzeText } from "./text-analysis.ts";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.ts";
import { type RubricTrace, coverageOf, emptyTrace, withoutListedOptions } from "./option-lists.ts";
import { deniedElsewhere, restatesQuestion, withoutReasonsForDenied } from "./rubric-claims.ts";

/**
 * Applies a concept rubric (items and groups of phrases) to a free-text answer. Used for short
 * answers and for true/false justifications.
 *
 * Points: an item earns its points, or with `levels` the points of the best level found; a group
 * earns its best `pick` options, each its own `points` (default: an even share of the group's),
 * up to the group's `max` (default: its points). The caller clamps the total to the question.
 *
 * When a TA must look (`review` is non-empty), the rule behind `Grade.needsReview`:
 * 1. an item earned points, or a deduction applied, only through a loose typo (two edits, or one in a
 *    word under 6 letters); a single slip in a longer word ("dimentionality") is trusted;
 * 2. a matched concept (or its rejection) sits in a doubly negated clause ("it is not true that it
 *    doesn't saturate"), or is denied of one subject and taken up for another ("…, whereas Y has both");
 * 3. the score is below the maximum while a sentence of real content (5+ content words, or any
 *    when nothing was earned) matched no phrase of any item, deductions included: it may say the
 *    missing concept in words the rubric lacks. Never a confident zero when unsure: an answer that
 *    earned nothing goes to a TA however short ("log n"), unless it is understood as wrong (it
 *    states the opposite of a concept, or a deduction explains it) or says it has no answer
 *    ("no idea", "dunno"); an empty answer is 0.
 * A concept the student negates ("it is not slow") is simply not credited; a deduction is cancelled
 * by any rejection of it ("flips are not valid"), so a student is never penalized for ruling it out.
 *
 * A phrase written `unless: ...` is a guard, read as phrases are: words it matches cannot count for
 * its item ("rotate" inside "rotate by 180"; "log n" inside "n log n"). Words that trigger a
 * deduction never also earn a positive item.
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
  /** True when the answer names a deduction's concept only where a negation reaches it ("… underfitting … not …"). */
  rejectsDeduction: boolean;
  /** Share of the answer's content words that some concept matched, stated or denied (0 to 1). */
  coverage: number;
}

const MIN_CONTENT_WORDS = 5;
const MIN_CONTENT_WORDS_AT_ZERO = 1;

/**
 * Words of an answer that says it has none ("no idea", "dunno", "I don't know", "not sure, sorry"),
 * or only restates a verdict ("because it is not true"): nothing in it for a TA to check.
 */
const NO_ANSWER = new Set([
  "idea", "know", "knew", "dunno", "idk", "clue", "clueless", "sure", "unsure", "pass", "skip", "forgot", "forget",
  "remember", "sorry", "answer", "question", "guess", "lost", "confused", "nothing", "anything", "nope", "na",
  "true", "false", "correct", "incorrect", "wrong", "right",
].map((w) => analyzeText(w).tokens[0]?.stem ?? w));

/** True when every content word of the text says the student has no answer (or there is none). */
function saysNoAnswer(text: AnalyzedText): boolean {
  return text.tokens.every((t) => t.filler || NO_ANSWER.has(t.stem));
}

/**
 * Every position where a deduction applies (affirmed and not rejected), so no item earns points
 * there; and whether a deduction's concept is named and rejected ("not underfitting").
 */
function deductedPositions(
  rubric: readonly RubricEntry[], matcher: PhraseMatcher, partFor: (p: string | undefined) => string | undefined,
): { positions: Set<number>; rejected: boolean } {
  const out = new Set<number>();
  let named = false;
  for (const entry of rubric) {
    if (isGroup(entry) || entry.points >= 0) continue;
    const part = partFor(entry.part);
    const { phrases, excluded } = conceptOf(matcher, allPhrases(entry), part);
    const hits = phrases.map((p) => matcher.match(p, part, excluded));
    if (hits.some((r) => r.opposite)) {
      named = true;
      continue;
    }
    for (const r of hits) r.hit?.positions.forEach((p) => out.add(p));
  }
  return { positions: out, rejected: named };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** How a rubric is read beyond its phrases. */
export interface RubricReading {
  /**
   * The options of a group are ways of stating one reason (a true/false justification): an answer
   * that denies one of them outright ("it is not an approximation; it is exact for the batch")
   * contradicts the reason it may also name, so the group earns nothing.
   */
  optionsAreOneReason?: boolean;
}

/**
 * Scores `text` against `rubric`; pure and linear in the answer's length for a fixed rubric. With
 * `parts`, an item that names a part is looked for only in that labelled part of the answer. The
 * answer and the phrases are read with `vocabulary` (the question's: see vocabularyFor); `realWords`
 * (the question's own words, see promptWords) are never read as typos of a rubric word.
 */
export function scoreRubric(
  rubric: readonly RubricEntry[], answerText: string, maxPoints: number, parts?: readonly AnswerPart[], vocabulary: Vocabulary = BASE_VOCABULARY,
  realWords?: ReadonlySet<string>, reading: RubricReading = {},
): RubricOutcome {
  const text = parts && parts.length > 0 ? partsOnLines(answerText, parts) : answerText;
  const analyzed = analyzeText(text, vocabulary);
  const partOf = parts && parts.length > 0 ? assignAnswerParts(text, analyzed, parts) : [];
  const matcher = new PhraseMatcher(analyzed, partOf, realWords);
  const partFor = (p: string | undefined) => (parts && parts.length > 0 ? p : undefined);
  const seen = new Set<number>();
  const items: AwardedItem[] = [];
  const feedback: string[] = [];
  const review: string[] = [];
  // "All three saturate": read for each part, but which parts it truly earns is a TA's to judge.
  if (partOf.includes(EVERY_PART)) review.push("A sentence speaks of every part at once; a TA will check what it earns for each.");

  const { positions: deducted, rejected: rejectsDeduction } = deductedPositions(rubric, matcher, partFor);
  const restates = restatesQuestion(analyzed, parts && parts.length > 0 ? undefined : realWords);
  const denied = new Set<string>();
  const trace = emptyTrace();
  const scored: AwardedItem[] = [];
  for (const entry of rubric) {
    if (isGroup(entry)) scored.push(scoreGroup(entry, matcher, seen, feedback, review, partFor, deducted, reading.optionsAreOneReason === true, trace, restates));
    else scored.push(scoreItem(entry, matcher, seen, feedback, review, partFor(entry.part), entry.points < 0 ? undefined : deducted, trace, restates, denied));
  }
  // "reasons: curse of dimensionality, training is expensive, it is cheap, bias, variance, ...": no credit.
  // A hedge the lexer read as "unsure" ("overfitting / underfitting (one of these)") leaves the claim open.
  if (analyzed.tokens.some((t) => t.surface === "unsure")) {
    rubric.forEach((e, i) => { if (!isGroup(e) && e.points > 0 && (scored[i]?.earned ?? 0) <= 0) denied.add(e.id); });
  }
  const withdrawn = withoutReasonsForDenied(rubric, scored, denied);
  if (withdrawn) review.push("The answer gives reasons for a claim it leaves open or denies; a TA will read it.");
  const listed = parts && parts.length > 0 ? { items: scored, changed: false } : withoutListedOptions(scored, text, analyzed.tokens, trace);
  items.push(...listed.items);
  if (listed.changed) review.push("The answer lists many options, right and wrong alike, rather than choosing; a TA will read it.");
  const raw = round(items.reduce((s, i) => s + i.earned, 0));

  const contentBySentence = new Map<number, number>();
  for (const t of analyzed.tokens) if (!t.filler) contentBySentence.set(t.sentence, (contentBySentence.get(t.sentence) ?? 0) + 1);
  let unexplained = 0;
  // With nothing earned, even a short unmatched claim ("the kernel is shared across positions", "log n")
  // may be right in words the rubric lacks: never a confident zero when unsure.
  const least = raw <= 0 ? MIN_CONTENT_WORDS_AT_ZERO : MIN_CONTENT_WORDS;
  for (const [sentence, n] of contentBySentence) if (n >= least && !seen.has(sentence)) unexplained++;
  if (unexplained > 0 && raw < maxPoints && !saysNoAnswer(analyzed)) {
    review.push(unexplained === 1
      ? "One sentence matches no rubric concept; a TA will check whether it says what the rubric wants in other words."
      : `${unexplained} sentences match no rubric concept; a TA will check whether they say what the rubric wants in other words.`);
  }
  return { items, raw, feedback, review, unexplained, rejectsDeduction, coverage: coverageOf(analyzed.tokens, trace) };
}

function scoreItem(
  item: RubricItem, matcher: PhraseMatcher, seen: Set<number>, feedback: string[], review: string[], part: string | undefined,
  deducted: ReadonlySet<number> | undefined, trace: RubricTrace, restates: (o: Occurrence) => boolean, denied: Set<string>,
): AwardedItem {
  let tiers = findTiers(matcher, tiersOf(item, item.points), seen, part, deducted);
  // A match in the question's own words ("a constant loss") is set aside for one in the student's ("stuck on a plateau").
  const echoed = new Set(deducted);
  for (let tries = 0; tiers.found.hit && item.points > 0 && restates(tiers.found.hit) && tries < MAX_ECHOES; tries++) {
    tiers.found.hit.positions.forEach((p) => echoed.add(p));
    const again = findTiers(matcher, tiersOf(item, item.points), seen, part, echoed);
    tiers = again.found.hit ? again : { found: { ...tiers.found, hit: undefined } };
  }
  const echo = tiers.found.hit === undefined && echoed.size > (deducted?.size ?? 0);
  if (echo) review.push(`"${item.label}" is matched only by the question's own words; a TA will check what the answer claims.`);
  const { tier, found } = tiers;
  for (const o of [found.hit, found.opposite]) if (o) trace.named.push(o.positions);
  if (tier && found.hit && item.points > 0) trace.hits.set(item.id, found.hit.positions);
  const base = { id: item.id, label: item.label, points: item.points };
  if (item.points < 0) {
    // A deduction needs the concept affirmed and never rejected: "flips are not valid" costs nothing.
    if (!found.hit || found.opposite) {
      return { ...base, earned: 0, note: found.opposite ? "You rejected this yourself: no deduction." : "Not in your answer: no deduction." };
    }
    feedback.push(item.feedback ?? `Deduction: ${item.label}.`);
    flagDoubt(found.hit, item.label, review);
    return { ...base, earned: tier?.points ?? item.points, note: `You wrote "${excerpt(matcher, found.hit)}".` };
  }
  if (item.points > 0 && deniesOutright(found.opposite) && (!found.hit || deniedElsewhere(found.hit, found.opposite))) denied.add(item.id);
  if (tier && found.hit && (saysBoth(found.hit, found.opposite) || deniedElsewhere(found.hit, found.opposite))) {
    review.push(`"${item.label}" is both stated and denied in one sentence; a TA will read it.`);
    return { ...base, earned: 0, note: "You wrote it and its opposite: no credit." };
  }
  if (tier && found.hit) {
    flagDoubt(found.hit, item.label, review);
    if (!tier.full) feedback.push(item.feedback ?? `For full credit: ${item.label}.`);
    return { ...base, earned: tier.points, note: `${foundNote(tier)}: "${excerpt(matcher, found.hit)}".` };
  }
  if (item.points > 0) feedback.push(item.feedback ?? `Missing: ${item.label}.`);
  // "It is not true that it doesn't saturate": a double negation is a TA's to read, either way.
  if (found.opposite?.ambiguous) review.push(`"${item.label}" appears in a sentence whose negations a TA should read.`);
  if (found.opposite) {
    return { ...base, earned: 0, note: `You wrote the opposite: "${excerpt(matcher, found.opposite)}".` };
  }
  return { ...base, earned: 0, note: "Not found in your answer." };
}

/** How many matches in the question's own words are set aside before an item counts as unstated. */
const MAX_ECHOES = 3;

const foundNote = (tier: Tier) => (tier.full ? "Found" : `Partly (${tier.label ?? `${tier.points} points`})`);

function scoreGroup(
  group: RubricGroup, matcher: PhraseMatcher, seen: Set<number>, feedback: string[], review: string[],
  partFor: (p: string | undefined) => string | undefined, deducted: ReadonlySet<number>, oneReason: boolean, trace: RubricTrace,
  restates: (o: Occurrence) => boolean,
): AwardedItem {
  const share = group.points / group.pick;
  const found = group.options.map((o, order) => ({ option: o, order, ...findTiers(matcher, tiersOf(o, o.points ?? share), seen, partFor(o.part), deducted) }));
  for (const c of found) for (const o of [c.found.hit, c.found.opposite]) if (o) trace.named.push(o.positions);
  const denied = oneReason ? found.find((c) => !c.found.hit && deniesOutright(c.found.opposite)) : undefined;
  if (denied) {
    feedback.push(group.feedback ?? `Missing: ${group.label}.`);
    return {
      id: group.id, label: group.label, points: group.max ?? group.points, earned: 0,
      note: `You denied the reason yourself: "${excerpt(matcher, denied.found.opposite!)}".`,
    };
  }
  const candidates = found
    .flatMap((c) => (c.tier && c.found.hit && !restates(c.found.hit) ? [{ ...c, tier: c.tier, hit: c.found.hit }] : []))
    .sort((a, b) => b.tier.points - a.tier.points || Number(a.hit.weak) - Number(b.hit.weak) || a.order - b.order);
  // One stretch of the answer counts for one option only, so "scaling" cannot earn two options.
  const used = new Set<number>();
  const counted: typeof candidates = [];
  for (const c of candidates) {
    if (c.hit.positions.some((p) => used.has(p))) continue;
    c.hit.positions.forEach((p) => used.add(p));
    counted.push(c);
    if (counted.length === group.pick) break;
  }
  for (const c of counted) flagDoubt(c.hit, c.option.label, review);
  if (counted.length > 0) trace.hits.set(group.id, counted.flatMap((c) => c.hit.positions));
  const cap = group.max ?? group.points;
  const earned = round(Math.min(cap, counted.reduce((s, c) => s + c.tier.points, 0)));
  if (earned < cap) {
    const need = group.pick > 1 && counted.length < group.pick ? ` (${counted.length} of ${group.pick} found)` : "";
    feedback.push(`${group.feedback ?? `Missing: ${group.label}.`}${need}`);
  }
  const note = counted.length > 0
    ? `Found: ${counted.map((c) => (c.tier.full ? c.option.label : `${c.option.label} (${c.tier.label ?? "partly"})`)).join("; ")}.`
    : "None of the expected points found in your answer.";
  return { id: group.id, label: group.label, points: cap, earned, note };
}

function flagDoubt(o: Occurrence, label: string, review: string[]): void {
  if (o.weak) review.push(`"${label}" was matched only through a possible misspelling.`);
  if (o.ambiguous) review.push(`"${label}" appears in a sentence whose negations a TA should read.`);
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
