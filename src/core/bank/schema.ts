import { z } from "zod";
import { id, points, RubricEntry, RubricItem, Synonyms } from "./rubric-schema.ts";

export { RubricEntry, RubricGroup, RubricItem, RubricLevel, Synonyms } from "./rubric-schema.ts";

/**
 * The schema of a question bank: one YAML file per assessment in `data/banks/`.
 * Everything the product knows about a question (prompt, points, how it is answered, how it is
 * graded, who grades it) is here, so graders stay pure and adapters never special-case a question.
 */

/** Which symbols an expression may use, with shape and sampling domain. */
export const SymbolSpec = z.strictObject({
  shape: z.array(z.union([z.string(), z.number().int().positive()])).max(2).default([])
    .describe("[] scalar, [n] vector, [m, n] matrix; names refer to `dimensions`"),
  domain: z.enum(["real", "positive", "integer", "positive-integer", "onehot", "probability", "ones"]).default("real")
    .describe("How samples are drawn; `ones` is a constant all-ones vector or matrix (e.g. the vector of m ones)"),
  aliases: z.array(z.string()).default([]).describe("Other spellings students use, e.g. W_1 for W1"),
  words: z.array(z.string().min(1)).optional()
    .describe("What students call it in words, e.g. [prediction, network output] for z: an answer written in words (\"prediction minus target\") is read with these names. Whole words; \"the\", \"our\", \"its\" and a plural are accepted"),
  description: z.string().optional(),
});

/** A symbol defined from others, computed at every sample (so `z` and its expansion agree). */
export const DerivedSymbol = z.strictObject({
  definition: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  words: z.array(z.string().min(1)).optional()
    .describe("What students call it in words, e.g. [prediction, network output] for z: an answer written in words (\"prediction minus target\") is read with these names. Whole words; \"the\", \"our\", \"its\" and a plural are accepted"),
  description: z.string().optional(),
});

/** A known wrong answer worth partial credit, or worth naming in feedback. */
export const KnownMistake = z.strictObject({
  answer: z.string().min(1),
  points: points.default(0),
  feedback: z.string().min(1),
  name: z.string().min(1).max(60).optional()
    .describe("A short name TAs read in /stats, e.g. dropped transpose (default: the answer itself)"),
  hint: z.number().int().min(1).optional()
    .describe("The hint (1 = the question's first) that addresses this mistake: the Hint button after it opens that one"),
});

const tolerance = {
  rtol: z.number().min(0).optional().describe("Relative tolerance (default 1e-2 for numbers, 1e-6 for expressions)"),
  atol: z.number().min(0).optional().describe("Absolute tolerance near zero (default 1e-8)"),
};

export const NumberAnswer = z.strictObject({
  kind: z.literal("number"),
  value: z.union([z.number(), z.string()]).describe("A number, or arithmetic such as 32*3*3*16"),
  ...tolerance,
  mistakes: z.array(KnownMistake).default([]),
});

export const ExpressionAnswer = z.strictObject({
  kind: z.literal("expression"),
  reference: z.string().min(1),
  dimensions: z.record(z.string(), z.array(z.number().int().positive()).min(1)).default({})
    .describe("Sizes to sample for each named dimension; distinct values keep a missing transpose from passing"),
  symbols: z.record(z.string(), SymbolSpec),
  derived: z.record(z.string(), DerivedSymbol).default({}),
  ...tolerance,
  mistakes: z.array(KnownMistake).default([]),
});

export const DimensionsAnswer = z.strictObject({
  kind: z.literal("dimensions"),
  value: z.array(z.union([z.string(), z.number().int().positive()])).min(1).describe("e.g. [m, n] or [7, 7, 3]"),
});

const blankBase = { label: z.string().min(1), aliases: z.array(z.string()).default([]), points };
export const Blank = z.discriminatedUnion("kind", [
  z.strictObject({ ...blankBase, ...NumberAnswer.shape }),
  // A blank's own symbols are optional: most blanks use only the answer's `shared` ones.
  z.strictObject({ ...blankBase, ...ExpressionAnswer.shape, symbols: ExpressionAnswer.shape.symbols.default({}) }),
  z.strictObject({ ...blankBase, ...DimensionsAnswer.shape }),
]);

