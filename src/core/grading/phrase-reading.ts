import { CLAUSE_NEGATORS, FORWARD_NEGATORS } from "./synonym-table.ts";
import { analyzeText, type Token } from "./text-analysis.ts";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.ts";

/**
 * How the grader reads one rubric phrase (or guard), in one place: the matcher compiles phrases with
 * it and `tutor bank lint` shows it to the TA. A phrase is read with the question's vocabulary:
 * - its content words, by synonym class, in any order (stop words are skipped, but never numbers or
 *   "one": `one element` needs "one");
 * - a variable written twice (`n log n`, `n*n`) must appear twice, and the phrase is then read in
 *   order; another word written twice counts once;
 * - words in double quotes (`"do while"`) must follow each other as written, stop words included;
 * - `A < B`, `A before B`, `A then B` (and `A > B`, `A after B`) split it into parts that must come
 *   in that order, or the other way round with a comparing word between ("B is larger than A");
 * - a leading `unless:` makes it a guard, read the same way.
 */

/** One word a phrase needs. */
export interface PhraseWord {
  /** As written, lowercased. */
  surface: string;
  stem: string;
  /** Its synonym class: an answer word of the same canon matches it. */
  canon: string;
  /** A stop word kept because it matters here (quoted, or a word like "one"). */
  filler: boolean;
}

/** A stretch of a phrase between comparisons: words in any order (or in order, see `inOrder`). */
export interface PhrasePart {
  /** Each unit is one word, or quoted words that must follow each other as written. */
  units: PhraseWord[][];
  /** True when the units must appear in the order written (a word written twice). */
  inOrder: boolean;
}

/** Between two parts: `<` (A < B, A before B, A then B, A -> B) or `>` (A > B, A after B). */
export type PhraseRelation = "<" | ">";

/** The grader's reading of a phrase; stable for tools such as `tutor bank lint`. */
export interface PhraseReading {
  /** The phrase as written, without its `unless:`. */
  text: string;
  /** True for a guard (`unless: ...`): words it matches cannot earn the item. */
  guard: boolean;
  parts: PhrasePart[];
  /** The comparison between part i and part i + 1. */
  relations: PhraseRelation[];
  /** True when order is checked: several parts, quoted words, or a word written twice. */
  ordered: boolean;
  /** True when the phrase is negated ("does not saturate" matches only negated text). */
  negated: boolean;
  /** Every needed word's canon, in written order (the matching keys). */
  words: string[];
  /** Every needed word as written, in the same order as `words`. */
  shown: string[];
  /** For each needed word, the other words its synonym class lists; often empty. */
  synonyms: string[][];
  /** Words left out as carrying no concept (stop words). */
  dropped: string[];
  /** Words left out because an earlier word of the phrase is the same word or its synonym. */
  merged: string[];
  /** True when every word is a stop word: the grader then needs those words as written. */
  stopWordsOnly: boolean;
  /** What is wrong with how the phrase is written (an empty side of `<`, an unclosed quote); empty when fine. */
  problems: string[];
}

/** Stop words that still carry meaning in a phrase: "one element" is not "element". */
const KEPT_STOP_WORDS: ReadonlySet<string> = new Set(["one"]);
/** A one-letter word: a variable, which counts as often as it is written. */
const VARIABLE = /^\p{L}$/u;
const RELATION_WORDS: Readonly<Record<string, PhraseRelation>> = { before: "<", then: "<", after: ">" };
const NEGATORS: ReadonlySet<string> = new Set([...CLAUSE_NEGATORS, ...FORWARD_NEGATORS]);
const GUARD = /^\s*unless:\s*/i;

/** True when `phrase` is a guard (`unless: ...`). */
export function isGuard(phrase: string): boolean {
  return GUARD.test(phrase);
}

/**
 * Splits a phrase's tokens at comparisons, noting what is wrong with them. A comparing word at
 * either end ("after training, ...") is an ordinary word.
 */
