import type { RubricEntry, RubricGroup, RubricLevel } from "../bank/schema.ts";
import { type CompiledPhrase, type Occurrence, type PhraseMatcher, compiledPhrase } from "./phrase-matcher.ts";
import { isGuard } from "./phrase-reading.ts";

/**
 * Finding one rubric concept (an item, an option of a group, or one of their levels) in an answer:
 * its phrases, less the places its guards match. Used by rubric-scorer.ts.
 */

/** One way to earn a concept: its points and phrases (an item's own phrases, or one of its levels). */
export interface Tier {
  points: number;
  phrases: readonly string[];
  label?: string;
  /** True when the tier earns the concept's full points. */
  full: boolean;
}

/** A concept's best occurrence with its polarity and with the opposite one, with the phrase that matched. */
export interface ConceptMatch {
  hit?: Occurrence & { phrase: string };
  opposite?: Occurrence & { phrase: string };
}

/** What the best tier of a concept found: the tier (undefined when none matched) and its match. */
export interface TierMatch {
  tier?: Tier;
  found: ConceptMatch;
}

/** Something with phrases or levels: an item or an option of a group. */
interface Concept {
  phrases?: readonly string[] | undefined;
  levels?: readonly RubricLevel[] | undefined;
}

/** A concept's tiers, best first: its levels, or its phrases worth `worth`. */
export function tiersOf(concept: Concept, worth: number): Tier[] {
  if (!concept.levels || concept.levels.length === 0) return [{ points: worth, phrases: concept.phrases ?? [], full: true }];
  return concept.levels
    .map((l) => ({ points: l.points, phrases: l.phrases, ...(l.label ? { label: l.label } : {}), full: l.points >= worth }))
    .sort((a, b) => b.points - a.points);
}

/** Every phrase of a concept, its levels' included. */
export function allPhrases(concept: Concept): string[] {
  return [...(concept.phrases ?? []), ...(concept.levels ?? []).flatMap((l) => l.phrases)];
}

export const isGroup = (e: RubricEntry): e is RubricGroup => "options" in e;

/** A concept's phrases, and its guards' positions in the answer (with `also` added). */
export function conceptOf(matcher: PhraseMatcher, phrases: readonly string[], part: string | undefined, also?: ReadonlySet<number>) {
  const vocabulary = matcher.text.vocabulary;
  const excluded = new Set(also);
  for (const guard of phrases.filter(isGuard)) {
    matcher.match(compiledPhrase(guard, vocabulary), part).hit?.positions.forEach((p) => excluded.add(p));
  }
  const compiled: CompiledPhrase[] = phrases.filter((p) => !isGuard(p)).map((p) => compiledPhrase(p, vocabulary));
  return { phrases: compiled, excluded };
}

const span = (o: Occurrence) => Math.max(...o.positions) - Math.min(...o.positions);
/**
 * Prefers a sure match to a typo match, then the tightest one (the clearest excerpt), then the one
 * of more words (the more specific phrase: "more weights than needed" over "large … network").
 */
const better = (o: Occurrence, current: Occurrence | undefined) =>
  !current || (current.weak && !o.weak) ||
  (current.weak === o.weak && (span(o) < span(current) || (span(o) === span(current) && o.positions.length > current.positions.length)));

/** Looks for a concept's phrases, noting the sentences where any matched (either polarity) in `seen`. */
export function findConcept(
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

/**
 * The best tier of a concept the answer states: the highest-points tier with a hit. With no hit,
 * `found.opposite` is the first tier's rejection, if any (the student wrote the opposite).
 */
export function findTiers(
  matcher: PhraseMatcher, tiers: readonly Tier[], seen: Set<number>, part: string | undefined, also?: ReadonlySet<number>,
): TierMatch {
  let opposite: ConceptMatch["opposite"];
  let best: TierMatch | undefined;
  for (const tier of tiers) {
    const found = findConcept(matcher, conceptOf(matcher, tier.phrases, part, also), seen, part);
    if (found.hit && !best) best = { tier, found };
    opposite ??= found.opposite;
  }
  if (best) return best;
  return { found: opposite ? { opposite } : {} };
}

/**
 * "saturates, does not saturate": one phrase of a concept stated and denied in one sentence, at
 * different words and with no double negation to read, asserts both, so it earns neither.
 */
export function saysBoth(hit: Occurrence & { phrase: string }, opposite: (Occurrence & { phrase: string }) | undefined): boolean {
  if (!opposite || opposite.phrase !== hit.phrase || opposite.sentence !== hit.sentence || hit.ambiguous || opposite.ambiguous) return false;
  return !hit.positions.some((p) => opposite.positions.includes(p));
}

/** A plain denial of a stated phrase ("it is not an approximation"), with no double negation to weigh. */
export function deniesOutright(o: (Occurrence & { phrase: string }) | undefined): boolean {
  return o !== undefined && o.negated && !o.ambiguous && !o.weak;
}
