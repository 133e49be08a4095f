import type { Question } from "../bank/schema.ts";
import { stem } from "./porter-stemmer.ts";
import { SYNONYM_GROUPS } from "./synonym-table.ts";
import { type Lexed, lexWords } from "./text-lexer.ts";

/**
 * Which words mean the same for one question: its own synonym groups, then its bank's (the loader
 * puts both in `question.synonyms`), then the built-in table of general English. Answers and rubric
 * phrases are read with the same vocabulary, so both sides always agree.
 *
 * A group's entries all read as its first entry. One-word entries join a synonym class (by stem,
 * so "predetermine" covers "predetermined"); an entry of several words ("fix in advance", "two
 * times") is rewritten, wherever its words follow each other (by stem), into the first entry's words.
 * A stem belongs to the first group that lists it: a question's or bank's group takes a word out of
 * the built-in group it was in.
 */

const stems = new Map<string, string>();
const MAX_STEMS = 50_000;

/** `stem`, remembered: answers repeat their words, and every word is stemmed once or twice. */
function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    s = stem(word);
    stems.set(word, s);
  }
  return s;
}

/** A rewrite of several words (compared by stem) into the words of their group's first entry. */
interface PhraseRule {
  from: string[];
  to: string[];
}

/** How one question's texts are read: synonym classes and rewrites. */
export class Vocabulary {
  private readonly canons = new Map<string, string>();
  private readonly surfaces = new Map<string, string[]>();
  private readonly forms = new Map<string, string[]>();
  private readonly rules = new Map<string, PhraseRule[]>();
  private readonly listed = new Set<string>();

  /**
   * @param key what tells this vocabulary from another (`""` for the built-in table alone): caches
   *   of compiled phrases are keyed by it.
   * @param groups the groups in priority order, the built-in ones last.
   * @param own how many of the first groups are the question's or bank's own (not built-in): a stop
   *   word one of them lists ("g" for the gradient) is a content word for this vocabulary.
   */
  constructor(readonly key: string, groups: ReadonlyArray<readonly string[]>, own = 0) {
    groups.slice(0, own).forEach((g) => g.forEach((e) => this.listed.add(e.trim().toLowerCase())));
    for (const group of groups) this.add(group);
    for (const list of this.rules.values()) list.sort((a, b) => b.from.length - a.from.length);
  }

  private add(group: readonly string[]): void {
    const entries = group.map((e) => lexWords(e)).filter((words) => words.length > 0);
    const first = entries[0];
    if (!first) return;
    if (first.length === 1) {
      const head = stem(first[0]!);
      const singles = entries.filter((e) => e.length === 1).map((e) => e[0]!);
      for (const word of singles) if (!this.canons.has(stem(word))) this.canons.set(stem(word), head);
      this.surfaces.set(head, [...(this.surfaces.get(head) ?? []), ...singles]);
    }
    for (const words of entries.slice(1)) {
      if (first.length === 1 && words.length === 1) continue;
      const from = words.map(stem);
      const list = this.rules.get(from[0]!) ?? [];
      list.push({ from, to: first });
      this.rules.set(from[0]!, list);
    }
  }

  /** A word's stem and synonym class ("canon"): equal canons mean the same idea. */
  canonOf(word: string): { stem: string; canon: string } {
    const s = stemOf(word);
    return { stem: s, canon: this.canons.get(s) ?? s };
  }

  /** True when the question's or bank's own synonyms list `word` (lowercase): then it is never a stop word. */
  listsWord(word: string): boolean {
    return this.listed.has(word);
  }

  /** True when a stem belongs to a synonym group, i.e. it is a known word rather than a typo. */
  isKnownStem(s: string): boolean {
    return this.canons.has(s);
  }

  /** The words listed in the synonym class `canon` (as a bank or the built-in table writes them). */
  synonymsOf(canon: string): string[] {
    return [...new Set(this.surfaces.get(canon) ?? [])];
  }

  /** Every stem and listed word whose canon is `canon` (what a typo may be a misspelling of). */
  formsOfCanon(canon: string): string[] {
    let forms = this.forms.get(canon);
    if (!forms) {
      const out = new Set([canon, ...(this.surfaces.get(canon) ?? [])]);
      for (const [s, c] of this.canons) if (c === canon) out.add(s);
      forms = [...out];
      this.forms.set(canon, forms);
    }
    return forms;
  }

  /** The words of `lexed` with every entry of several words (and every entry of a group named by several words) rewritten. */
  rewrite(lexed: readonly Lexed[]): Lexed[] {
    if (this.rules.size === 0) return [...lexed];
    const out: Lexed[] = [];
    const wordStems = lexed.map((l) => (l.kind === "w" ? stemOf(l.value) : ""));
    for (let i = 0; i < lexed.length; i++) {
      const item = lexed[i]!;
      const rule = item.kind === "w"
        ? this.rules.get(wordStems[i]!)?.find((r) => r.from.every((s, k) => lexed[i + k]?.kind === "w" && wordStems[i + k] === s))
        : undefined;
      if (!rule) {
        out.push(item);
        continue;
      }
      for (const w of rule.to) out.push({ kind: "w", value: w });
      i += rule.from.length - 1;
    }
    return out;
  }
}

/** The built-in table alone: general English, for text read outside any question. */
export const BASE_VOCABULARY = new Vocabulary("", SYNONYM_GROUPS);

const byKey = new Map<string, Vocabulary>();
const byList = new WeakMap<object, Vocabulary>();
const MAX_VOCABULARIES = 200;

/**
 * The vocabulary for extra synonym groups (a question's, then its bank's), before the built-in
 * table; the same groups give the same (cached) vocabulary.
 */
export function vocabularyOf(groups: ReadonlyArray<readonly string[]> | undefined): Vocabulary {
  if (!groups || groups.length === 0) return BASE_VOCABULARY;
  const known = byList.get(groups);
  if (known) return known;
  const key = JSON.stringify(groups);
  let vocabulary = byKey.get(key);
  if (!vocabulary) {
    if (byKey.size >= MAX_VOCABULARIES) byKey.clear();
    vocabulary = new Vocabulary(key, [...groups, ...SYNONYM_GROUPS], groups.length);
    byKey.set(key, vocabulary);
  }
  byList.set(groups, vocabulary);
  return vocabulary;
}

const promptWordCache = new WeakMap<object, ReadonlySet<string>>();

/**
 * The words of a question's prompt and context (lowercase): real words, which a typo match must
 * never read as another word ("Recall that…", copied from the prompt, is not a slip for "rescale").
 */
export function promptWords(question: Pick<Question, "prompt" | "context">): ReadonlySet<string> {
  let words = promptWordCache.get(question);
  if (!words) {
    words = new Set(lexWords(`${question.prompt}\n${question.context ?? ""}`));
    promptWordCache.set(question, words);
  }
  return words;
}

/**
 * The vocabulary a question is graded with: its `synonyms` (its own groups, then its bank's, as
 * the loader merges them), then the built-in table.
 * @example vocabularyFor(question).canonOf("examples").canon === vocabularyFor(question).canonOf("points").canon
 */
export function vocabularyFor(question: Pick<Question, "synonyms">): Vocabulary {
  return vocabularyOf(question.synonyms);
}
