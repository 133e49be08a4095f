import type { PhraseWord } from "./phrase-reading.ts";
import { type CompiledPhrase, compiledPhrase } from "./phrase-compiler.ts";
import { type Candidate, record, searchOrdered } from "./phrase-search.ts";
import { EVERY_PART } from "./answer-parts.ts";
import { type AnalyzedText, type Token, analyzeText } from "./text-analysis.ts";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.ts";

export { type CompiledPhrase, compilePhrase, compiledPhrase } from "./phrase-compiler.ts";

/**
 * Finds a rubric phrase in an analysed answer: every content word of the phrase (by synonym class,
 * or a typo of one) within one sentence and a short window, with the phrase's polarity: "does not
 * saturate" matches only negated text, "saturates" only affirmed text. A phrase whose order matters
 * (see phrase-reading.ts) is found by phrase-search.ts. A word the student split ("it self") or
 * glued ("logn") is found too.
 */

/** One place a phrase was found. */
export interface Occurrence {
  /** Token positions matched: one per phrase word (two for a word split in two). */
  positions: number[];
  sentence: number;
  negated: boolean;
  /** True when a word matched only as a loose typo (a TA should confirm). */
  weak: boolean;
  /** True when the words sit in a doubly negated clause. */
  ambiguous: boolean;
}

/** The best occurrence with the phrase's polarity (`hit`) and with the opposite one (`opposite`). */
export interface PhraseResult {
  hit?: Occurrence;
  opposite?: Occurrence;
}

/** Bounded optimal-string-alignment distance; returns max + 1 as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Typos allowed for a word: none up to 4 letters, one up to 7, two beyond; the first letter must agree. */
function allowedTypos(target: string): number {
  return target.length >= 8 ? 2 : target.length >= 5 ? 1 : 0;
}

/**
 * Matches phrases against one answer. Caches the typo candidates of each canon, so a rubric of many
 * phrases over a long answer stays linear in the answer's distinct words.
 */
export class PhraseMatcher {
  private readonly fuzzy = new Map<string, Map<number, boolean>>();
  /** Stems and spellings of the answer's unknown words (typo candidates), with their positions. */
  private readonly distinctForms: Map<string, number[]>;
  /** Neighbouring words read as one ("it self" as "itself"), by canon: the first word's positions. */
  private readonly splitWords = new Map<string, number[]>();
  /** The canon of each word joined with the next, computed when first needed. */
  private readonly pairCanons: Array<string | undefined> = [];
  private readonly vocabulary: Vocabulary;
  /**
   * @param partOf the labelled part of each token (see answer-parts.ts), when the answer has parts.
   * @param realWords words known to be spelt as meant (the question's own words): never typo candidates.
   */
  constructor(readonly text: AnalyzedText, private readonly partOf: ReadonlyArray<string | undefined> = [], realWords?: ReadonlySet<string>) {
    this.vocabulary = text.vocabulary;
    this.distinctForms = new Map();
    text.tokens.forEach((t, i) => {
      if (t.filler || this.vocabulary.isKnownStem(t.stem) || /^\p{N}/u.test(t.stem) || realWords?.has(t.surface)) return;
      for (const form of new Set([t.stem, t.surface])) {
        const list = this.distinctForms.get(form);
        if (list) list.push(i);
        else this.distinctForms.set(form, [i]);
      }
    });
  }

  /** Positions of a canon: exact ones, plus typo matches (position -> strong typo?). */
  private candidates(canon: string, surface: string): { exact: number[]; typos: Map<number, boolean> } {
    const exact = this.text.positions.get(canon) ?? [];
    const key = `${canon} ${surface}`;
    let typos = this.fuzzy.get(key);
    if (!typos) {
      typos = new Map();
      const targets = [...new Set([surface, ...this.vocabulary.formsOfCanon(canon)])].filter((s) => allowedTypos(s) > 0);
      for (const [s, where] of this.distinctForms) {
        for (const target of targets) {
          if (s[0] !== target[0] || s === target) continue;
          const d = editDistance(s, target, allowedTypos(target));
          if (d > allowedTypos(target)) continue;
          // One slip in a long word ("dimention") is a typo for sure; anything looser is a guess.
          const strong = d === 1 && target.length >= 6;
          for (const p of where) typos.set(p, strong || typos.get(p) === true);
          break;
        }
      }
      this.fuzzy.set(key, typos);
    }
    return { exact, typos };
  }

