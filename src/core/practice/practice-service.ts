import { randomInt } from "node:crypto";
import { verbatim } from "../chat/reply.ts";
import type { CourseBankChoice, CourseBanks } from "../bank/course-banks.ts";
import type { QuestionVariant } from "../bank/question-variants.ts";
import type { QuestionBank } from "../bank/question-bank.ts";
import type { Question } from "../bank/schema.ts";
import { UserError } from "../errors.ts";
import type { Grade, StudentAnswer } from "../grading/grade.ts";
import type { AttemptRecord, QuestionSummary, Repositories, Store } from "../ports.ts";
import type { AnswerGrading } from "./answer-grading.ts";
import { reschedule, type Review, reviewOf } from "./scheduler.ts";

/** Who is practising, in which course. */
export interface Learner {
  course: string;
  user: string;
}

/** Why a question was chosen, shown to the student. */
export type ServeReason = "requested" | "topic" | "due" | "new" | "weakest";

export const MAX_ANSWER_LENGTH = 4000;

/** What a student asks /quiz for: a question, a topic, a bank (each optional). */
export interface ServeRequest {
  question?: string;
  topic?: string;
  bank?: string;
}

/** Chooses questions, grades and stores answers, and keeps the spaced-repetition schedule. */
export class PracticeService {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly store: Store,
    private readonly grading: AnswerGrading,
    /** Where variant seeds come from; tests pass a fixed sequence. */
    private readonly seeds: () => number = () => randomInt(1, 2 ** 31),
  ) {}

  /**
   * Picks a question: the one asked for, one from a topic, else what is due, unseen, then weakest.
   * A question with parameters is first given in the exam's own numbers, then as a fresh variant
   * each time (`variants: false` keeps the exam's numbers: during a mock exam).
   */
  serve(who: Learner, request: ServeRequest, now: Date, options: { variants?: boolean } = {}): Promise<{ question: Question; bank: QuestionBank; reason: ServeReason; variant: QuestionVariant | null }> {
    // The course's banks are read before the transaction: inside it only `tx` may use the store.
    return this.banks.of(who.course).then((course) => this.store.transaction(async (tx) => {
      // The choice, its variant and the mark that it was shown stand together, on the schedule as it was read.
      const chosen = await this.choose(tx, who, course, readRequest(course, request), now);
      const id = chosen.question.id;
      const bank = this.bankOf(id);
      const wanted = options.variants !== false && bank.hasVariants(id) && (await tx.served.has(who.course, who.user, id));
      const variant = wanted ? freshVariant(bank, id, await tx.served.variant(who.course, who.user, id), this.seeds) : null;
      await tx.served.mark(who.course, who.user, id, now, variant);
      return { ...chosen, bank, question: bank.variant(id, variant), variant };
    }));
  }

  /** The bank of a question key the library gave. */
  private bankOf(key: string): QuestionBank {
    const found = this.banks.library.byKey(key);
    // Keys come from the library; one it does not know is a bug.
    if (!found) throw new Error(`No loaded bank has the question ${key}.`);
    return found.bank;
  }

  /** The question a student named, in the course's banks, as they were last given it: its served variant, or the exam's numbers. */
  private async served(who: Learner, typed: string): Promise<{ question: Question; variant: QuestionVariant | null }> {
    const { bank, key } = (await this.banks.of(who.course)).resolve(typed, { command: "/answer", bankOption: false });
    const variant = bank.hasVariants(key) ? await this.store.served.variant(who.course, who.user, key) : null;
    return { question: bank.variant(key, variant), variant };
  }

  private async choose(tx: Repositories, who: Learner, course: CourseBanks, request: ServeRequest, now: Date): Promise<{ question: Question; reason: ServeReason }> {
    const scope = request.bank ? course.library.forCourse([course.bank(request.bank).exam.id]) : course;
    // `/quiz backprop`: a word that is no question id but a topic serves that topic.
    if (request.question && !course.matches(request.question, request.bank).length && scope.byTopic(request.question).length) {
      return this.choose(tx, who, course, { topic: request.question, bank: request.bank }, now);
    }
    if (request.question) return { question: course.resolve(request.question, { bank: request.bank, command: "/quiz" }).question, reason: "requested" };
    if (request.topic) {
      const pool = scope.byTopic(request.topic);
      if (pool.length === 0) {
        throw new UserError("unknown-topic", `There is no topic "${verbatim(request.topic)}". Topics: ${scope.topics().join(", ")}.`);
      }
      return { question: (await this.nextFrom(tx, who, pool, now)).question, reason: "topic" };
    }
    return this.nextFrom(tx, who, scope.all(), now);
  }

  private async nextFrom(tx: Repositories, who: Learner, pool: readonly Question[], now: Date): Promise<{ question: Question; reason: ServeReason }> {
    const ids = new Set(pool.map((q) => q.id));
    const due = (await tx.schedules.forUser(who.course, who.user)).find((s) => ids.has(s.question) && s.dueAt <= now);
    if (due) return { question: pool.find((q) => q.id === due.question)!, reason: "due" };
    const seen = new Map((await tx.attempts.summarize(who.course, who.user, "practice")).map((s) => [s.question, s]));
    const unseen = pool.find((q) => !seen.has(q.id));
    if (unseen) return { question: unseen, reason: "new" };
    return { question: weakest(pool, seen), reason: "weakest" };
  }

  /**
   * Grades a practice answer and stores it with its grade and the next review date, in one
   * transaction, before anything is said to the student. If grading fails, the answer waits for a
   * TA (the grade's feedback says so, with a reference) and is retried once in the background.
   */
  async answer(who: Learner, questionId: string, answer: StudentAnswer, now: Date, interactionId?: string): Promise<PracticeResult> {
    // Graded against the numbers the student was shown, and stored with them for a regrade or review.
    const { question, variant } = await this.served(who, questionId);
    checkAnswerText(answer);
    // Served marks are never taken back: a question served now is still served when the answer is stored.
    if (!(await this.store.served.has(who.course, who.user, question.id))) {
      throw new UserError("not-served", `You have not been given question ${question.id} yet. Ask for it with /quiz ${question.id}, then answer.`);
    }
    const graded = await this.grading.grade(question, answer, who);
    const grade = graded.grade;
    const { attempt, next } = await this.store.commit(async (tx) => {
      const hintsUsed = await tx.served.hintsShown(who.course, who.user, question.id);
      const attempt = await tx.attempts.add({
        course: who.course, user: who.user, question: question.id, mode: "practice", examSession: null,
        ...gradedAnswer(answer, grade), createdAt: now, interactionId, hintsUsed, variant,
      });
      const sawSolution = await tx.served.takeSolutionSeen(who.course, who.user, question.id);
      // A provisional grade (a TA will decide) says nothing yet about what the student knows.
      if (grade.needsReview) return { attempt, next: null };
      // Solved: the ladder starts over, so the next review is rated on what the student knows then.
      if (grade.score >= grade.max - 1e-9) await tx.served.resetHints(who.course, who.user, question.id);
      const review = reviewOf(grade.score, grade.max, sawSolution, hintsUsed);
      const schedule = reschedule(await tx.schedules.get(who.course, who.user, question.id), question.id, review, now);
      await tx.schedules.put(who.course, who.user, schedule);
      return { attempt, next: { ...review, dueAt: schedule.dueAt } };
    });
    this.grading.stored(attempt, graded);
    return { question, grade, attempt, next };
  }

  /**
   * The next hint of a question's ladder (or hint `rung`, when a recognised mistake points to it).
   * Only for a question the student was given; hints used are stored with the next answer.
   */
  async hint(who: Learner, questionId: string, rung?: number): Promise<HintStep> {
    const { question } = await this.served(who, questionId);
    const total = question.hints.length;
    if (total === 0) throw new UserError("no-hints", `Question ${question.id} has no hints. Use "Show solution" (/solution ${question.id}) to see how it is done.`);
    if (rung !== undefined && (!Number.isInteger(rung) || rung < 1 || rung > total)) {
      throw new UserError("no-such-hint", `Question ${question.id} has hints 1 to ${total}; there is no hint ${verbatim(String(rung))}.`);
    }
    return this.store.transaction(async (tx) => {
      if (!(await tx.served.has(who.course, who.user, question.id))) {
        throw new UserError("not-served", `You have not been given question ${question.id} yet. Ask for it with /quiz ${question.id} first.`);
      }
      const shown = await tx.served.hintsShown(who.course, who.user, question.id);
      const index = rung ?? Math.min(shown + 1, total);
      const reached = await tx.served.climbHints(who.course, who.user, question.id, index);
      return { question, index, total, text: question.hints[index - 1]!, reached };
    });
  }

  /** Shows a question's solution: the next answer to it is rated "Again", since it tests memory of the solution. */
  async solutionSeen(who: Learner, questionId: string, now: Date): Promise<Question> {
    const { question } = await this.served(who, questionId);
    await this.store.served.solutionSeen(who.course, who.user, question.id, now);
    return question;
  }
}

