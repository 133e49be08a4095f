import type { QuestionBank } from "../bank/question-bank.ts";
import type { AttemptRecord, Store } from "../ports.ts";
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
  /** Consecutive days (UTC) with at least one practice answer, ending today or yesterday. */
  streakDays: number;
  exams: ExamReport[];
}

const DAY = 86_400_000;

/** Everything a student wants to know about their own practice, computed from the store. */
export class ProgressService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly store: Store,
    private readonly exams: ExamService,
  ) {}

  of(who: Learner, now: Date): Progress {
    this.exams.settle(who, now);
    const attempts = this.store.attempts.forUser(who.course, who.user).filter((a) => a.mode === "practice");
    const schedules = new Map(this.store.schedules.forUser(who.course, who.user).map((s) => [s.question, s]));
    const byQuestion = new Map<string, AttemptRecord[]>();
    for (const a of attempts) byQuestion.set(a.question, [...(byQuestion.get(a.question) ?? []), a]);

    const problems = this.bank.problems.map((p): ProblemProgress => {
      const questions = this.bank.all().filter((q) => q.problem === p.number).map((q): QuestionProgress => {
        const list = byQuestion.get(q.id) ?? [];
        const full = list.filter((a) => a.score >= a.max - 1e-9).length;
        return {
          question: q.id, max: q.points, attempts: list.length,
          best: list.length ? Math.max(...list.map((a) => a.score)) : null,
          latest: list.at(-1)?.score ?? null,
          accuracy: list.length ? full / list.length : null,
          pendingReview: list.at(-1)?.needsReview ?? false,
          dueAt: schedules.get(q.id)?.dueAt ?? null,
        };
      });
      return { problem: p.number, title: p.title, max: p.points, bonus: p.bonus, best: questions.reduce((s, q) => s + (q.best ?? 0), 0), questions };
    });
    const due = problems.flatMap((p) => p.questions).filter((q) => q.dueAt && q.dueAt <= now).map((q) => q.question);
    const exams = this.store.examSessions.submittedForUser(who.course, who.user).map((s) => this.exams.report(s));
    return { problems, attempts: attempts.length, due, streakDays: streak(attempts, now), exams };
  }
}

function streak(attempts: AttemptRecord[], now: Date): number {
  const days = new Set(attempts.map((a) => Math.floor(a.createdAt.getTime() / DAY)));
  let day = Math.floor(now.getTime() / DAY);
  if (!days.has(day)) day -= 1; // a streak is not broken until today is over
  let count = 0;
  while (days.has(day)) {
    count++;
    day--;
  }
  return count;
}