export const BlanksAnswer = z.strictObject({
  kind: z.literal("blanks"),
  blanks: z.array(Blank).min(2),
  shared: ExpressionAnswer.pick({ dimensions: true, symbols: true, derived: true }).partial().optional()
    .describe("Symbols and dimensions shared by every expression blank"),
});

export const TrueFalseAnswer = z.strictObject({
  kind: z.literal("truefalse"),
  correct: z.boolean(),
  choicePoints: points.describe("Points for the right choice; the rest come from the justification"),
  cap: z.boolean().optional()
    .describe("True when the rubric's points may add up past the question's points (any two of three 3-point reasons for 5 points): the score is capped at the question's points. Without it they must add up to exactly the question's points"),
  justification: z.array(RubricEntry)
    .describe("What a justification earns; empty when the choice alone earns all the points (an imported true/false question)"),
  alternative: z.strictObject({
    choice: z.boolean(),
    maxPoints: points,
    reading: z.string().min(1).describe("The other reading of the statement that earns credit"),
    justification: z.array(RubricEntry).min(1),
  }).optional(),
});

/** A labelled part of a short answer, e.g. the "tanh:" line of 4a-iii. */
export const AnswerPart = z.strictObject({
  id,
  label: z.string().min(1).describe("How the student starts the part's line, e.g. tanh"),
  aliases: z.array(z.string()).default([]).describe("Other ways students name the part, e.g. hyperbolic tangent, A"),
});

export const ShortAnswer = z.strictObject({
  kind: z.literal("short"),
  parts: z.array(AnswerPart).optional()
    .describe("When set, the answer is written in labelled parts and each rubric item names its part"),
  rubric: z.array(RubricEntry).min(1),
  cap: z.boolean().optional()
    .describe("True when the rubric's points may add up past the question's points (any two of three 3-point reasons for 5 points): the score is capped at the question's points. Without it they must add up to exactly the question's points"),
  maxSentences: z.number().int().positive().optional(),
  namingEarns: z.boolean().default(false)
    .describe("True when naming the concepts is the answer (\"what is the problem?\"): a bare list of terms is graded; otherwise it earns nothing and goes to a TA"),
});

export const ReviewedAnswer = z.strictObject({
  kind: z.enum(["drawing", "proof", "essay"]),
  rubric: z.array(RubricItem.extend({ phrases: z.array(z.string()).default([]) })).min(1)
    .describe("Items the TA awards; phrases are optional hints"),
  selfCheck: z.array(z.string()).default([]).describe("What the student can check before a TA grades"),
});

/** One option of a multiple-choice question, named by its letter. */
export const ChoiceOption = z.strictObject({
  id: z.string().regex(/^[a-z]$/, "use one lowercase letter: a, b, c, ..."),
  text: z.string().min(1),
  points: z.number().min(-1000).max(1000).default(0)
    .describe("What choosing it earns; negative deducts (a wrong pick among several answers)"),
  feedback: z.string().optional().describe("Shown to a student who chose it"),
});

/** Multiple choice: one option (`multiple: false`), or several whose points add up, clamped to [0, points]. */
export const ChoiceAnswer = z.strictObject({
  kind: z.literal("choice"),
  multiple: z.boolean().default(false).describe("True when several options may be chosen"),
  options: z.array(ChoiceOption).min(2).max(26),
});

export const Answer = z.discriminatedUnion("kind", [
  NumberAnswer, ExpressionAnswer, DimensionsAnswer, BlanksAnswer, TrueFalseAnswer, ShortAnswer, ReviewedAnswer, ChoiceAnswer,
]);

/** The name of a question parameter, as its templates and expressions write it: `N`, `F1`, `K_out`. */
const parameterName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "use a letter, then letters, digits or _, like F1");

/** One drawn parameter: an integer from `min` to `max` by `step`, or one of `values`. */
export const ParameterRange = z.strictObject({
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  step: z.number().int().positive().default(1),
  values: z.array(z.number().int()).min(1).optional().describe("The values to draw from, instead of min/max"),
  exam: z.number().int().describe("The exam's own value: the bank's text, the mock exam and the TA tools use it"),
  description: z.string().optional(),
});

/**
 * What a question's variants may change: drawn integers, values derived from them, and rules every
 * variant keeps. The question's text uses them as `{{F1}}` or `{{N - F1 + 1}}`; a field that is only
 * a template (`value: "{{K1}}"`) becomes a number.
 */
