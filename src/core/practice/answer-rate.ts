import { UserError } from "../errors.ts";

/** How many answers a student may send in a window: a person typing, not a script. */
export interface RateRule {
  answers: number;
  windowMs: number;
}

/** Thirty a minute: more than anyone types, fewer than a script sends. `answers: 0` is no limit. */
export const DEFAULT_ANSWER_RATE: RateRule = { answers: 30, windowMs: 60_000 };

/**
 * A per-student limit on answers (a sliding window, in memory: a limit per process is enough to
 * stop a script flooding the grader; a restart forgets it). A refused answer is not stored and
 * the student is told when to send it again.
 */
export class AnswerRate {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly rule: RateRule = DEFAULT_ANSWER_RATE) {}

  /** Counts an answer from `who` at `now`, or refuses it with a UserError saying when to retry. */
  take(who: { course: string; user: string }, now: Date): void {
    if (this.rule.answers <= 0) return;
    const key = `${who.course}\u0000${who.user}`;
    const since = now.getTime() - this.rule.windowMs;
    const recent = (this.sent.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.rule.answers) {
      const wait = Math.max(1, Math.ceil((recent[0]! + this.rule.windowMs - now.getTime()) / 1000));
      this.sent.set(key, recent);
      throw new UserError("answer-rate", `That is ${recent.length} answers in the last ${Math.round(this.rule.windowMs / 1000)} seconds; take a breath and send this one again in ${wait} s. Nothing was stored.`);
    }
    recent.push(now.getTime());
    this.sent.set(key, recent);
    // Forget people who stopped answering, so the map stays as small as the class.
    if (this.sent.size > 10_000) for (const [k, times] of this.sent) if (times.every((t) => t <= since)) this.sent.delete(k);
  }
}
