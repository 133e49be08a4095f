/**
 * The neutral form of a question read from another quiz format (Moodle XML, GIFT), before it is
 * mapped to a bank question. Parsers produce it; `to-bank.ts` consumes it. Fractions are Moodle's
 * credit of an answer as a share of the question's points: 1 is full credit, 0.5 half, -0.5 a deduction.
 */

/** One answer the source accepts or names: its text, its credit and what the student is told. */
export interface ImportedAnswer {
  text: string;
  fraction: number;
  feedback?: string;
}

/** One accepted number: `value` within `tolerance` (absolute) earns `fraction`. */
export interface ImportedNumber {
  value: number;
  tolerance: number;
  fraction: number;
  feedback?: string;
}

/** What every imported question has, whatever its type. */
export interface ImportedCommon {
  /** Position among the file's questions (categories not counted), 1-based: how reports name it. */
  number: number;
  /** The question's title in the source (or the start of its text when it has none). */
  name: string;
  /** The question's text as plain text or markdown (HTML already converted). */
  text: string;
  /** The category path it was filed under, e.g. `Week 1/Regression`. */
  category?: string;
  /** Points in the source (Moodle's default grade); undefined when the format has none (GIFT). */
  points?: number;
  /** Feedback shown after any answer (Moodle's general feedback). */
  generalFeedback?: string;
  /** What the source had that could not be carried over (images, units), in plain words. */
  lost: string[];
}

/** A question of a type the bank can hold, or one that is reported and left out (`skipped`). */
export type ImportedQuestion = ImportedCommon & (
  | { type: "numerical"; answers: ImportedNumber[] }
  | { type: "shortanswer"; answers: ImportedAnswer[]; caseSensitive: boolean }
  | { type: "truefalse"; correct: boolean; feedbackRight?: string; feedbackWrong?: string }
  | { type: "multichoice"; single: boolean; options: ImportedAnswer[] }
  | { type: "essay"; graderInfo?: string; template?: string }
  | { type: "skipped"; sourceType: string; reason: string }
);

/** Everything read from one file. */
export interface ImportedQuiz {
  format: "moodle" | "gift";
  questions: ImportedQuestion[];
}

/** Moodle's names of question types the bank cannot hold yet, and why, in words a TA can act on. */
export const UNSUPPORTED_REASONS: Record<string, string> = {
  matching: "matching questions have no bank kind; write each pair as its own question",
  cloze: "embedded answers (cloze) put several answers in one text; split it into one question per answer",
  multianswer: "embedded answers (cloze) put several answers in one text; split it into one question per answer",
  description: "a description has no answer (it is text shown between questions); put it in the context of the question it introduces",
  calculated: "its numbers are drawn from wildcards; rewrite it as a number question with parameters",
  calculatedsimple: "its numbers are drawn from wildcards; rewrite it as a number question with parameters",
  calculatedmulti: "its numbers are drawn from wildcards; rewrite it as a number question with parameters",
  random: "a random question draws from a category when the quiz runs; export and import that category's questions",
  randomsamatch: "it draws short-answer questions at random into a matching question; import those questions instead",
  ddwtos: "drag-and-drop questions have no bank kind",
  ddimageortext: "drag-and-drop questions have no bank kind",
  ddmarker: "drag-and-drop questions have no bank kind",
  gapselect: "select-missing-words questions have no bank kind; write each gap as a multiple-choice question",
  ordering: "ordering questions have no bank kind",
};

/** The reason a question of source type `type` is left out. */
export function unsupportedReason(type: string): string {
  return UNSUPPORTED_REASONS[type] ?? `the question type "${type}" has no bank kind`;
}
