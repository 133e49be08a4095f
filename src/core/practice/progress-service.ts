import type { QuestionBank } from "../bank/question-bank.ts";
import type { Store } from "../ports.ts";
import type { TimeZone } from "../time-zone.ts";
import type { ExamReport, ExamService } from "./exam-service.ts";
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

export interface Progress {
  problems: ProblemProgress[];
  attempts: number;
  /** Questions whose review date has come. */
  due: string[];
  /** Consecutive days (in the course's zone) with at least one practice answer, ending today or yesterday. */
  streakDays: number;
  exams: ExamReport[];
}

/** Everything a student wants to know about their own practice, computed from the store. */
export class ProgressService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly store: Store,
    private readonly exams: ExamService,
    private readonly zone: TimeZone,
  ) {}

  async of(who: Learner, now: Date): Promise<Progress> {
    await this.exams.settle(who, now);
    const [summarized, scheduled, submitted, activeTimes] = await Promise.all([
      this.store.attempts.summarize(who.course, who.user, "practice"),
      this.store.schedules.forUser(who.course, who.user),
      this.store.examSessions.submittedForUser(who.course, who.user),
      this.store.attempts.activeTimes(who.course, who.user, "practice"),
    ]);
    const summaries = new Map(summarized.map((s) => [s.question, s]));
    const schedules = new Map(scheduled.map((s) => [s.question, s]));
    const problems = this.bank.problems.map((p): ProblemProgress => {
      const questions = this.bank.all().filter((q) => q.problem === p.number).map((q): QuestionProgress => {
        const s = summaries.get(q.id);
        return {
          question: q.id, max: q.points, attempts: s?.attempts ?? 0, best: s?.best ?? null, latest: s?.latest ?? null,
          accuracy: s ? s.fullMarks / s.attempts : null, pendingReview: s?.latestNeedsReview ?? false,
          dueAt: schedules.get(q.id)?.dueAt ?? null, hintsUsed: s?.latestHints ?? 0,
        };
      });
      return { problem: p.number, title: p.title, max: p.points, bonus: p.bonus, best: questions.reduce((sum, q) => sum + (q.best ?? 0), 0), questions };
    });
    const due = problems.flatMap((p) => p.questions).filter((q) => q.dueAt && q.dueAt <= now).map((q) => q.question);
    const exams = await Promise.all(submitted.map((s) => this.exams.report(s)));
    const attempts = [...summaries.values()].reduce((sum, s) => sum + s.attempts, 0);
    const days = new Set(activeTimes.map((t) => this.zone.dayNumber(new Date(t))));
    return { problems, attempts, due, streakDays: streak(days, this.zone.dayNumber(now)), exams };
  }
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