export const Parameters = z.strictObject({
  ranges: z.record(parameterName, ParameterRange).describe("The drawn parameters, each with its exam value"),
  derived: z.record(parameterName, z.string().min(1)).default({})
    .describe("Values computed from the parameters, in order, e.g. O: N - F1 + 1"),
  constraints: z.array(z.string().min(1)).default([])
    .describe("Rules every variant keeps, e.g. F2 <= O, K1 != C (so a known mistake stays distinct)"),
});

export const Question = z.strictObject({
  id,
  problem: z.number().int().positive(),
  title: z.string().min(1),
  topic: z.string().min(1),
  points,
  bonus: z.boolean().default(false),
  grader: z.string().min(1).describe("The TA who grades this question and answers its regrades"),
  context: z.string().optional().describe("Shared text of the problem (LaTeX kept as LaTeX)"),
  prompt: z.string().min(1).describe("LaTeX kept as LaTeX"),
  howToAnswer: z.string().optional(),
  answer: Answer,
  solution: z.string().min(1),
  hints: z.array(z.string().min(1)).max(5).default([])
    .describe("A ladder of hints shown one at a time before the solution: the concept, then the setup, then the first step; never the answer"),
  parameters: Parameters.optional()
    .describe("Sizes that change from one practice variant to the next; the text uses them as {{NAME}}"),
  synonyms: Synonyms.optional()
    .describe("Synonyms for this question only, before the bank's (see the bank's synonyms). A loaded question graded by phrases carries the bank's groups after its own"),
});

export const Problem = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  points,
  bonus: z.boolean().default(false),
});

export const Exam = z.strictObject({
  id,
  course: z.string().min(1),
  title: z.string().min(1),
  term: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"),
  start: z.string().regex(/^\d{2}:\d{2}$/, "use HH:MM").optional(),
  durationMinutes: z.number().int().positive(),
  sections: z.array(z.string().min(1)).min(1),
  instructor: z.string().optional(),
  tas: z.array(z.string()).default([]),
  policy: z.array(z.string()).default([]),
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD").describe("When grades were released"),
  regradeWindowDays: z.number().int().positive(),
  notes: z.array(z.string()).default([]).describe("Where the source is inconsistent: its words, and the value used"),
});

export const Bank = z.strictObject({
  exam: Exam,
  problems: z.array(Problem).min(1),
  synonyms: Synonyms.optional().describe("Synonyms for every question of this bank: the course's own vocabulary, e.g. [[twice, double, two times]]"),
  questions: z.array(Question).min(1),
});

export type SymbolSpec = z.infer<typeof SymbolSpec>;
export type DerivedSymbol = z.infer<typeof DerivedSymbol>;
export type KnownMistake = z.infer<typeof KnownMistake>;
export type NumberAnswer = z.infer<typeof NumberAnswer>;
export type ExpressionAnswer = z.infer<typeof ExpressionAnswer>;
export type DimensionsAnswer = z.infer<typeof DimensionsAnswer>;
export type Blank = z.infer<typeof Blank>;
export type BlanksAnswer = z.infer<typeof BlanksAnswer>;
export type TrueFalseAnswer = z.infer<typeof TrueFalseAnswer>;
export type AnswerPart = z.infer<typeof AnswerPart>;
export type ShortAnswer = z.infer<typeof ShortAnswer>;
export type ReviewedAnswer = z.infer<typeof ReviewedAnswer>;
export type ChoiceOption = z.infer<typeof ChoiceOption>;
export type ChoiceAnswer = z.infer<typeof ChoiceAnswer>;
export type Answer = z.infer<typeof Answer>;
export type AnswerKind = Answer["kind"];
export type ParameterRange = z.infer<typeof ParameterRange>;
export type Parameters = z.infer<typeof Parameters>;
export type Synonyms = z.infer<typeof Synonyms>;
export type Question = z.infer<typeof Question>;
export type Problem = z.infer<typeof Problem>;
export type Exam = z.infer<typeof Exam>;
/**
 * A loaded bank. Its questions carry the exam's own numbers; `templates` keeps, for each question
 * with parameters, the question as written (with `{{...}}`), from which practice variants are drawn.
 */
export type Bank = z.infer<typeof Bank> & { templates?: Record<string, Question> };
