import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { type BankIssue, YamlLocator } from "./bank-issues.ts";
import { CourseBanks } from "./course-banks.ts";
import { BankFolderError, BankLoadError, bankFiles, loadBankFile } from "./load-bank.ts";
import { normalizeKey, QuestionBank, UnknownQuestionError } from "./question-bank.ts";
import type { Bank, Question } from "./schema.ts";

/** A question and the bank it belongs to; `question.id` is its key. */
export interface KeyedQuestion {
  bank: QuestionBank;
  question: Question;
}

/**
 * Every bank of the folder (a midterm, a final, weekly quizzes), each by its exam id, and the rule
 * that names their questions. A question's key, what the store keeps and replies show, is its plain
 * id (`1a`) in the bank with the earliest exam date (ties: the exam id) among the banks that have
 * that id, and `BANK/ID` (`final/1a`) in the others. So one bank, or banks whose ids do not clash,
 * store exactly what one bank always stored, and adding a later bank never renames an earlier
 * bank's questions.
 * @example new BankLibrary([midterm, final]).require("final/1a").id // "final/1a"
 */
export class BankLibrary {
  /** The banks, earliest exam first (ties: by exam id). */
  readonly banks: readonly QuestionBank[];
  private readonly keys: ReadonlyMap<string, KeyedQuestion>;

  constructor(banks: readonly Bank[]) {
    if (banks.length === 0) throw new Error("A bank library needs at least one bank.");
    const ordered = [...banks].sort((a, b) => a.exam.date.localeCompare(b.exam.date) || a.exam.id.localeCompare(b.exam.id));
    const owner = new Map<string, string>();
    for (const b of ordered) {
      if (ordered.filter((o) => o.exam.id === b.exam.id).length > 1) throw new Error(`Two banks have the exam id "${b.exam.id}".`);
      for (const q of b.questions) if (!owner.has(q.id)) owner.set(q.id, b.exam.id);
    }
    this.banks = ordered.map((b) => new QuestionBank(b, (id) => (owner.get(id) === b.exam.id ? id : `${b.exam.id}/${id}`)));
    this.keys = new Map(this.banks.flatMap((bank) => bank.all().map((question) => [normalizeKey(question.id), { bank, question }] as const)));
  }

  /** The course's name as the banks give it (the earliest bank's), for titles and banners. */
  get course(): string {
    return this.banks[0]!.exam.course;
  }

  /** The bank with this exam id or title (any letter case), if loaded. */
  bank(name: string): QuestionBank | undefined {
    const wanted = name.trim().toLowerCase();
    return this.banks.find((b) => b.exam.id === wanted) ?? this.banks.find((b) => b.exam.title.toLowerCase() === wanted);
  }

  /** The question with this key (`1a`, `final/1a`) and its bank, if any. */
  byKey(key: string): KeyedQuestion | undefined {
    return this.keys.get(normalizeKey(key));
  }

  /** The question with this key; an `UnknownQuestionError` listing every key otherwise. */
  require(key: string): Question {
    const found = this.byKey(key);
    if (!found) throw new UnknownQuestionError(key, this.ids());
    return found.question;
  }

  /** The question with this key, if any. */
  get(key: string): Question | undefined {
    return this.byKey(key)?.question;
  }

  /** The question with this key as a student saw it (its variant), with its bank. */
  variant(key: string, variant: Parameters<QuestionBank["variant"]>[1]): Question {
    const found = this.byKey(key);
    if (!found) throw new UnknownQuestionError(key, this.ids());
    return found.bank.variant(found.question.id, variant);
  }

  /** Every question of every bank, bank by bank in exam order. */
  all(): Question[] {
    return this.banks.flatMap((b) => b.all());
  }

  /** Every key, bank by bank. */
  ids(): string[] {
    return this.all().map((q) => q.id);
  }

  /** Topics of every bank, in the order they first appear. */
  topics(): string[] {
    return [...new Set(this.banks.flatMap((b) => b.topics()))];
  }

  /** Questions on a topic in every bank (case-insensitive). */
  byTopic(topic: string): Question[] {
    return this.banks.flatMap((b) => b.byTopic(topic));
  }

  /** The sections students choose from: every bank's, in the order they first appear. */
  sections(): string[] {
    return [...new Set(this.banks.flatMap((b) => b.exam.sections))];
  }

  /**
   * The banks a course uses, in the course's order: the ones named that are loaded (a bank whose
   * file was removed is skipped), or every bank when none is named (or none named is loaded).
   */
  forCourse(ids: readonly string[] = []): CourseBanks {
    const chosen = ids.map((id) => this.banks.find((b) => b.exam.id === id)).filter((b): b is QuestionBank => b !== undefined);
    return new CourseBanks(chosen.length ? chosen : this.banks, this);
  }
}

/**
 * Loads every bank of a folder (or one bank file) into a library; throws one `BankLoadError` with
 * the issues of every file, a duplicate exam id among them (pointing at the later file's `exam.id`),
 * or a `BankFolderError` when there is no folder or no bank in it.
 */
export function loadBankLibrary(where: string): BankLibrary {
  const files = statSync(where, { throwIfNoEntry: false })?.isFile() ? [where] : bankFiles(where);
  if (files.length === 0) throw new BankFolderError(where, "holds no question bank (no *.yaml or *.yml file).");
  const banks: { file: string; bank: Bank }[] = [];
  const issues: BankIssue[] = [];
  for (const file of files) {
    try {
      banks.push({ file, bank: loadBankFile(file) });
    } catch (error) {
      if (!(error instanceof BankLoadError)) throw error;
      issues.push(...error.issues);
    }
  }
  for (const [i, { file, bank }] of banks.entries()) {
    const first = banks.slice(0, i).find((b) => b.bank.exam.id === bank.exam.id);
    if (first) issues.push(examIdIssue(file, `exam id "${bank.exam.id}" is already the id of ${first.file}; every bank of the folder needs its own (it names the bank: /quiz ${bank.exam.id}/1a)`));
  }
  if (issues.length > 0) throw new BankLoadError(issues);
  return new BankLibrary(banks.map((b) => b.bank));
}

/** An issue placed at the `exam.id` of a bank file. */
function examIdIssue(file: string, message: string): BankIssue {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines });
  return new YamlLocator(doc, lines, file).place({ path: ["exam", "id"], message });
}
