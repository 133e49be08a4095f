import type { BankLibrary } from "../bank/bank-library.ts";
import type { Question } from "../bank/schema.ts";
import type { Person } from "../chat/command-input.ts";
import { type Delivery, textReply, verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import { formatScore } from "../format.ts";
import type { AwardedItem } from "../grading/grade.ts";
import type { AttemptFile, AttemptRecord, Store } from "../ports.ts";
import { reschedule, reviewOf } from "../practice/scheduler.ts";

/** The next answer waiting for a TA, with what the TA needs to grade it. */
export interface ReviewItem {
  attempt: AttemptRecord;
  question: Question;
  student: string;
  /** Answers waiting, this one included. */
  waiting: number;
  /** Files the student attached to the answer (a photo of a drawing). */
  files: AttemptFile[];
}

/** A rubric item a TA can award: id, label, points. */
export interface ReviewRubricItem {
  id: string;
  label: string;
  points: number;
}

/** A TA's decision: a score, or the rubric items the answer earns; with an optional note. */
export interface ReviewDecision {
  score?: number;
  items?: string[];
  note?: string | null;
}

/**
 * The review queue: answers the graders would not decide (drawings, proofs, weak matches) wait
 * here, oldest first. A TA's grade replaces the automatic one everywhere it is read (attempt
 * score and items, needs_review cleared, reviewed_by set; the old grade kept in the history),
 * and the student is told.
 */
export class ReviewService {
  constructor(
    private readonly bank: BankLibrary,
    private readonly store: Store,
  ) {}

  /** The next waiting answer after attempt `after` (wrapping to the oldest), or null when none waits. */
  async next(course: string, after = 0): Promise<ReviewItem | null> {
    const { grades, people } = this.store.ta;
    const attempt = (await grades.pendingReview(course, after, 1))[0] ?? (after > 0 ? (await grades.pendingReview(course, 0, 1))[0] : undefined);
    if (!attempt) return null;
    const [student, waiting, files] = await Promise.all([people.displayName(attempt.user), grades.countPendingReview(course), this.store.attempts.files(attempt.id)]);
    return { attempt, question: this.bank.variant(attempt.question, attempt.variant), student: student ?? attempt.user, waiting, files };
  }

  /** Whether answer `attemptId` of this course waits for a TA. */
  async isWaiting(course: string, attemptId: number): Promise<boolean> {
    const attempt = await this.store.attempts.get(attemptId);
    return attempt !== null && attempt.course === course && attempt.needsReview;
  }

  /** The rubric items of a question a TA can award one by one (short answers, drawings, proofs, essays). */
  rubric(question: Question): ReviewRubricItem[] {
    const a = question.answer;
    if (a.kind === "short" || a.kind === "drawing" || a.kind === "proof" || a.kind === "essay") return a.rubric.map((r) => ({ id: r.id, label: r.label, points: r.points }));
    return [];
  }

  /**
   * Replaces the answer's grade with the TA's. Reading the answer, checking it still waits (two TAs
   * may press at once: the second finds it graded), replacing the grade and rescheduling are one
   * transaction.
   */
  async decide(course: string, attemptId: number, decision: ReviewDecision, by: Person, now: Date): Promise<{ attempt: AttemptRecord; deliveries: Delivery[] }> {
    const note = decision.note?.trim() || null;
    const { attempt, question } = await this.store.transaction(async (tx) => {
      const before = await tx.attempts.get(attemptId);
      if (!before || before.course !== course) throw new UserError("unknown-attempt", `There is no answer #${attemptId} to review. Type /review for the next one.`);
      if (!before.needsReview) {
        throw new UserError("already-reviewed", `Answer #${attemptId} is not waiting for review${before.reviewedBy ? ` (graded by ${before.reviewedBy})` : ""}. Type /review for the next one.`);
      }
      const question = this.bank.variant(before.question, before.variant);
      const { score, items } = decision.items ? this.fromItems(question, decision.items, before.max, note) : this.fromScore(decision.score, before.max, note);
      const graded = await tx.ta.grades.replace({ attempt: attemptId, score, items, by: by.id, source: "review", note, at: now });
      // A practice answer's grade was provisional: now it can schedule the question's next review.
      if (graded.mode === "practice") {
        const previous = await tx.schedules.get(course, graded.user, graded.question);
        await tx.schedules.put(course, graded.user, reschedule(previous, graded.question, reviewOf(score, graded.max), now));
      }
      return { attempt: graded, question };
    });
    const told = textReply(`A TA graded your answer to ${question.id}: ${formatScore(attempt.score, attempt.max)}.${note ? `\nNote: ${verbatim(note)}` : ""}\nSee /progress.`);
    return { attempt, deliveries: [{ to: { user: attempt.user }, reply: told }] };
  }

  private fromScore(score: number | undefined, max: number, note: string | null): { score: number; items: AwardedItem[] } {
    if (score === undefined || !Number.isFinite(score)) throw new UserError("bad-score", `Give a score between 0 and ${max}, e.g. \`/review 17 4 clear drawing\`.`);
    if (score < 0 || score > max) throw new UserError("bad-score", `The score must be between 0 and ${max}.`);
    return { score, items: [{ id: "ta-grade", label: "TA grade", points: max, earned: score, ...(note ? { note } : {}) }] };
  }

  private fromItems(question: Question, ids: string[], max: number, note: string | null): { score: number; items: AwardedItem[] } {
    const rubric = this.rubric(question);
    const known = new Set(rubric.map((r) => r.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length || rubric.length === 0) {
      throw new UserError("unknown-item", rubric.length
        ? `${question.id} has no rubric item ${unknown.join(", ")}. Items: ${rubric.map((r) => r.id).join(", ")}.`
        : `${question.id} has no rubric items to award one by one; give a score instead.`);
    }
    const items = rubric.map((r) => ({ id: r.id, label: r.label, points: r.points, earned: ids.includes(r.id) ? r.points : 0 }));
    const total = items.reduce((s, i) => s + i.earned, 0);
    const score = Math.min(max, Math.max(0, total));
    return { score, items: note ? [...items, { id: "ta-note", label: "TA note", points: 0, earned: 0, note }] : items };
  }
}
