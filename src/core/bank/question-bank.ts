import { verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import { drawVariant, instantiate, type QuestionVariant, VariantError } from "./question-variants.ts";
import type { Bank, Exam, Problem, Question } from "./schema.ts";

/** A question id that is not in the bank; the message lists the valid ids for the student. */
export class UnknownQuestionError extends UserError {
  constructor(
    readonly requested: string,
    readonly validIds: readonly string[],
  ) {
    super("unknown-question", `There is no question "${verbatim(requested)}". Questions: ${validIds.join(", ")}.`);
  }
}

/** Points of an assessment: the regular total and the bonus on top (100 + 6 for the midterm). */
export interface TotalPoints {
  regular: number;
  bonus: number;
}

/**
 * One validated bank, read-only, as the rest of the app sees it. Its questions are named by their
 * key (see BankLibrary): the plain id (`1a`), or `BANK/ID` (`final/1a`) when `keyOf` says so, so
 * the store, replies and grades all carry the key. A question is found by its key or its own id.
 * @example new QuestionBank(loadBankFile("data/banks/midterm.yaml")).require("2c-i").points // 6
 */
export class QuestionBank {
  /** The exam this bank is: course, title, date, duration, sections. */
  readonly exam: Exam;
  /** Problems in exam order. */
  readonly problems: readonly Problem[];
  readonly totalPoints: TotalPoints;
  private readonly questions: readonly Question[];
  private readonly byKey: ReadonlyMap<string, Question>;
  private readonly byPlainId: ReadonlyMap<string, Question>;
  /** Templates by key; a template keeps its plain id (the schema's), its variants are renamed. */
  private readonly templates: ReadonlyMap<string, Question>;

  constructor(bank: Bank, keyOf: (id: string) => string = (id) => id) {
    const named = (q: Question): Question => (keyOf(q.id) === q.id ? q : { ...q, id: keyOf(q.id) });
    this.templates = new Map(Object.entries(bank.templates ?? {}).map(([id, t]) => [keyOf(id), t]));
    this.exam = bank.exam;
    this.problems = bank.problems;
    this.questions = bank.questions.map(named);
    this.byKey = new Map(this.questions.map((q) => [normalizeKey(q.id), q]));
    this.byPlainId = new Map(bank.questions.map((q, i) => [normalizeId(q.id), this.questions[i]!]));
    const sum = (bonus: boolean) => bank.problems.filter((p) => p.bonus === bonus).reduce((s, p) => s + p.points, 0);
    this.totalPoints = { regular: sum(false), bonus: sum(true) };
  }

  /** Every question, in exam order. */
  all(): readonly Question[] {
    return this.questions;
  }

  /** The question with this key or id, if any. Matched without regard to case or spaces (`1D-I`). */
  get(id: string): Question | undefined {
    return this.byKey.get(normalizeKey(id)) ?? (id.includes("/") ? undefined : this.byPlainId.get(normalizeId(id)));
  }

  /** The question with this key or id, or an `UnknownQuestionError` that lists the valid keys. */
  require(id: string): Question {
    const question = this.get(id);
    if (!question) throw new UnknownQuestionError(id, this.ids());
    return question;
  }

  /** True when the question declares parameters, so practice draws a fresh variant of it. */
  hasVariants(id: string): boolean {
    return this.templates.has(this.require(id).id);
  }

  /**
   * A fresh variant of a question with parameters, drawn from `seed`; null for a question without.
   * @example bank.drawVariant("4b-ii", 42) // { seed: 42, values: { N: 28, ... } }
   */
  drawVariant(id: string, seed: number): QuestionVariant | null {
    const template = this.templates.get(this.require(id).id);
    return template?.parameters ? drawVariant(template.parameters, seed) : null;
  }

  /**
   * The question as a student saw it: written with the variant's values, or with the exam's own
   * numbers when there is no variant (the mock exam, a question without parameters). A stored
   * variant the bank can no longer write (its template changed) falls back to the exam's numbers.
   */
  variant(id: string, variant: QuestionVariant | null | undefined): Question {
    const question = this.require(id);
    const template = variant ? this.templates.get(question.id) : undefined;
    if (!template || !variant) return question;
    try {
      return { ...instantiate(template, variant.values), id: question.id };
    } catch (error) {
      if (error instanceof VariantError) return question;
      throw error;
    }
  }

  /** Every question key, in exam order. */
  ids(): string[] {
    return this.questions.map((q) => q.id);
  }

  /** Topics in the order they first appear. */
  topics(): string[] {
    return [...new Set(this.questions.map((q) => q.topic))];
  }

  /** Questions on a topic (case-insensitive), in exam order; empty for an unknown topic. */
  byTopic(topic: string): Question[] {
    const wanted = topic.trim().toLowerCase();
    return this.questions.filter((q) => q.topic.toLowerCase() === wanted);
  }

  /** The problem a question belongs to; throws `UnknownQuestionError` for an unknown id. */
  problemOf(id: string): Problem {
    const question = this.require(id);
    const problem = this.problems.find((p) => p.number === question.problem);
    // The loader guarantees every question's problem exists; reaching this is a bug.
    if (!problem) throw new Error(`Question ${question.id} names problem ${question.problem}, which the bank lacks.`);
    return problem;
  }
}

/** `Final/1D-I` names final/1d-i: the bank part folded to lower case, the id part as `normalizeId` reads it. */
export function normalizeKey(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? normalizeId(key) : `${key.slice(0, slash).trim().toLowerCase()}/${normalizeId(key.slice(slash + 1))}`;
}

/** `1D-I`, ` 1d-i `, `1d i` and `1(d)(i)` all name 1d-i: students type ids every way. */
export function normalizeId(id: string): string {
  return id.trim().toLowerCase().replace(/[()]/g, (c) => (c === "(" ? "-" : "")).replace(/[\s_.]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "")
    .replace(/^(\d)-([a-z])/, "$1$2");
}
