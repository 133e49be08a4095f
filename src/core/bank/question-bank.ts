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
 * One validated bank, read-only, as the rest of the app sees it.
 * @example new QuestionBank(loadBankFile("data/banks/midterm.yaml")).require("2c-i").points // 6
 */
export class QuestionBank {
  /** The exam this bank is: course, title, date, duration, sections. */
  readonly exam: Exam;
  /** Problems in exam order. */
  readonly problems: readonly Problem[];
  readonly totalPoints: TotalPoints;
  private readonly questions: readonly Question[];
  private readonly byId: ReadonlyMap<string, Question>;
  private readonly templates: ReadonlyMap<string, Question>;

  constructor(bank: Bank) {
    this.templates = new Map(Object.entries(bank.templates ?? {}));
    this.exam = bank.exam;
    this.problems = bank.problems;
    this.questions = bank.questions;
    this.byId = new Map(bank.questions.map((q) => [q.id, q]));
    const sum = (bonus: boolean) => bank.problems.filter((p) => p.bonus === bonus).reduce((s, p) => s + p.points, 0);
    this.totalPoints = { regular: sum(false), bonus: sum(true) };
  }

  /** Every question, in exam order. */
  all(): readonly Question[] {
    return this.questions;
  }

  /** The question with this id, if any. Ids are matched without regard to case or spaces (`1D-I`). */
  get(id: string): Question | undefined {
    return this.byId.get(normalizeId(id));
  }

  /** The question with this id, or an `UnknownQuestionError` that lists the valid ids. */
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
      return instantiate(template, variant.values);
    } catch (error) {
      if (error instanceof VariantError) return question;
      throw error;
    }
  }

  /** Every question id, in exam order. */
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

/** `1D-I`, ` 1d-i `, `1d i` and `1(d)(i)` all name 1d-i: students type ids every way. */
function normalizeId(id: string): string {
  return id.trim().toLowerCase().replace(/[()]/g, (c) => (c === "(" ? "-" : "")).replace(/[\s_.]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "")
    .replace(/^(\d)-([a-z])/, "$1$2");
}
