import { z } from "zod";

/**
 * The rubric part of a bank's schema (see schema.ts): items, levels, groups, how a phrase is written,
 * and the synonyms a bank or a question adds. Graded by src/core/grading/rubric-scorer.ts.
 */

/** A question's or an item's id: lowercase letters, digits and dashes. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes, like 4a-ii");
/** Points a question, a group or a level is worth. */
export const points = z.number().min(0).max(1000);

/**
 * How a rubric phrase is written, in the words a TA reads in the JSON schema; the grader's reading
 * of it is src/core/grading/phrase-reading.ts (and `tutor bank lint` shows it phrase by phrase).
 */
const PHRASE_SYNTAX = "Each phrase matches when all its words appear in one sentence, close together, in any order; stems, synonyms and small typos count, " +
  "words split or glued (it self / itself, logn / log n) count, and stop words (the, is, of...) are skipped. " +
  "Words in double quotes must appear together and in that order, stop words included: \"do while\" runs once, \"n log n\", \"one element\". " +
  "When order matters, write `A < B`, `A before B` or `A then B` (or `A > B`, `A after B`): `left < node < right` does not match \"right, node, left\"; " +
  "an answer may also say it the other way round with a comparing word (`B is larger than A`, `B comes after A`). " +
  "A variable written twice (n log n, n*n) must appear twice, in that order; numbers and \"one\" are never skipped. " +
  "A phrase starting with `unless:` is a guard, read the same way: words it matches cannot earn this item (`unless: n log n` keeps \"n log n\" from earning `log n`)";

const phraseList = z.array(z.string().min(1)).min(1);

/** One level of credit inside an item: full marks for the precise statement, fewer for a partial one. */
export const RubricLevel = z.strictObject({
  points: points.describe("What this level earns; the item's `points` is the most a level may earn"),
  label: z.string().min(1).optional().describe("What this level credits, shown in feedback, e.g. the big-O only"),
  phrases: phraseList.describe(`Phrases for this level. ${PHRASE_SYNTAX}`),
});

/** A concept a short answer or a justification may express, with the phrases that express it. */
export const RubricItem = z.strictObject({
  id,
  label: z.string().min(1).describe("What the TA looks for, shown to the student in feedback"),
  points: z.number().min(-1000).max(1000).describe("Negative points subtract (a named invalid answer)"),
  phrases: phraseList.optional()
    .describe(`Words or phrases that express the concept (give phrases or levels). ${PHRASE_SYNTAX}`),
  levels: z.array(RubricLevel).min(1).optional()
    .describe("Instead of phrases: partial credit inside the item, each level with its points and phrases; the best level matched is awarded, " +
      "e.g. [{points: 5, phrases: [height of the tree]}, {points: 3, label: only the big-O, phrases: [log n]}]"),
  feedback: z.string().optional().describe("Shown when the item is missed (or, for a negative item, hit)"),
  part: z.string().optional()
    .describe("For answers written in labelled parts (see ShortAnswer.parts): the part this item must be found in"),
  reasonsFor: id.optional()
    .describe("The id of the item this one gives reasons for: it earns nothing when the answer denies that item ('it is not overfitting')"),
});

/** Several interchangeable concepts of which the student must give `pick` (e.g. "two reasons"). */
export const RubricGroup = z.strictObject({
  id,
  label: z.string().min(1),
  points: points.describe("Points for the whole group; options without their own points earn an even share (points / pick)"),
  pick: z.number().int().min(1).describe("How many options the group awards: the best ones found"),
  max: points.optional().describe("The most the group earns (default: its points): a cap when its options' points add past it"),
  options: z.array(RubricItem.omit({ points: true, reasonsFor: true }).extend({
    points: points.optional()
      .describe("This option's own points, when options are worth different amounts (the height earns 5, log n earns 3); default: the group's points / pick"),
  })).min(1),
  feedback: z.string().optional(),
  reasonsFor: id.optional()
    .describe("The id of the item this group gives reasons for: it earns nothing when the answer denies that item ('it is not overfitting')"),
});

export const RubricEntry = z.union([RubricGroup, RubricItem]);

/**
 * Words that mean the same for one bank or one question: the matcher reads each group's words as
 * its first one, in answers and in phrases (src/core/grading/vocabulary.ts).
 */
export const Synonyms = z.array(z.array(z.string().min(1)).min(1))
  .describe("Groups of words or phrases that mean the same here, e.g. [[twice, double, two times], [predetermine, fix in advance]]. " +
    "The grader reads every entry of a group as its first entry, in answers and in rubric phrases; stems count (predetermine covers predetermined). " +
    "A question's groups come first, then the bank's, then the built-in table of general English: a word listed here leaves any built-in group it was in. " +
    "A group of one word marks it as a word of the course, never read as a typo of another");

export type RubricLevel = z.infer<typeof RubricLevel>;
export type RubricItem = z.infer<typeof RubricItem>;
export type RubricGroup = z.infer<typeof RubricGroup>;
export type RubricEntry = z.infer<typeof RubricEntry>;