/** One rung of a hint ladder: hint `index` of `total`; `reached` is the highest rung seen so far. */
export interface HintStep {
  question: Question;
  index: number;
  total: number;
  text: string;
  reached: number;
}

/** A graded practice answer, and when its question comes back (null while a TA has to grade it). */
export interface PracticeResult {
  question: Question;
  grade: Grade;
  attempt: AttemptRecord;
  next: (Review & { dueAt: Date }) | null;
}

/** What an attempt stores of the answer and its grade, in practice and in exams alike. */
export function gradedAnswer(answer: StudentAnswer, grade: Grade) {
  return {
    answer: answer.text, justification: answer.justification ?? null, score: grade.score, max: grade.max,
    items: grade.items, feedback: grade.feedback, needsReview: grade.needsReview, graderVersion: grade.graderVersion,
    files: answer.files ?? [], mistakes: (grade.mistakes ?? []).map((m) => m.name),
  };
}

/** Rejects answers a person should fix before they are stored: empty or too long. */
export function checkAnswerText(answer: StudentAnswer): void {
  const length = answer.text.length + (answer.justification?.length ?? 0);
  if (answer.text.trim() === "") {
    throw new UserError("empty-answer", "Your answer is empty. Type it after the question id, e.g. `/answer 2b z - y`.");
  }
  if (length > MAX_ANSWER_LENGTH) {
    throw new UserError(
      "answer-too-long",
      `Your answer is ${length.toLocaleString("en-US")} characters; the limit is ${MAX_ANSWER_LENGTH.toLocaleString("en-US")}. Shorten it and send it again.`,
    );
  }
}