  /**
   * Where a canon is written as two neighbouring words ("it self", "post fix", "log n" for "logn"):
   * the first word's positions. Only pairs that start like one of the canon's forms are stemmed.
   */
  private split(canon: string, surface: string): number[] {
    let found = this.splitWords.get(canon);
    if (found) return found;
    const tokens = this.text.tokens;
    const initials = new Set([surface, ...this.vocabulary.formsOfCanon(canon)].map((f) => f[0]));
    found = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i]!, tokens[i + 1]!];
      if (!initials.has(a.surface[0]) || a.segment !== b.segment || (a.filler && b.filler)) continue;
      this.pairCanons[i] ??= this.vocabulary.canonOf(a.surface + b.surface).canon;
      if (this.pairCanons[i] === canon) found.push(i);
    }
    this.splitWords.set(canon, found);
    return found;
  }

  /** Every place a phrase word may be (sorted), for the ordered search. */
  private wordCandidates(w: PhraseWord, excluded: ReadonlySet<number> | undefined): Candidate[] {
    const { exact, typos } = w.filler ? { exact: this.text.positions.get(w.canon) ?? [], typos: new Map<number, boolean>() } : this.candidates(w.canon, w.surface);
    const out: Candidate[] = [...exact, ...(w.filler ? this.text.fillerPositions.get(w.canon) ?? [] : [])].map((at) => ({ at, end: at, weak: false }));
    for (const [at, strong] of typos) if (!exact.includes(at)) out.push({ at, end: at, weak: !strong });
    if (out.length === 0) for (const at of this.split(w.canon, w.surface)) out.push({ at, end: at + 1, weak: false });
    return out.filter((c) => !excluded?.has(c.at) && !excluded?.has(c.end)).sort((a, b) => a.at - b.at);
  }

  /**
   * Finds `phrase` in the answer (within `part` when given, never using `excluded` positions), keeping
   * the best occurrence of each polarity. All its words lie in one sentence, on one side of a contrast.
   * A phrase not found as written is looked for with neighbouring words glued ("logn" for "log n").
   */
  match(phrase: CompiledPhrase, part?: string, excluded?: ReadonlySet<number>): PhraseResult {
    const result = this.matchAsWritten(phrase, part, excluded);
    if (result.hit || result.opposite) return result;
    for (const variant of phrase.glued) {
      if (!this.text.positions.has(variant.canon) && !this.text.fillerPositions.has(variant.canon)) continue;
      const found = this.matchAsWritten(compiledPhrase(variant.text, this.vocabulary), part, excluded);
      if (found.hit || found.opposite) return found;
    }
    return result;
  }

  private matchAsWritten(phrase: CompiledPhrase, part: string | undefined, excluded: ReadonlySet<number> | undefined): PhraseResult {
    const inPart = (p: number) => part === undefined || this.partOf[p] === part || this.partOf[p] === EVERY_PART;
    if (!phrase.simple) {
      return searchOrdered({ reading: phrase.reading, tokens: this.text.tokens, candidates: (w) => this.wordCandidates(w, excluded) }, inPart);
    }
    // Words split in two ("it self"): the first word's position -> the second's.
    let spans: Map<number, number> | undefined;
    const lists = phrase.canons.map((c, i) => {
      const { exact, typos } = this.candidates(c, phrase.surfaces[i] ?? c);
      let merged = typos.size === 0 ? exact : [...new Set([...exact, ...typos.keys()])].sort((a, b) => a - b);
      if (merged.length === 0) {
        merged = this.split(c, phrase.surfaces[i] ?? c).filter((p) => !excluded?.has(p + 1));
        for (const p of merged) (spans ??= new Map()).set(p, p + 1);
      }
      const all = excluded && excluded.size > 0 ? merged.filter((p) => !excluded.has(p)) : merged;
      return { all, typos, exactSet: typos.size === 0 ? undefined : new Set(exact) };
    });
    if (lists.length === 0 || lists.some((l) => l.all.length === 0)) return {};
    const anchorIndex = lists.reduce((best, l, i) => (l.all.length < (lists[best]?.all.length ?? Infinity) ? i : best), 0);
    const window = 4 * lists.length + 6;
    const result: PhraseResult = {};
    for (const anchor of lists[anchorIndex]?.all ?? []) {
      const anchorToken = this.text.tokens[anchor];
      if (!anchorToken || !inPart(anchor)) continue;
      const positions: number[] = [];
      for (const l of lists) {
        const p = nearestInSegment(l.all, anchor, this.text.tokens, anchorToken.segment);
        if (p === undefined || !inPart(p)) break;
        positions.push(p);
      }
      if (positions.length < lists.length) continue;
      if (Math.max(...positions) - Math.min(...positions) > window) continue;
      const weak = positions.some((p, i) => {
        const l = lists[i];
        return l?.exactSet !== undefined && !l.exactSet.has(p) && l.typos.get(p) === false;
      });
      if (spans) for (const p of [...positions]) if (spans.has(p)) positions.push(spans.get(p)!);
      const tokens = positions.map((p) => this.text.tokens[p] as Token);
      record(result, {
        positions, sentence: anchorToken.sentence, negated: tokens.some((t) => t.negated), weak,
        ambiguous: tokens.some((t) => t.ambiguous) || straddlesDenial(tokens),
      }, this.text.tokens, phrase.negated);
      if (result.hit && !result.hit.weak && result.opposite && !result.opposite.weak) break;
    }
    return result;
  }
}

