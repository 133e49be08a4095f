import type { Question, ShortAnswer } from "../bank/schema.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, buildGrade } from "./grade-result.ts";
import { scoreRubric } from "./rubric-scorer.ts";
import { analyzeText } from "./text-analysis.ts";
import { statesAClaim } from "./claim-reading.ts";
import type { AwardedItem } from "./grade.ts";
import { promptWords, vocabularyFor } from "./vocabulary.ts";
import { hasLabelledLine, partsOnLines } from "./answer-parts.ts";

/** Why an answer that earns points and a deduction goes to a TA. */
const BOTH_REVIEW = "The answer names both what the rubric credits and what it deducts for; a TA will weigh it.";

/** Why a list of terms goes to a TA, said the same way for short answers and justifications. */
export const LIST_REVIEW = "The answer lists terms without stating a reason; a TA will read it.";

/** Least share of a list's words the rubric must account for when naming earns (see gradeTermList). */
const MIN_LIST_COVERAGE = 0.5;
/** Fewest entries, or words, of a list that may name every option rather than choose. */
const MANY_ENTRIES = 6;
const MANY_WORDS = 8;

/** True when a list is long enough to name every option: "crop, rotate, flip, scale, shift, noise, ...". */
function isLongList(text: string): boolean {
  const entries = text.split(/[,;+\n/]|\band\b/i).filter((e) => /\p{L}/u.test(e));
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return entries.length >= MANY_ENTRIES || words.length >= MANY_WORDS;
}

/** How a list of terms was read against the rubric (see RubricOutcome). */
export interface ListReading {
  /** A deduction's concept is named with a negation near it. */
  rejectsDeduction?: boolean;
  /** Share of the list's content words some concept matched. */
  coverage?: number;
}

/**
 * A list of terms with no claim earns nothing from positive items (deductions still apply) and goes
 * to review, unless naming is the answer; undefined when the text states something. Where naming
 * earns, a list still earns nothing (and a TA looks) when it names every option rather than
 * choosing: when it also names what the rubric deducts for, affirmed ("crop, rotate, flip, ...") or
 * with a negation somewhere near it that a list cannot attach to anything ("overfitting underfitting
 * ... not enough data ..."); or when most of its words are terms the rubric does not know, the right
 * ones padded with others ("sharing pooling stride padding invariance ...").
 */
export function gradeTermList(
  items: AwardedItem[], text: string, namingEarns: boolean, reading: ListReading = {},
): { items: AwardedItem[]; review: string[] } | undefined {
  if (statesAClaim(text)) return undefined;
  const long = isLongList(text);
  const namesDeduction = long && items.some((i) => i.points < 0 && i.earned < 0);
  const padded = long && (reading.coverage ?? 1) < MIN_LIST_COVERAGE;
  if (namingEarns && !reading.rejectsDeduction && !namesDeduction && !padded) {
    // Naming earns, but a list that misses something is a TA's to weigh.
    return { items, review: items.some((i) => (i.points > 0 && i.earned < i.points) || i.earned < 0) ? [LIST_REVIEW] : [] };
  }
  // A list that names none of the rubric's ideas ("no idea", "dunno") is understood: it earns 0.
  const named = items.some((i) => i.points > 0 && i.earned > 0);
  return {
    items: items.map((i) => (i.earned > 0 ? { ...i, earned: 0, note: "Named in a list, not stated as a reason." } : i)),
    review: named ? [LIST_REVIEW] : [],
  };
}

/**
 * Grades a short free-text answer against its concept rubric (see rubric-scorer.ts for matching and
 * for when a TA must review). The score is clamped to [0, points]; a sentence limit over-run is
 * pointed out, not penalized, since the exam's graders judged that themselves.
 */

/** Grades a `short` question. */
export function gradeShortAnswer(question: Question, spec: ShortAnswer, answer: StudentAnswer): Grade {
  const text = [answer.text, answer.justification ?? ""].filter((s) => s.trim() !== "").join("\n");
  if (text.trim() === "") {
    const items = spec.rubric.map((e) => ({ id: e.id, label: e.label, points: e.points, earned: 0, note: "No answer." }));
    return buildGrade(question, items, [EMPTY_ANSWER]);
  }
  const outcome = scoreRubric(spec.rubric, text, question.points, spec.parts, vocabularyFor(question), promptWords(question));
  const feedback = [...outcome.feedback];
  if (spec.maxSentences !== undefined) {
    const tokens = analyzeText(text).tokens;
    const sentences = new Set(tokens.map((t) => t.sentence)).size;
    if (sentences > spec.maxSentences) {
      feedback.push(`The question asks for at most ${spec.maxSentences} sentences; yours has ${sentences}. On the exam, keep it short.`);
    }
  }
  // Labelled parts are a table ("tanh: saturates, smooth, identity"), not a list of terms; an
  // answer with parts but no label ("tanh leaky relu gelu saturate") is read like any other.
  const labelled = spec.parts && spec.parts.length > 0 && hasLabelledLine(partsOnLines(text, spec.parts), spec.parts);
  const list = labelled ? undefined : gradeTermList(outcome.items, text, spec.namingEarns, outcome);
  if (list && !spec.namingEarns) feedback.push("Say why: a list of terms is not yet a justification.");
  const items = list?.items ?? outcome.items;
  // "overfitting, underfitting, too many epochs": credit and a deduction at once may be an answer
  // naming every option; the arithmetic stands, but a TA weighs it.
  const both = items.some((i) => i.earned > 0) && items.some((i) => i.earned < 0) ? [BOTH_REVIEW] : [];
  return buildGrade(question, items, feedback, [...outcome.review, ...(list?.review ?? []), ...both]);
}
