import type { Occurrence, PhraseResult } from "./phrase-matcher.ts";
import type { PhrasePart, PhraseReading, PhraseRelation, PhraseWord } from "./phrase-reading.ts";
import { stem } from "./porter-stemmer.ts";
import type { Token } from "./text-analysis.ts";

/**
 * Finds a phrase whose order matters (several parts, quoted words, a word written twice) in an
 * analysed answer. For every place the phrase could start, each word takes the earliest fitting
 * position after the words before it, which finds a match whenever there is one in the window.
 * Parts joined by a comparison may also come the other way round when the answer says so with a
 * comparing word between them ("B is larger than A" for `A < B`); never with the same one.
 */

/** Where a phrase word may be: one token, or two (a word the student split: "it self"). */
export interface Candidate {
  at: number;
  end: number;
  /** Matched only as a loose typo. */
  weak: boolean;
}

/** What the search needs of the matcher: each word's places in the answer (sorted, allowed ones only). */
export interface SearchInput {
  reading: PhraseReading;
  tokens: readonly Token[];
  candidates(word: PhraseWord): Candidate[];
}

const stems = (words: string[]) => new Set(words.map(stem));
/** Words that put what follows after (`<`), or before (`>`), what precedes them. */
const LESS = stems(["less", "smaller", "lower", "fewer", "before", "then", "precede", "precedes", "preceding", "below", "earlier"]);
const GREATER = stems(["greater", "larger", "bigger", "higher", "more", "after", "follow", "follows", "following", "above", "later", "exceed", "exceeds"]);

/**
 * Keeps the best occurrence of each polarity, as every phrase match does: a sure one over a typo,
 * then, with `tightest` (an ordered search, whose words take their earliest places), the tightest,
 * so a word repeated earlier is not taken from another idea. Words that are only the
 * subject of a negated clause read either way, unless another matched word sits in an affirmed
 * clause: in "leaky relu: does not saturate, differentiable at 0" the label is the subject of the
 * first clause, but "differentiable at 0" is affirmed.
 */
export function record(result: PhraseResult, occurrence: Occurrence, tokens: readonly Token[], phraseNegated: boolean, tightest = false): void {
  const either = !occurrence.negated && occurrence.positions.every((p) => tokens[p]?.subjectNegated);
  const keys = either ? (["hit", "opposite"] as const) : [occurrence.negated === phraseNegated ? "hit" as const : "opposite" as const];
  for (const key of keys) {
    const current = result[key];
    if (!current || (current.weak && !occurrence.weak) || (tightest && current.weak === occurrence.weak && spanOf(occurrence) < spanOf(current))) {
      result[key] = occurrence;
    }
  }
}

/** How far apart an occurrence's words lie: of two places, the tighter one is what the student wrote together. */
const spanOf = (o: Occurrence) => Math.max(...o.positions) - Math.min(...o.positions);

type Found = { at: number; end: number; positions: number[]; weak: boolean };

/** The earliest place after `after` where a unit's words follow each other, using no position twice. */
function earliestUnit(unit: Candidate[][], after: number, used: ReadonlySet<number>): Found | undefined {
  const [first, ...rest] = unit;
  for (const c of first ?? []) {
    if (c.at <= after || used.has(c.at)) continue;
    const found: Found = { at: c.at, end: c.end, positions: c.end > c.at ? [c.at, c.end] : [c.at], weak: c.weak };
    const ok = rest.every((list) => {
      const next = list.find((n) => n.at === found.end + 1 && !used.has(n.at));
      if (!next) return false;
      found.end = next.end;
      found.positions.push(...(next.end > next.at ? [next.at, next.end] : [next.at]));
      found.weak ||= next.weak;
      return true;
    });
    if (ok) return found;
  }
  return undefined;
}

/** Places every unit of the parts, in this order, from `start` on; undefined when one does not fit. */
function assign(parts: ReadonlyArray<{ part: PhrasePart; units: Candidate[][][] }>, start: number) {
  let boundary = start - 1;
  const used = new Set<number>();
  const spans: Array<[number, number]> = [];
  let weak = false;
  for (const { part, units } of parts) {
    let min = Infinity;
    let max = boundary;
    let after = boundary;
    for (const unit of units) {
      const found = earliestUnit(unit, after, used);
      if (!found) return undefined;
      found.positions.forEach((p) => used.add(p));
      weak ||= found.weak;
      min = Math.min(min, found.at);
      max = Math.max(max, found.end);
      if (part.inOrder) after = found.end;
    }
    spans.push([min, max]);
    boundary = max;
  }
  return { positions: [...used].sort((a, b) => a - b), spans, weak };
}

/** Whether the answer says `<` or `>` between token `from` and token `to` (its mark included). */
function comparisons(tokens: readonly Token[], from: number, to: number): { less: boolean; greater: boolean } {
  let less = false;
  let greater = false;
  for (let i = from + 1; i <= to; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.mark === "<" || (i < to && LESS.has(t.stem))) less = true;
    if (t.mark === ">" || (i < to && GREATER.has(t.stem))) greater = true;
  }
  return { less, greater };
}

/** Whether each comparison holds, the parts being in the answer as placed (`reversed`: last part first). */
function relationsHold(tokens: readonly Token[], relations: readonly PhraseRelation[], spans: Array<[number, number]>, reversed: boolean): boolean {
  return relations.every((relation, i) => {
    // Spans are in answer order: with `reversed`, the phrase's part i + 1 comes first.
    const k = reversed ? spans.length - 2 - i : i;
    const { less, greater } = comparisons(tokens, spans[k]![1], spans[k + 1]![0]);
    const opposite = relation === "<" ? greater : less;
    return reversed ? opposite : !opposite;
  });
}

/** Finds an ordered phrase (see the file comment); keeps the best occurrence of each polarity. */
export function searchOrdered(input: SearchInput, inPart: (p: number) => boolean): PhraseResult {
  const { reading, tokens } = input;
  const parts = reading.parts.map((part) => ({ part, units: part.units.map((u) => u.map((w) => input.candidates(w))) }));
  if (parts.some((p) => p.units.some((u) => u.some((list) => list.length === 0)))) return {};
  const window = 4 * reading.words.length + 6;
  const result: PhraseResult = {};
  for (const reversed of reading.relations.length > 0 ? [false, true] : [false]) {
    const order = reversed ? [...parts].reverse() : parts;
    const starts = [...new Set(order[0]!.units.flatMap((u) => u[0]!.map((c) => c.at)))].sort((a, b) => a - b);
    for (const start of starts) {
      const placed = assign(order, start);
      if (!placed) continue;
      const { positions, spans, weak } = placed;
      const first = tokens[positions[0]!]!;
      if (positions.at(-1)! - positions[0]! > window) continue;
      if (positions.some((p) => tokens[p]?.segment !== first.segment || !inPart(p))) continue;
      if (!relationsHold(tokens, reading.relations, spans, reversed)) continue;
      const matched = positions.map((p) => tokens[p]!);
      record(result, {
        positions, sentence: first.sentence, negated: matched.some((t) => t.negated), weak, ambiguous: matched.some((t) => t.ambiguous),
      }, tokens, reading.negated, true);
      if (result.hit && !result.hit.weak && result.opposite && !result.opposite.weak) return result;
    }
  }
  return result;
}