function splitParts(tokens: readonly Token[], problems: string[]): { groups: Token[][]; relations: PhraseRelation[] } {
  const groups: Token[][] = [[]];
  const relations: PhraseRelation[] = [];
  tokens.forEach((t, i) => {
    const current = groups.at(-1)!;
    if (t.mark) {
      if (current.length === 0) problems.push(`nothing before "${t.mark}": write the words that come first, then ${t.mark}`);
      else {
        groups.push([]);
        relations.push(t.mark);
      }
    }
    const relation = t.quote === undefined ? RELATION_WORDS[t.surface] : undefined;
    if (relation && groups.at(-1)!.length > 0 && i < tokens.length - 1) {
      groups.push([]);
      relations.push(relation);
    } else groups.at(-1)!.push(t);
  });
  return { groups, relations };
}

const word = (t: Token): PhraseWord => ({ surface: t.surface, stem: t.stem, canon: t.canon, filler: t.filler });

/** Reads one part: its units, with the words dropped or merged. */
function readPart(tokens: readonly Token[], keepAll: boolean, dropped: string[], merged: string[]): PhrasePart {
  const units: PhraseWord[][] = [];
  let inOrder = false;
  const single: PhraseWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quote !== undefined) {
      const unit: PhraseWord[] = [];
      for (; i < tokens.length && tokens[i]!.quote === t.quote; i++) unit.push(word(tokens[i]!));
      i--;
      units.push(unit);
      continue;
    }
    if (t.filler && !keepAll && !KEPT_STOP_WORDS.has(t.surface)) {
      if (!NEGATORS.has(t.surface)) dropped.push(t.surface);
      continue;
    }
    const earlier = single.find((w) => w.canon === t.canon);
    // A variable written again (n log n, n*n) must be there again, so the phrase is read in order;
    // another word written again ("compare the test image to every training image") counts once.
    if (earlier && !(earlier.stem === t.stem && VARIABLE.test(t.surface))) {
      merged.push(t.surface);
      continue;
    }
    if (earlier) inOrder = true;
    single.push(word(t));
    units.push([word(t)]);
  }
  return { units, inOrder };
}

/**
 * Reads `phrase` (with or without `unless:`) as the grader does with `vocabulary`.
 * @example readPhrase("left < node < right").parts.length // 3, in that order
 */
export function readPhrase(phrase: string, vocabulary: Vocabulary = BASE_VOCABULARY): PhraseReading {
  const guard = isGuard(phrase);
  const text = phrase.replace(GUARD, "").trim();
  const problems: string[] = [];
  if ((text.match(/["“”]/g) ?? []).length % 2 === 1) problems.push("a double quote is not closed");
  if (/(?:[<>≤≥→]|->|=>)\s*$/.test(text)) problems.push("nothing after the last comparison: write the words that come after it");
  const tokens = analyzeText(text, vocabulary).tokens;
  const { groups, relations } = splitParts(tokens, problems);
  const stopWordsOnly = tokens.length > 0 && tokens.every((t) => t.filler && t.quote === undefined && !KEPT_STOP_WORDS.has(t.surface));
  const dropped: string[] = [];
  const merged: string[] = [];
  const parts: PhrasePart[] = [];
  const kept: PhraseRelation[] = [];
  groups.forEach((g, i) => {
    // A side of a comparison made only of stop words (`x < y`) is those words.
    const bare = groups.length > 1 && g.every((t) => t.filler && t.quote === undefined && !KEPT_STOP_WORDS.has(t.surface));
    const part = readPart(g, stopWordsOnly || bare, dropped, merged);
    if (part.units.length === 0) {
      if (groups.length > 1) problems.push(`"${g.map((t) => t.surface).join(" ")}" has only stop words: a side of a comparison needs a word that carries meaning`);
      return;
    }
    if (parts.length > 0) kept.push(relations[i - 1] ?? "<");
    parts.push(part);
  });
  const all = parts.flatMap((p) => p.units.flat());
  return {
    text, guard, parts, relations: kept,
    ordered: parts.length > 1 || parts.some((p) => p.inOrder || p.units.some((u) => u.length > 1)),
    negated: tokens.some((t) => t.negated || t.subjectNegated),
    words: all.map((w) => w.canon),
    shown: all.map((w) => w.surface),
    synonyms: all.map((w) => vocabulary.synonymsOf(w.canon).filter((s) => s !== w.surface)),
    dropped, merged, stopWordsOnly, problems,
  };
}