/** The question with the lowest best score ratio; ties go to the one practised longest ago. */
function weakest(pool: readonly Question[], seen: Map<string, QuestionSummary>): Question {
  const key = (q: Question) => {
    const s = seen.get(q.id);
    return { best: s && q.points > 0 ? s.best / q.points : 0, last: s?.lastAt.getTime() ?? 0 };
  };
  return [...pool].sort((a, b) => key(a).best - key(b).best || key(a).last - key(b).last)[0]!;
}

/**
 * `/quiz final 1a` typed: the bank fills the question's slot and the id the topic's; `/quiz 1a
 * final`: the bank fills the topic's. A word is read as a bank only when it is no question or topic.
 */
function readRequest(course: CourseBanks, request: ServeRequest): ServeRequest {
  const onlyBank = (word: string | undefined) => Boolean(word && course.library.bank(word) && !course.matches(word).length && !course.byTopic(word).length);
  if (request.bank) return request;
  if (onlyBank(request.question)) return { question: request.topic, bank: request.question };
  if (onlyBank(request.topic)) return { question: request.question, bank: request.topic };
  return request;
}

/** A variant that reads differently from the one last shown (a retry should never repeat the numbers). */
function freshVariant(bank: QuestionBank, id: string, last: QuestionVariant | null, seeds: () => number): QuestionVariant | null {
  const seen = (v: QuestionVariant | null) => JSON.stringify(bank.variant(id, v));
  const previous = seen(last);
  let variant = bank.drawVariant(id, seeds());
  for (let tries = 0; tries < 20 && variant && seen(variant) === previous; tries++) variant = bank.drawVariant(id, seeds());
  return variant;
}
