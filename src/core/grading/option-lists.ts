import type { AwardedItem } from "./grade.ts";
import type { Token } from "./text-analysis.ts";

/**
 * Lists that name every option rather than choose: "reasons: curse of dimensionality, testing is
 * expensive, training is expensive, it is cheap, bias, variance, k too small, k too large". A TA
 * gives such a list nothing, even where it names the rubric's answer among the rest, because it
 * claims the wrong options as much as the right one. A list of right answers ("crop, rotate,
 * shift, scale, blur, add noise") is not one: most of its entries name something the rubric knows.
 */

/** Fewest entries of a list that names every option. */
const MIN_ENTRIES = 6;
/** Most words in one entry: anything longer is a sentence of its own. */
const MAX_ENTRY_WORDS = 5;

/** Where an answer found each rubric concept, and every place any concept matched (either polarity). */
export interface RubricTrace {
  /** Positions behind each earned entry, by entry id. */
  hits: Map<string, number[]>;
  /** Every match of some concept (item, option or deduction), stated or denied: its positions. */
  named: Array<readonly number[]>;
}

export const emptyTrace = (): RubricTrace => ({ hits: new Map(), named: [] });

/** Entries of a list as typed: words only (a lead-in "reasons:" allowed), no formula, no aside. */
const PLAIN_ENTRY = /^[\p{L}'’:\s-]+$/u;

/** True when some sentence of `text` is a comma list of at least MIN_ENTRIES short plain entries. */
export function hasLongPlainList(text: string): boolean {
  return text.split(/[.;!?\n]+/).some((sentence) => {
    const entries = sentence.split(",").map((e) => e.trim()).filter((e) => e !== "");
    return entries.length >= MIN_ENTRIES &&
      entries.every((e) => PLAIN_ENTRY.test(e) && e.split(/\s+/).length <= MAX_ENTRY_WORDS + 1);
  });
}

/**
 * Sentences that list many short entries (clauses) of which at most half name anything the
 * rubric knows (a match within the entry): option-naming lists.
 */
export function optionListSentences(tokens: readonly Token[], named: ReadonlyArray<readonly number[]>): Set<number> {
  const clauses = new Map<number, { sentence: number; words: number; named: boolean }>();
  for (const t of tokens) {
    if (t.filler) continue;
    const c = clauses.get(t.clause) ?? { sentence: t.sentence, words: 0, named: false };
    c.words++;
    clauses.set(t.clause, c);
  }
  for (const positions of named) {
    const clause = tokens[positions[0] ?? -1]?.clause;
    const entry = clause === undefined ? undefined : clauses.get(clause);
    if (entry && positions.every((p) => tokens[p]?.clause === clause)) entry.named = true;
  }
  const bySentence = new Map<number, Array<{ words: number; named: boolean }>>();
  for (const c of clauses.values()) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  const out = new Set<number>();
  for (const [sentence, entries] of bySentence) {
    if (entries.length < MIN_ENTRIES || entries.some((e) => e.words > MAX_ENTRY_WORDS)) continue;
    if (entries.filter((e) => e.named).length * 2 <= entries.length) out.add(sentence);
  }
  return out;
}

/**
 * Takes back the credit of entries found only inside option-naming lists; deductions stand. Returns
 * the items and whether anything was taken back.
 */
export function withoutListedOptions(
  items: AwardedItem[], text: string, tokens: readonly Token[], trace: RubricTrace,
): { items: AwardedItem[]; changed: boolean } {
  if (!hasLongPlainList(text)) return { items, changed: false };
  const lists = optionListSentences(tokens, trace.named);
  if (lists.size === 0) return { items, changed: false };
  let changed = false;
  const out = items.map((item) => {
    const at = trace.hits.get(item.id);
    if (item.earned <= 0 || !at || at.length === 0 || !at.every((p) => lists.has(tokens[p]?.sentence ?? -1))) return item;
    changed = true;
    return { ...item, earned: 0, note: "Named in a list of options, right and wrong alike: no credit." };
  });
  return { items: out, changed };
}

/** Share of content words inside some match of a concept: how much of a list the rubric accounts for. */
export function coverageOf(tokens: readonly Token[], trace: RubricTrace): number {
  const content = tokens.filter((t) => !t.filler).length;
  if (content === 0) return 1;
  const covered = new Set<number>();
  for (const positions of trace.named) for (const p of positions) if (tokens[p] && !tokens[p]!.filler) covered.add(p);
  return covered.size / content;
}
