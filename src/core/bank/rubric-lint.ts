import { compiledPhrase, PhraseMatcher } from "../grading/phrase-matcher.ts";
import { isGuard, type PhraseReading, readPhrase } from "../grading/phrase-reading.ts";
import { analyzeText } from "../grading/text-analysis.ts";
import { promptWords, vocabularyFor } from "../grading/vocabulary.ts";
import { rubricWarnings } from "./rubric-lint-warnings.ts";
import type { Bank, Question } from "./schema.ts";

/**
 * `tutor bank lint`: how the grader will read each rubric phrase and guard, and the phrases that
 * will not grade as their author meant. The grader skips stop words and merges stems and synonyms,
 * so "what the function does" needs only "function" and every answer earns it; nothing else tells
 * the author. Pure: a parsed bank in, findings out, each with the path of its value in the bank
 * file so the CLI can place it at a line and column.
 */

/** Where a value sits in the bank file: `["questions", 0, "answer", "rubric", 1, "phrases", 2]`. */
export type BankPath = Array<string | number>;

/**
 * How the grader reads one phrase or guard (its own reading, src/core/grading/phrase-reading.ts),
 * with each needed word's stem: what makes a word common, whatever its synonyms.
 */
export interface LintReading extends PhraseReading {
  stems: string[];
}

/** What lint warns about (see rubric-lint-warnings.ts for each rule). */
export type LintWarningKind = "empty" | "one-common-word" | "loses-words" | "guard-cancels" | "matches-prompt" | "shared-phrase";

/** A phrase that will not grade as its author meant, with what to do about it. */
export interface LintWarning {
  path: BankPath;
  kind: LintWarningKind;
  message: string;
}

/** One phrase or guard of an item, read. */
export interface LintedPhrase extends LintReading {
  path: BankPath;
}

/** A rubric item (or an option of a group) with its phrases and guards read. */
export interface LintedItem {
  path: BankPath;
  /** `item` or `group.option`. */
  id: string;
  label: string;
  points?: number;
  /** The labelled part of the answer the item is looked for in, if any. */
  part?: string;
  phrases: LintedPhrase[];
  guards: LintedPhrase[];
}

/** A rubric of a question (a short answer's, a justification, an alternative's) with its items read. */
export interface LintedRubric {
  name: string;
  path: BankPath;
  /** False for drawings and proofs: a TA grades them, and their phrases are only hints. */
  graded: boolean;
  items: LintedItem[];
}

/** The grader's reading, as the warning rules use it: one per question (its vocabulary). */
export interface PhraseReader {
  /** How a phrase (or a guard, written with its `unless:`) is read. */
  read(phrase: string): LintReading;
  /** The words of `text` where the grader finds `phrase` for sure (no loose typo), as an answer would; undefined if none. */
  foundIn(phrase: string, text: string): string | undefined;
}

/** One question's rubrics (a short answer's, a true/false justification and its alternative's) read, and its warnings. */
export interface QuestionLint {
  index: number;
  id: string;
  kind: string;
  points: number;
  rubrics: LintedRubric[];
  warnings: LintWarning[];
}

// --- The grader's reading of a phrase. Everything lint knows about matching is in this block, so it
// --- follows the grader by changing these lines only.

/** How the grader of `question` reads phrases, with the question's vocabulary (its and its bank's synonyms). */
function readerFor(question: Question): PhraseReader {
  const vocabulary = vocabularyFor(question);
  return {
    read(phrase) {
      const reading = readPhrase(phrase, vocabulary);
      return { ...reading, stems: reading.parts.flatMap((p) => p.units.flat()).map((w) => w.stem) };
    },
    foundIn(phrase, text) {
      const analyzed = analyzeText(text, vocabulary);
      // As the grader does: a word of the question's own text is never a typo of a rubric word.
      const hit = new PhraseMatcher(analyzed, [], promptWords(question)).match(compiledPhrase(phrase, vocabulary)).hit;
      // A loose typo match sends an answer to review rather than crediting it.
      return hit && !hit.weak ? hit.positions.map((i) => analyzed.tokens[i]?.surface ?? "").join(" ") : undefined;
    },
  };
}

// --- End of the grader's reading.

/** Reads every rubric of every question of `bank`; `index` of each is its place in the file. */
export function lintBank(bank: Pick<Bank, "questions">): QuestionLint[] {
  return bank.questions.map((q, i) => lintQuestion(q, i));
}

/** Reads one question's rubrics and warns about the phrases that will not grade as meant. */
export function lintQuestion(question: Question, index: number): QuestionLint {
  const base: BankPath = ["questions", index, "answer"];
  const reader = readerFor(question);
  const rubrics = rubricsOf(question).map(({ name, key, entries, graded }) => {
    const path = [...base, ...key];
    return { name, path, graded, items: entries.flatMap((entry, j) => itemsOf(entry, [...path, j], reader)) };
  });
  const warnings = rubricWarnings(question, rubrics, reader);
  return { index, id: question.id, kind: question.answer.kind, points: question.points, rubrics, warnings };
}

/** The shape lint needs of a rubric entry: an item, a group of options, or (later) an item with levels. */
interface EntryLike {
  id: string;
  label: string;
  points?: number;
  part?: string;
  phrases?: readonly string[];
  options?: readonly EntryLike[];
  levels?: ReadonlyArray<{ phrases?: readonly string[] }>;
}

function rubricsOf(question: Question): Array<{ name: string; key: BankPath; entries: readonly EntryLike[]; graded: boolean }> {
  const a = question.answer;
  if (a.kind === "short") return [{ name: "rubric", key: ["rubric"], entries: a.rubric, graded: true }];
  // Drawings, proofs and essays: a TA grades them with the rubric's items; phrases are only hints.
  if ("rubric" in a) return [{ name: "rubric", key: ["rubric"], entries: a.rubric, graded: false }];
  if (a.kind !== "truefalse") return [];
  const justification = { name: "justification", key: ["justification"], entries: a.justification, graded: true };
  if (!a.alternative) return [justification];
  return [justification, { name: "alternative justification", key: ["alternative", "justification"], entries: a.alternative.justification, graded: true }];
}

function itemsOf(entry: EntryLike, path: BankPath, reader: PhraseReader): LintedItem[] {
  if (entry.options) {
    return entry.options.flatMap((o, k) => itemsOf({ ...o, id: `${entry.id}.${o.id}` }, [...path, "options", k], reader));
  }
  const lists: Array<{ phrases: readonly string[]; path: BankPath }> = [
    ...(entry.phrases ? [{ phrases: entry.phrases, path: [...path, "phrases"] }] : []),
    ...(entry.levels ?? []).map((l, k) => ({ phrases: l.phrases ?? [], path: [...path, "levels", k, "phrases"] })),
  ];
  const all = lists.flatMap((l) => l.phrases.map((text, k) => ({ text, path: [...l.path, k] })));
  const read = (p: { text: string; path: BankPath }): LintedPhrase => ({ ...reader.read(p.text), path: p.path });
  return [{
    path, id: entry.id, label: entry.label,
    ...(entry.points !== undefined ? { points: entry.points } : {}), ...(entry.part !== undefined ? { part: entry.part } : {}),
    phrases: all.filter((p) => !isGuard(p.text)).map(read),
    guards: all.filter((p) => isGuard(p.text)).map(read),
  }];
}

