import type { CourseBankChoice } from "../bank/course-banks.ts";
import { type QuestionBank, UnknownQuestionError } from "../bank/question-bank.ts";
import type { Question } from "../bank/schema.ts";
import { verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import type { StudentAnswer } from "../grading/grade.ts";
import type { AttemptRecord, ExamSessionRecord, Repositories, Store } from "../ports.ts";
import type { TimeZone } from "../time-zone.ts";
import type { AnswerGrading } from "./answer-grading.ts";
import { type ExamReport, examReport } from "./exam-report.ts";
import { checkAnswerText, gradedAnswer, type Learner } from "./practice-service.ts";

/**
 * What `/exam status` shows: the running exam with the questions answered so far, the report of
 * the latest submitted one, or nothing yet. `unseen` marks a report the student had not been shown.
 */
export type ExamStatus =
  | { kind: "running"; session: ExamSessionRecord; answered: string[] }
  | { kind: "submitted"; report: ExamReport; unseen: boolean }
  | { kind: "none" };

/**
 * The mock exam of one of the course's banks (a student has one open at a time): every question of
 * the bank, under its time limit enforced here (not by the platform), no scores until submission,
 * and automatic submission at the deadline.
 */
export class ExamService {
  /**
   * Answers being received or graded, per learner: a submission waits for them, so none is lost to
   * a race. Per learner, not per session: an answer is counted from its arrival, before the store
   * has said which session it belongs to.
   */
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly banks: CourseBankChoice,
    private readonly store: Store,
    private readonly grading: AnswerGrading,
    private readonly zone: TimeZone,
  ) {}

  /**
   * Starts a mock exam of the bank named (any of the course's; none needed when it has one bank),
   * with the questions marked served. One exam runs at a time, whichever its bank.
   */
  async start(who: Learner, now: Date, bankName?: string): Promise<{ session: ExamSessionRecord; bank: QuestionBank }> {
    const course = await this.banks.of(who.course);
    // A bank named that the course lacks is said at once; which bank, once no exam is found running.
    if (bankName?.trim()) course.bank(bankName);
    // "No exam running" must still hold when the session is stored. In the group commit: a class
    // starting together at the TA's word shares fsyncs instead of queueing for one each.
    return this.store.commit(async (tx) => {
      await this.settleIn(tx, who, now);
      const open = await tx.examSessions.open(who.course, who.user);
      if (open) throw this.alreadyRunning(open);
      const bank = course.only(bankName, (id) => `/exam start ${id}`);
      const deadline = new Date(now.getTime() + bank.exam.durationMinutes * 60_000);
      const session = await tx.examSessions.start(who.course, who.user, bank.exam.id, now, deadline);
      for (const q of bank.all()) await tx.served.mark(who.course, who.user, q.id, now);
      return { session, bank };
    }).catch(async (error: unknown) => {
      // Two starts at once in two processes both read "none running"; the schema's one-open-session
      // constraint refuses the second insert. Its student gets the answer a moment later would give.
      const running = error instanceof UserError ? null : await this.store.examSessions.open(who.course, who.user);
      throw running ? this.alreadyRunning(running) : error;
    });
  }

  private alreadyRunning(open: ExamSessionRecord): UserError {
    return new UserError("exam-in-progress", `Your mock ${this.titleOf(open.exam).toLowerCase()} is already running; it ends at ${this.zone.format(open.deadline)}. Use /exam status.`);
  }

  /** The bank a session is a mock exam of; a user error when that bank is no longer loaded. */
  bankOf(session: Pick<ExamSessionRecord, "exam">): QuestionBank {
    const bank = this.banks.library.bank(session.exam);
    if (!bank) throw new UserError("bank-gone", `The bank of that mock exam (${verbatim(session.exam)}) is no longer loaded; ask a TA.`);
    return bank;
  }

  /** The title of a session's exam, its id when its bank is no longer loaded. */
  titleOf(exam: string): string {
    return this.banks.library.bank(exam)?.exam.title ?? exam;
  }

  /**
   * The question of a running exam a student named (`1a`, `quiz1/1a`): only the exam's bank's
   * questions count, so a bare id two banks share is the exam's.
   */
  question(session: ExamSessionRecord, typed: string): Question {
    const bank = this.bankOf(session);
    const found = this.banks.library.forCourse([bank.exam.id]).matches(typed)[0];
    if (found) return found.question;
    const elsewhere = this.banks.library.forCourse().matches(typed)[0];
    if (!elsewhere) throw new UnknownQuestionError(typed.trim(), bank.ids());
    throw new UserError("not-in-exam", `${elsewhere.key} is not a question of your mock ${bank.exam.title.toLowerCase()}; its questions: ${bank.ids().join(", ")}. Other practice waits until you submit it (/exam submit).`);
  }

  /** The open session, after submitting it if its deadline passed. */
  async open(who: Learner, now: Date): Promise<ExamSessionRecord | null> {
    // Every answer asks: a running or no session is one read; only an expired one takes a transaction.
    const open = await this.store.examSessions.open(who.course, who.user);
    if (!open || open.deadline > now) return open;
    return this.store.transaction(async (tx) => {
      await this.settleIn(tx, who, now);
      return tx.examSessions.open(who.course, who.user);
    });
  }

  /**
   * Runs `work`, the handling of an answer, so that a submission by the same learner waits for it.
   * Call it before the first await: an answer that arrived before /exam submit is then stored first.
   */
  receiving<T>(who: Learner, work: () => Promise<T>): Promise<T> {
    const key = learnerKey(who);
    const promise = work();
    const running = this.inFlight.get(key) ?? new Set<Promise<unknown>>();
    this.inFlight.set(key, running);
    running.add(promise);
    const done = () => {
      running.delete(promise);
      if (running.size === 0 && this.inFlight.get(key) === running) this.inFlight.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  /**
   * Stores an answer given during the exam; its grade stays hidden until submission. What could not
   * be read is returned (it says nothing of right or wrong), so the student can fix it in time. An
   * answer that cannot be read does not replace an earlier answer to the question unless `replace`.
   */
  answer(session: ExamSessionRecord, question: Question, answer: StudentAnswer, now: Date, interactionId?: string, replace = false): Promise<{ attempt: AttemptRecord; unread: string[] }> {
    return this.receiving(session, () => this.storeAnswer(session, question, answer, now, interactionId, replace));
  }

  private async storeAnswer(session: ExamSessionRecord, question: Question, answer: StudentAnswer, now: Date, interactionId: string | undefined, replace: boolean): Promise<{ attempt: AttemptRecord; unread: string[] }> {
    checkAnswerText(answer);
    if (now > session.deadline) throw lateAnswer(question.id, now, session.deadline, this.zone);
    // A failed grading is stored as waiting for a TA (the report says "pending TA review") and retried once.
    const graded = await this.grading.grade(question, answer, session);
    const unread = graded.grade.unread ?? [];
    const attempt = await this.store.commit(async (tx) => {
      const current = await tx.examSessions.open(session.course, session.user);
      // Grading is asynchronous: the deadline may have passed meanwhile (a submission waits for us).
      if (!current || current.id !== session.id) throw lateAnswer(question.id, now, session.deadline, this.zone);
      const earlier = unread.length && !replace ? (await tx.attempts.forSession(session.id)).filter((a) => a.question === question.id).at(-1) : undefined;
      if (earlier) {
        throw new UserError("unread-kept-earlier", `Your new answer to ${question.id} was not stored: ${unread.join(" ")} Your earlier answer (received ${this.zone.format(earlier.createdAt)}) still counts. Fix the new one and send it again; to replace the earlier answer with it as it is, send it again ending with \`replace: yes\`.`);
      }
      return tx.attempts.add({
        course: session.course, user: session.user, question: question.id, mode: "exam", examSession: session.id,
        ...gradedAnswer(answer, graded.grade), createdAt: now, interactionId,
      });
    });
    this.grading.stored(attempt, graded);
    return { attempt, unread };
  }

  /**
   * Refuses help the real exam does not give (solutions, hints) while this learner's mock exam runs.
   * @example await exams.refuseDuringExam(who, now, "Solutions")
   */
  async refuseDuringExam(who: Learner, now: Date, what: string): Promise<void> {
    if (await this.open(who, now)) {
      throw new UserError("exam-in-progress", `${what} stay hidden while your mock exam runs. Submit it with /exam submit first.`);
    }
  }

  /** Submits the running exam once the answers sent before it are stored. */
  async submit(who: Learner, now: Date): Promise<ExamReport> {
    // Before the transaction: waiting inside it would hold the connection the answers need.
    await Promise.allSettled([...(this.inFlight.get(learnerKey(who)) ?? [])]);
    return this.store.commit(async (tx) => {
      await this.settleIn(tx, who, now);
      const open = await tx.examSessions.open(who.course, who.user);
      if (open && (await tx.examSessions.submit(open.id, now, "student"))) {
        return this.report({ ...open, submittedAt: now, submittedBy: "student" }, tx);
      }
      const missed = await this.takeUnreportedFrom(tx, who, now);
      if (missed) return missed;
      throw new UserError("no-exam", "You have no mock exam running. Start one with /exam start.");
    });
  }

  /**
   * The report of an exam submitted by its deadline that the student has not seen yet, marked seen.
   * An answer that arrives after such a submission is refused with it, not graded as practice.
   */
  takeUnreported(who: Learner, now: Date): Promise<ExamReport | null> {
    return this.takeUnreportedFrom(this.store, who, now);
  }

  /** Shown once: only the caller whose mark changed the row gets the report, whoever else asks meanwhile. */
  private async takeUnreportedFrom(repositories: Repositories, who: Learner, now: Date): Promise<ExamReport | null> {
    const latest = await repositories.examSessions.latest(who.course, who.user);
    if (!latest || latest.submittedBy !== "deadline" || latest.reportedAt) return null;
    if (!(await repositories.examSessions.markReported(latest.id, now))) return null;
    return this.report(latest, repositories);
  }

  /** Submits this learner's session if its deadline passed (also after a restart). */
  async settle(who: Learner, now: Date): Promise<ExamReport | null> {
    const open = await this.store.examSessions.open(who.course, who.user);
    if (!open || open.deadline > now) return null;
    return this.store.transaction((tx) => this.settleIn(tx, who, now));
  }

  private async settleIn(tx: Repositories, who: Learner, now: Date): Promise<ExamReport | null> {
    const open = await tx.examSessions.open(who.course, who.user);
    return open && open.deadline <= now ? this.submitAtDeadline(tx, open) : null;
  }

  /**
   * Submits every session whose deadline passed; `told` runs in the same transaction as each
   * submission, once. The report counts as seen only when it reaches the student (see TimedWork):
   * until then, an answer that arrives late is refused with it, not graded as practice.
   */
  async submitExpired(now: Date, told: (report: ExamReport, tx: Repositories) => Promise<void>): Promise<void> {
    // An answer that arrived before the deadline may still be on its way (a platform's retry, a
    // queue, grading): sessions are submitted a grace period after their deadline, and only once
    // the answers being stored for them are in. Answers arriving after the deadline stay refused.
    for (const session of await this.store.examSessions.expired(new Date(now.getTime() - DEADLINE_GRACE_MS))) {
      await Promise.allSettled([...(this.inFlight.get(learnerKey(session)) ?? [])]);
      await this.store.transaction(async (tx) => {
        const report = await this.submitAtDeadline(tx, session);
        if (!report) return;
        await told(report, tx);
      });
    }
  }

  /** Submits a session as its deadline does; null when someone (another process) already did. */
  private async submitAtDeadline(tx: Repositories, session: ExamSessionRecord): Promise<ExamReport | null> {
    if (!(await tx.examSessions.submit(session.id, session.deadline, "deadline"))) return null;
    return this.report({ ...session, submittedAt: session.deadline, submittedBy: "deadline" }, tx);
  }

  /** The running exam and what it has answers for, else the latest report (marked seen). */
  async status(who: Learner, now: Date): Promise<ExamStatus> {
    const open = await this.open(who, now);
    if (open) return { kind: "running", session: open, answered: [...new Set((await this.store.attempts.forSession(open.id)).map((a) => a.question))] };
    const missed = await this.takeUnreported(who, now);
    if (missed) return { kind: "submitted", report: missed, unseen: true };
    const latest = await this.store.examSessions.latest(who.course, who.user);
    return latest ? { kind: "submitted", report: await this.report(latest), unseen: false } : { kind: "none" };
  }

  /** The report of a session: the last answer to each question counts. Inside a transaction, pass its repositories. */
  async report(session: ExamSessionRecord, repositories: Repositories = this.store): Promise<ExamReport> {
    return examReport(this.bankOf(session), session, await repositories.attempts.forSession(session.id));
  }

}

/** How long after its deadline timed work submits a session (a student's own command settles it at once). */
export const DEADLINE_GRACE_MS = 60_000;

const learnerKey = (who: Learner) => `${who.course}\u0000${who.user}`;

function lateAnswer(question: string, at: Date, deadline: Date, zone: TimeZone): UserError {
  return new UserError(
    "exam-over",
    `Your answer to ${question} arrived at ${zone.format(at)}, after the mock exam ended at ${zone.format(deadline)}. It was not counted; see your report with /exam status.`,
  );
}
