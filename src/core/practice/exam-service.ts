import type { QuestionBank } from "../bank/question-bank.ts";
import type { Question } from "../bank/schema.ts";
import { UserError } from "../errors.ts";
import type { StudentAnswer } from "../grading/grade.ts";
import type { AttemptRecord, ExamSessionRecord, Store } from "../ports.ts";
import type { TimeZone } from "../time-zone.ts";
import type { AnswerGrading } from "./answer-grading.ts";
import { checkAnswerText, gradedAnswer, type Learner } from "./practice-service.ts";

/** One problem's line in an exam report: `Problem 2: 14/20`. */
export interface ProblemResult {
  problem: number;
  title: string;
  score: number;
  max: number;
  bonus: boolean;
  /** Questions of this problem whose answers wait for a TA. */
  pending: string[];
}

/** The result of a submitted mock exam. */
export interface ExamReport {
  session: ExamSessionRecord;
  problems: ProblemResult[];
  /** Out of `max` (100), bonus included in `score` as on the real exam. */
  score: number;
  max: number;
  bonus: number;
  bonusMax: number;
  pending: string[];
  answered: number;
}

/**
 * What `/exam status` shows: the running exam with the questions answered so far, the report of
 * the latest submitted one, or nothing yet. `unseen` marks a report the student had not been shown.
 */
export type ExamStatus =
  | { kind: "running"; session: ExamSessionRecord; answered: string[] }
  | { kind: "submitted"; report: ExamReport; unseen: boolean }
  | { kind: "none" };

/**
 * The mock midterm: every question, under the exam's time limit enforced here (not by the
 * platform), no scores until submission, and automatic submission at the deadline.
 */
export class ExamService {
  /** Answers being graded, per session: a submission waits for them, so none is lost to a race. */
  private readonly inFlight = new Map<number, Set<Promise<unknown>>>();

  constructor(
    private readonly bank: QuestionBank,
    private readonly store: Store,
    private readonly grading: AnswerGrading,
    private readonly zone: TimeZone,
  ) {}

  get durationMinutes(): number {
    return this.bank.exam.durationMinutes;
  }

  start(who: Learner, now: Date): ExamSessionRecord {
    this.settle(who, now);
    const open = this.store.examSessions.open(who.course, who.user);
    if (open) {
      throw new UserError("exam-in-progress", `Your mock ${this.bank.exam.title.toLowerCase()} is already running; it ends at ${this.zone.format(open.deadline)}. Use /exam status.`);
    }
    const deadline = new Date(now.getTime() + this.bank.exam.durationMinutes * 60_000);
    return this.store.transaction(() => {
      const session = this.store.examSessions.start(who.course, who.user, this.bank.exam.id, now, deadline);
      for (const q of this.bank.all()) this.store.served.mark(who.course, who.user, q.id, now);
      return session;
    });
  }

  /** The open session, after submitting it if its deadline passed. */
  open(who: Learner, now: Date): ExamSessionRecord | null {
    this.settle(who, now);
    return this.store.examSessions.open(who.course, who.user);
  }

  /** Stores an answer given during the exam; its grade stays hidden until submission. */
  answer(session: ExamSessionRecord, question: Question, answer: StudentAnswer, now: Date, interactionId?: string): Promise<AttemptRecord> {
    const work = this.storeAnswer(session, question, answer, now, interactionId);
    const running = this.inFlight.get(session.id) ?? new Set<Promise<unknown>>();
    this.inFlight.set(session.id, running);
    running.add(work);
    const done = () => {
      running.delete(work);
      if (running.size === 0) this.inFlight.delete(session.id);
    };
    work.then(done, done);
    return work;
  }

  private async storeAnswer(session: ExamSessionRecord, question: Question, answer: StudentAnswer, now: Date, interactionId?: string): Promise<AttemptRecord> {
    checkAnswerText(answer);
    if (now > session.deadline) throw lateAnswer(question.id, now, session.deadline, this.zone);
    // A failed grading is stored as waiting for a TA (the report says "pending TA review") and retried once.
    const graded = await this.grading.grade(question, answer, session);
    const attempt = await this.store.commit(() => {
      const current = this.store.examSessions.open(session.course, session.user);
      // Grading is asynchronous: the deadline may have passed meanwhile (a submission waits for us).
      if (!current || current.id !== session.id) throw lateAnswer(question.id, now, session.deadline, this.zone);
      return this.store.attempts.add({
        course: session.course, user: session.user, question: question.id, mode: "exam", examSession: session.id,
        ...gradedAnswer(answer, graded.grade), createdAt: now, interactionId,
      });
    });
    this.grading.stored(attempt, graded);
    return attempt;
  }

