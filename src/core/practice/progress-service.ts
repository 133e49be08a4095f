import type { CourseBankChoice } from "../bank/course-banks.ts";
import type { Problem, Question } from "../bank/schema.ts";
import type { QuestionSummary, ScheduleRecord, Store } from "../ports.ts";
import type { TimeZone } from "../time-zone.ts";
import type { ExamReport } from "./exam-report.ts";
import type { ExamService } from "./exam-service.ts";
import type { Learner } from "./practice-service.ts";

/** One question's line in /progress. */
export interface QuestionProgress {
  question: string;
  max: number;
  attempts: number;
  best: number | null;
  latest: number | null;
  /** Share of attempts with full marks. */
  accuracy: number | null;
  pendingReview: boolean;
  dueAt: Date | null;
  /** Hints used before the latest answer (0 without one). */
  hintsUsed: number;
}

export interface ProblemProgress {
  problem: number;
  title: string;
  max: number;
  bonus: boolean;
  /** Sum of best scores of the problem's questions. */
  best: number;
  questions: QuestionProgress[];
}

/** A student's progress in one bank: its problems and questions, and their mock exams of it. */
export interface BankProgress {
  /** The bank's exam id and title. */
  bank: string;
  title: string;
  problems: ProblemProgress[];
  exams: ExamReport[];
}

export interface Progress {
  /** Every bank asked for (the course's, in its order, unless one was named). */
  banks: BankProgress[];
  attempts: number;
  /** Questions whose review date has come (keys). */
  due: string[];
  /** Consecutive days (in the course's zone) with at least one practice answer, ending today or yesterday. */
  streakDays: number;
}

/** Everything a student wants to know about their own practice, bank by bank, computed from the store. */
export class ProgressService {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly store: Store,
    private readonly exams: ExamService,
    private readonly zone: TimeZone,
  ) {}

  /** Progress in every bank the course uses, or only in the bank named. */
  async of(who: Learner, now: Date, bankName?: string): Promise<Progress> {
    const course = await this.banks.of(who.course);
    const chosen = bankName?.trim() ? [course.bank(bankName)] : course.banks;
    await this.exams.settle(who, now);
    const [summarized, scheduled, submitted, activeTimes] = await Promise.all([
      this.store.attempts.summarize(who.course, who.user, "practice"),
      this.store.schedules.forUser(who.course, who.user),
      this.store.examSessions.submittedForUser(who.course, who.user),
      this.store.attempts.activeTimes(who.course, who.user, "practice"),
    ]);
    const summaries = new Map(summarized.map((s) => [s.question, s]));
    const schedules = new Map(scheduled.map((s) => [s.question, s]));
    const banks = await Promise.all(chosen.map(async (bank): Promise<BankProgress> => ({
      bank: bank.exam.id,
      title: bank.exam.title,
      problems: bank.problems.map((p) => problemProgress(bank.all().filter((q) => q.problem === p.number), p, summaries, schedules)),
      exams: await Promise.all(submitted.filter((s) => s.exam === bank.exam.id).map((s) => this.exams.report(s))),
    })));
    const questions = banks.flatMap((b) => b.problems.flatMap((p) => p.questions));
    const due = questions.filter((q) => q.dueAt && q.dueAt <= now).map((q) => q.question);
    // With a bank named, only its answers count; otherwise every practice answer does.
    const counted = bankName?.trim() ? questions.map((q) => summaries.get(q.question)).filter((s) => s !== undefined) : [...summaries.values()];
    const attempts = counted.reduce((sum, s) => sum + s.attempts, 0);
    const days = new Set(activeTimes.map((t) => this.zone.dayNumber(new Date(t))));
    return { banks, attempts, due, streakDays: streak(days, this.zone.dayNumber(now)) };
  }
}

/** One problem's line and its questions' lines, from the student's summaries and schedules. */
function problemProgress(questions: readonly Question[], p: Problem, summaries: Map<string, QuestionSummary>, schedules: Map<string, ScheduleRecord>): ProblemProgress {
  const lines = questions.map((q): QuestionProgress => {
    const s = summaries.get(q.id);
    return {
      question: q.id, max: q.points, attempts: s?.attempts ?? 0, best: s?.best ?? null, latest: s?.latest ?? null,
      accuracy: s ? s.fullMarks / s.attempts : null, pendingReview: s?.latestNeedsReview ?? false,
      dueAt: schedules.get(q.id)?.dueAt ?? null, hintsUsed: s?.latestHints ?? 0,
    };
  });
  return { problem: p.number, title: p.title, max: p.points, bonus: p.bonus, best: lines.reduce((sum, q) => sum + (q.best ?? 0), 0), questions: lines };
}

function streak(days: Set<number>, today: number): number {
  let day = today;
  if (!days.has(day)) day -= 1; // a streak is not broken until today is over
  let count = 0;
  while (days.has(day)) {
    count++;
    day--;
  }
  return count;
}
