import type { BankLibrary } from "../bank/bank-library.ts";
import { textReply } from "../chat/reply.ts";
import type { Question } from "../bank/schema.ts";
import { errorDetail, newErrorReference } from "../errors.ts";
import { formatScore } from "../format.ts";
import type { Grade, StudentAnswer } from "../grading/grade.ts";
import { failedGrade, type GradingFailure, gradingFailureNote, type GradingOutcome } from "../grading/grading-failure.ts";
import type { AttemptRecord, Repositories, Store } from "../ports.ts";
import { reschedule, reviewOf } from "./scheduler.ts";

/**
 * What answer grading needs from the grading pool: outcomes, and a signal that the pool is free.
 * `owner` keeps a student's jobs in one lane; a full lane rejects with a UserError (GradingBusyError
 * in grading-pool.ts) that reaches the student as it is, the answer not stored: they send it again.
 */
export interface OutcomeGrader {
  grade(question: Question, answer: StudentAnswer, job?: { owner?: string }): Promise<GradingOutcome>;
  /** True once nothing is queued or running; false when the pool is closed. */
  whenIdle(): Promise<boolean>;
}

/** Where a service writes what operators read (errors with their details), one line per event. */
export type Log = (line: string) => void;

/** A graded answer; `failure` is set when automatic grading failed and the grade is a provisional 0 for a TA. */
export interface AnswerGrade {
  grade: Grade;
  failure?: { kind: GradingFailure; reference: string };
}

/**
 * Grading as the practice and exam services use it: grading never fails silently. A timeout, a
 * crashed or out-of-memory worker or a grader bug gives a provisional grade that waits for a TA,
 * with a reference shown to the student and logged once with the error. Once the attempt is
 * stored, it is graded once more in the background when the pool is free; the new grade replaces
 * the provisional one unless a TA graded the answer first. A retry that fails again, or never
 * runs (the app closed), leaves the answer in the review queue: nothing is lost.
 */
export class AnswerGrading {
  private readonly retries: { attempt: number; reference: string }[] = [];
  /** Attempts already given their one retry (a redelivered answer returns the same attempt). */
  private readonly retried = new Set<number>();
  private draining = false;
  private closed = false;

  constructor(
    private readonly pool: OutcomeGrader,
    private readonly bank: BankLibrary,
    private readonly store: Store,
    private readonly log: Log,
    private readonly newReference: () => string = newErrorReference,
  ) {}

  /** Grades an answer; a failure becomes a provisional grade for a TA, logged with its reference. */
  async grade(question: Question, answer: StudentAnswer, who: { course: string; user: string }): Promise<AnswerGrade> {
    const outcome = await this.pool.grade(question, answer, { owner: `${who.course}\u0000${who.user}` });
    if (outcome.ok) return { grade: outcome.grade };
    const reference = this.newReference();
    this.log(`[grading ${reference}] ${question.id} by ${who.user} in ${who.course}: automatic grading failed (${outcome.failure}); the answer waits for a TA.${outcome.detail ? ` ${outcome.detail}` : ""}`);
    return { grade: failedGrade(question, outcome.failure, reference), failure: { kind: outcome.failure, reference } };
  }

  /** Call once the attempt is stored: an attempt whose grading failed gets its one retry when the pool is free. */
  stored(attempt: AttemptRecord, graded: AnswerGrade): void {
    // A pool shutting down will not be free again in this process.
    if (!graded.failure || graded.failure.kind === "closed" || this.closed || this.retried.has(attempt.id)) return;
    this.retried.add(attempt.id);
    this.retries.push({ attempt: attempt.id, reference: graded.failure.reference });
    if (!this.draining) void this.drain();
  }

  /** Stops retrying (the app is closing); answers still waiting stay in the review queue. */
  close(): void {
    this.closed = true;
    this.retries.length = 0;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.retries.length > 0 && !this.closed) {
        // Students' answers first: a retry waits until the pool has nothing queued or running.
        if (!(await this.pool.whenIdle()) || this.closed) return;
        const next = this.retries.shift()!;
        try {
          await this.retry(next.attempt, next.reference);
        } catch (error) {
          this.log(`[grading ${next.reference}] the retry of answer #${next.attempt} failed; it stays in the review queue. ${errorDetail(error)}`);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async retry(id: number, reference: string): Promise<void> {
    const before = await this.store.attempts.get(id);
    // Graded again against the variant the student answered, not the exam's numbers.
    const question = before && this.bank.get(before.question) && this.bank.variant(before.question, before.variant);
    if (!before || !question) return;
    if (before.reviewedBy !== null || !gradingFailureNote(before.feedback)) {
      this.log(`[grading ${reference}] answer #${id} (${question.id}) was graded by a TA first; the TA's grade stands, no retry.`);
      return;
    }
    const outcome = await this.pool.grade(question, { text: before.answer, ...(before.justification !== null ? { justification: before.justification } : {}) });
    // Closing: the store may be closing too. The answer waits in the review queue.
    if (this.closed) return;
    if (!outcome.ok) {
      this.log(`[grading ${reference}] the retry of answer #${id} (${question.id}) failed again (${outcome.failure}); it stays in the review queue.${outcome.detail ? ` ${outcome.detail}` : ""}`);
      return;
    }
    const grade = { ...outcome.grade, feedback: [...outcome.grade.feedback, `Graded automatically on a second try, after automatic grading failed (reference ${reference}).`] };
    const updated = await this.store.transaction(async (tx) => {
      const after = await tx.attempts.setAutomaticGrade(id, grade);
      // A practice grade now says what the student knows, as of when they answered; a later answer already did.
      if (after && after.mode === "practice" && !grade.needsReview && (await isLatestPractice(tx, after))) {
        const previous = await tx.schedules.get(after.course, after.user, after.question);
        await tx.schedules.put(after.course, after.user, reschedule(previous, after.question, reviewOf(grade.score, grade.max, false, after.hintsUsed), after.createdAt));
      }
      // The student was told a TA would check it: tell them it is settled. Exam scores stay hidden until the report.
      if (after && after.mode === "practice") {
        await tx.deliveries.enqueue(after.course, { user: after.user }, textReply(
          `Your answer to ${after.question} (reference ${reference}) was graded on a second try: ${formatScore(grade.score, grade.max)}${grade.needsReview ? ", still provisional until a TA reviews it" : ""}. See /progress.`,
          { data: { regraded: { attempt: after.id, question: after.question, score: grade.score, max: grade.max } } },
        ), new Date());
      }
      return after;
    });
    this.log(updated
      ? `[grading ${reference}] answer #${id} (${question.id}) graded on retry: ${formatScore(grade.score, grade.max)}${grade.needsReview ? ", still waiting for a TA" : ""}.`
      : `[grading ${reference}] answer #${id} (${question.id}) was graded by a TA first; the TA's grade stands over the retry's.`);
  }
}

async function isLatestPractice(tx: Repositories, attempt: AttemptRecord): Promise<boolean> {
  return !(await tx.attempts.forUser(attempt.course, attempt.user))
    .some((a) => a.mode === "practice" && a.question === attempt.question && a.id > attempt.id);
}
