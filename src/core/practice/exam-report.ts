import type { QuestionBank } from "../bank/question-bank.ts";
import type { AttemptRecord, ExamSessionRecord } from "../ports.ts";

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

/** One question's line in an exam report: the answer that counted (the last one), or none. */
export interface QuestionResult {
  question: string;
  title: string;
  points: number;
  bonus: boolean;
  /** The student's last answer to it in this exam, with its grade; null when unanswered. */
  attempt: AttemptRecord | null;
  solution: string;
}

/** The result of a submitted mock exam. */
export interface ExamReport {
  session: ExamSessionRecord;
  /** The bank's exam id and title (`midterm`, `Midterm`). */
  bank: string;
  title: string;
  problems: ProblemResult[];
  /** Every question of the exam in order, answered or not. */
  questions: QuestionResult[];
  /** Out of `max` (100), bonus included in `score` as on the real exam. */
  score: number;
  max: number;
  bonus: number;
  bonusMax: number;
  pending: string[];
  answered: number;
}

/**
 * The report of a session of `bank`'s mock exam from its attempts, oldest first: the last answer
 * to each question counts; problems and the total as on the exam's cover page.
 */
export function examReport(bank: QuestionBank, session: ExamSessionRecord, attempts: readonly AttemptRecord[]): ExamReport {
  const last = new Map<string, AttemptRecord>();
  for (const a of attempts) last.set(a.question, a);
  const problems = bank.problems.map((p): ProblemResult => {
    const questions = bank.all().filter((q) => q.problem === p.number);
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
  const questions = bank.all().map((q): QuestionResult => ({
    question: q.id, title: q.title, points: q.points, bonus: q.bonus, attempt: last.get(q.id) ?? null, solution: q.solution.trim(),
  }));
  return {
    session, bank: bank.exam.id, title: bank.exam.title, problems, questions,
    score: sum(problems, (p) => p.score), max: sum(regular, (p) => p.max),
    bonus: sum(bonus, (p) => p.score), bonusMax: sum(bonus, (p) => p.max),
    pending: problems.flatMap((p) => p.pending), answered: last.size,
  };
}
