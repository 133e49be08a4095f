import type { RubricEntry } from "../bank/schema.ts";
import type { AwardedItem } from "./grade.ts";
import type { Occurrence } from "./phrase-matcher.ts";
import type { AnalyzedText } from "./text-analysis.ts";

/**
 * How a rubric match is weighed beyond its phrase (used by rubric-scorer.ts): a match made only of
 * the question's own words, a concept stated in one sentence and denied in another, and reasons for
 * a claim the answer denies or leaves open.
 */

/**
 * Reasons for a claim the answer denies or leaves open earn nothing: "it is not overfitting;
 * overfitting would come from too little data" gives no reason for overfitting, whatever words it
 * uses (see `reasonsFor`). True when some were withdrawn.
 */
export function withoutReasonsForDenied(rubric: readonly RubricEntry[], scored: AwardedItem[], denied: ReadonlySet<string>): boolean {
  let withdrawn = false;
  rubric.forEach((entry, i) => {
    const item = scored[i];
    if (!entry.reasonsFor || !denied.has(entry.reasonsFor) || !item || item.earned <= 0) return;
    scored[i] = { ...item, earned: 0, note: "Reasons for something your answer denies or leaves open: no credit." };
    withdrawn = true;
  });
  return withdrawn;
}

/**
 * "Overfitting is not the problem. Overfitting reasons: …": a concept denied outright in one
 * sentence and named in another is not a claim the grader can credit; a TA reads it.
 */
export function deniedElsewhere(hit: Occurrence, opposite: Occurrence | undefined): boolean {
  return opposite !== undefined && opposite.sentence !== hit.sentence && opposite.negated && !opposite.ambiguous && !opposite.weak && !hit.weak;
}

/** The stems of each question's own words, computed once per question (the set is cached per question). */
const promptStems = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * True of a match made only of the question's own words ("increase the number of training images"
 * inside an answer that restates the question): it claims nothing the question did not say. Not
 * for answers in labelled parts, where naming the question's own properties is the answer.
 */
export function restatesQuestion(text: AnalyzedText, realWords: ReadonlySet<string> | undefined): (o: Occurrence) => boolean {
  if (!realWords || realWords.size === 0) return () => false;
  let stems = promptStems.get(realWords);
  if (!stems) {
    stems = new Set([...realWords].map((w) => text.vocabulary.canonOf(w).stem));
    promptStems.set(realWords, stems);
  }
  const own = stems;
  return (o) => o.positions.every((p) => {
    const t = text.tokens[p];
    return t !== undefined && (realWords.has(t.surface) || own.has(t.stem));
  });
}