  /** Submits the running exam once the answers sent before it are stored. */
  async submit(who: Learner, now: Date): Promise<ExamReport> {
    const running = this.store.examSessions.open(who.course, who.user);
    if (running) await Promise.allSettled([...(this.inFlight.get(running.id) ?? [])]);
    this.settle(who, now);
    const open = this.store.examSessions.open(who.course, who.user);
    if (!open) {
      const missed = this.takeUnreported(who, now);
      if (missed) return missed;
      throw new UserError("no-exam", "You have no mock exam running. Start one with /exam start.");
    }
    this.store.examSessions.submit(open.id, now, "student");
    return this.report({ ...open, submittedAt: now, submittedBy: "student" });
  }

  /**
   * The report of an exam submitted by its deadline that the student has not seen yet, marked seen.
   * An answer that arrives after such a submission is refused with it, not graded as practice.
   */
  takeUnreported(who: Learner, now: Date): ExamReport | null {
    const latest = this.store.examSessions.latest(who.course, who.user);
    if (!latest || latest.submittedBy !== "deadline" || latest.reportedAt) return null;
    this.store.examSessions.markReported(latest.id, now);
    return this.report(latest);
  }

  /** Submits this learner's session if its deadline passed (also after a restart). */
  settle(who: Learner, now: Date): ExamReport | null {
    const open = this.store.examSessions.open(who.course, who.user);
    return open && open.deadline <= now ? this.submitAtDeadline(open) : null;
  }

  /** Submits every session whose deadline passed; `told` runs in the same transaction as each submission, once. */
  submitExpired(now: Date, told: (report: ExamReport) => void): void {
    for (const session of this.store.examSessions.expired(now)) {
      this.store.transaction(() => {
        const report = this.submitAtDeadline(session);
        if (!report) return;
        told(report);
        this.store.examSessions.markReported(session.id, now);
      });
    }
  }

  /** Submits a session as its deadline does; null when someone (another process) already did. */
  private submitAtDeadline(session: ExamSessionRecord): ExamReport | null {
    if (!this.store.examSessions.submit(session.id, session.deadline, "deadline")) return null;
    return this.report({ ...session, submittedAt: session.deadline, submittedBy: "deadline" });
  }

  /** The running exam and what it has answers for, else the latest report (marked seen). */
  status(who: Learner, now: Date): ExamStatus {
    const open = this.open(who, now);
    if (open) return { kind: "running", session: open, answered: [...new Set(this.store.attempts.forSession(open.id).map((a) => a.question))] };
    const missed = this.takeUnreported(who, now);
    if (missed) return { kind: "submitted", report: missed, unseen: true };
    const latest = this.store.examSessions.latest(who.course, who.user);
    return latest ? { kind: "submitted", report: this.report(latest), unseen: false } : { kind: "none" };
  }

  /** The report of a session: the last answer to each question counts. */
  report(session: ExamSessionRecord): ExamReport {
    const last = new Map<string, AttemptRecord>();
    for (const a of this.store.attempts.forSession(session.id)) last.set(a.question, a);
    const problems = this.bank.problems.map((p): ProblemResult => {
      const questions = this.bank.all().filter((q) => q.problem === p.number);
      const answers = questions.map((q) => last.get(q.id)).filter((a): a is AttemptRecord => a !== undefined);
      return {
        problem: p.number, title: p.title, max: p.points, bonus: p.bonus,
        score: answers.reduce((sum, a) => sum + a.score, 0),
        pending: answers.filter((a) => a.needsReview).map((a) => a.question),
      };
    });
    const regular = problems.filter((p) => !p.bonus);
    const bonus = problems.filter((p) => p.bonus);
    const sum = (ps: ProblemResult[], f: (p: ProblemResult) => number) => ps.reduce((s, p) => s + f(p), 0);
    return {
      session, problems,
      score: sum(problems, (p) => p.score), max: sum(regular, (p) => p.max),
      bonus: sum(bonus, (p) => p.score), bonusMax: sum(bonus, (p) => p.max),
      pending: problems.flatMap((p) => p.pending), answered: last.size,
    };
  }
}

function lateAnswer(question: string, at: Date, deadline: Date, zone: TimeZone): UserError {
  return new UserError(
    "exam-over",
    `Your answer to ${question} arrived at ${zone.format(at)}, after the mock exam ended at ${zone.format(deadline)}. It was not counted; see your report with /exam status.`,
  );
}