/**
 * "It doesn't lower the training loss, if anything it raises it": words taken from a denied clause
 * and from an affirmed one next to it say neither the phrase nor its denial; a TA reads them.
 */
function straddlesDenial(tokens: readonly Token[]): boolean {
  const denied = new Set(tokens.filter((t) => t.negated).map((t) => t.clause));
  return denied.size > 0 && tokens.some((t) => !t.negated && !t.subjectNegated && !denied.has(t.clause));
}

/**
 * Finds one phrase (or guard) in one text as a grader with `vocabulary` would: for tools that ask
 * whether a phrase is in a text (`tutor bank lint`: is it in the question's own prompt?).
 * @example matchPhrase("n log n", "it is O(log n)").hit // undefined
 */
export function matchPhrase(phrase: string, text: string, vocabulary: Vocabulary = BASE_VOCABULARY): PhraseResult {
  return new PhraseMatcher(analyzeText(text, vocabulary)).match(compiledPhrase(phrase, vocabulary));
}

/**
 * The position in `sorted` nearest to `anchor` that lies in the same segment of a sentence; of the
 * nearest on each side, one in the anchor's own clause wins ("instead of the whole input, and the
 * same weights at every position": "every", not "whole").
 */
function nearestInSegment(sorted: number[], anchor: number, tokens: Token[], segment: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < anchor) lo = mid + 1;
    else hi = mid;
  }
  const right = sorted[lo];
  const left = sorted[lo - 1];
  const ok = (p: number | undefined) => p !== undefined && tokens[p]?.segment === segment;
  if (ok(left) && ok(right)) {
    const clause = tokens[anchor]?.clause;
    const [inLeft, inRight] = [tokens[left!]?.clause === clause, tokens[right!]?.clause === clause];
    if (inLeft !== inRight) return inLeft ? left : right;
    return anchor - (left ?? 0) <= (right ?? 0) - anchor ? left : right;
  }
  return ok(left) ? left : ok(right) ? right : undefined;
}
