import { type AnalyzedText, type Token, analyzeText, formsOfCanon, isKnownStem } from "./text-analysis.ts";

/**
 * Finds a rubric phrase in an analysed answer: every content word of the phrase (by synonym class,
 * or a typo of one) within one sentence and a short window, with the phrase's polarity: "does not
 * saturate" matches only negated text, "saturates" only affirmed text.
 */

/** A rubric phrase, analysed once. */
export interface CompiledPhrase {
  text: string;
  canons: string[];
  /** The phrase's own spelling of each canon, for typo matching. */
  surfaces: string[];
  negated: boolean;
}

/** One place a phrase was found. */
export interface Occurrence {
  /** Token positions matched, one per phrase word. */
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

/** Analyses a phrase once, for matching against many answers. */
export function compilePhrase(phrase: string): CompiledPhrase {
  const tokens = analyzeText(phrase).tokens;
  const content = tokens.filter((t) => !t.filler);
  const chosen = content.length > 0 ? content : tokens;
  const canons = [...new Set(chosen.map((t) => t.canon))];
  const surfaces = canons.map((c) => chosen.find((t) => t.canon === c)?.surface ?? c);
  const negated = tokens.some((t) => t.negated || t.subjectNegated);
  return { text: phrase, canons, surfaces, negated };
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
  /** @param partOf the labelled part of each token (see answer-parts.ts), when the answer has parts. */
  constructor(readonly text: AnalyzedText, private readonly partOf: ReadonlyArray<string | undefined> = []) {
    this.distinctForms = new Map();
    text.tokens.forEach((t, i) => {
      if (t.filler || isKnownStem(t.stem) || /^\p{N}/u.test(t.stem)) return;
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
      const targets = [...new Set([surface, ...formsOfCanon(canon)])].filter((s) => allowedTypos(s) > 0);
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
   * Finds `phrase` in the answer (within `part` when given, never using `excluded` positions), keeping
   * the best occurrence of each polarity. All its words lie in one sentence, on one side of a contrast.
   */
  match(phrase: CompiledPhrase, part?: string, excluded?: ReadonlySet<number>): PhraseResult {
    const lists = phrase.canons.map((c, i) => {
      const { exact, typos } = this.candidates(c, phrase.surfaces[i] ?? c);
      const merged = typos.size === 0 ? exact : [...new Set([...exact, ...typos.keys()])].sort((a, b) => a - b);
      const all = excluded && excluded.size > 0 ? merged.filter((p) => !excluded.has(p)) : merged;
      return { all, typos, exactSet: typos.size === 0 ? undefined : new Set(exact) };
    });
    if (lists.length === 0 || lists.some((l) => l.all.length === 0)) return {};
    const anchorIndex = lists.reduce((best, l, i) => (l.all.length < (lists[best]?.all.length ?? Infinity) ? i : best), 0);
    const window = 4 * lists.length + 6;
    const result: PhraseResult = {};
    for (const anchor of lists[anchorIndex]?.all ?? []) {
      const anchorToken = this.text.tokens[anchor];
      if (!anchorToken || (part !== undefined && this.partOf[anchor] !== part)) continue;
      const positions: number[] = [];
      for (const l of lists) {
        const p = nearestInSegment(l.all, anchor, this.text.tokens, anchorToken.segment);
        if (p === undefined || (part !== undefined && this.partOf[p] !== part)) break;
        positions.push(p);
      }
      if (positions.length < lists.length) continue;
      if (Math.max(...positions) - Math.min(...positions) > window) continue;
      const tokens = positions.map((p) => this.text.tokens[p] as Token);
      const negated = tokens.some((t) => t.negated);
      const occurrence: Occurrence = {
        positions,
        sentence: anchorToken.sentence,
        negated,
        weak: positions.some((p, i) => {
          const l = lists[i];
          return l?.exactSet !== undefined && !l.exactSet.has(p) && l.typos.get(p) === false;
        }),
        ambiguous: tokens.some((t) => t.ambiguous),
      };
      // Words only before a "not" read both ways: a hit, and a rejection that cancels a deduction.
      const either = !negated && tokens.some((t) => t.subjectNegated);
      const keys = either ? (["hit", "opposite"] as const) : [negated === phrase.negated ? "hit" as const : "opposite" as const];
      for (const key of keys) {
        const current = result[key];
        if (!current || (current.weak && !occurrence.weak)) result[key] = occurrence;
      }
      if (result.hit && !result.hit.weak && result.opposite && !result.opposite.weak) break;
    }
    return result;
  }
}

/** The position in `sorted` nearest to `anchor` that lies in the same segment of a sentence. */
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
  if (ok(left) && ok(right)) return anchor - (left ?? 0) <= (right ?? 0) - anchor ? left : right;
  return ok(left) ? left : ok(right) ? right : undefined;
}
