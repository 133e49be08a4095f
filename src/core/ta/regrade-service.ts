import type { CourseBankChoice, ResolvedQuestion } from "../bank/course-banks.ts";
import { variantNote } from "../bank/question-variants.ts";
import type { Person } from "../chat/command-input.ts";
import { type Delivery, heading, quote, reply, type ReplyButton, text, textReply, verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import { formatScore } from "../format.ts";
import type { AttemptRecord, Repositories, Store } from "../ports.ts";
import type { TimeZone } from "../time-zone.ts";
import type { RegradeRecord } from "./ta-ports.ts";

const DAY = 86_400_000;
/** A reason shorter than this is not a sentence a grader can check. */
const MIN_REASON_CHARS = 20;
const MIN_REASON_WORDS = 4;
/** Resolved requests `/regrades history` lists. */
const HISTORY_SHOWN = 20;
/** Where a regrade goes when nobody answers for the question's grader. */
export const TA_CHANNEL = "ta";

/** An open regrade request as a TA's list shows it. */
export interface OpenRegrade extends RegradeRecord {
  /** The student's display name (their chat id when none is known). */
  student: string;
  /** The answer's maximum score, for the resolve form. */
  max: number;
  /** The display name of the TA who resolved it, if resolved. */
  resolver: string | null;
}

/** The graded answer a regrade concerns, and until when it may be asked. */
export interface RegradeTarget {
  attempt: AttemptRecord;
  deadline: Date;
  /** What the window runs from, in words: "your mock exam submission" or "your answer". */
  from: string;
}

/**
 * Regrade requests. A request concerns the student's latest graded answer to the question: the
 * one in their latest submitted mock exam, else their latest practice answer. It may be made
 * until regradeWindowDays (7) after that exam's submission (or the practice answer), as the
 * TAs' post gives one week after grades are out. It is routed to whoever answers for the bank's
 * grader of the question (`/regrades assign`), else to the TA channel.
 */
export class RegradeService {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly store: Store,
    private readonly zone: TimeZone,
  ) {}

  async target(course: string, user: string, questionId: string): Promise<RegradeTarget> {
    return this.targetIn(this.store, course, user, await this.named(course, questionId));
  }

  /** The question a student named among the course's banks (read before any transaction). */
  private async named(course: string, typed: string): Promise<ResolvedQuestion> {
    return (await this.banks.of(course)).resolve(typed, { command: "/regrade", bankOption: false });
  }

  /**
   * Records the request and says whom to tell. Reading the answer, its window and whether a request
   * is open, then adding it, is one transaction: two requests sent at once make one.
   */
  async request(course: string, student: Person, questionId: string, reason: string, now: Date): Promise<{ regrade: RegradeRecord; deadline: Date; deliveries: Delivery[] }> {
    const why = reason.trim();
    // A grader's time goes to reasons they can check: a sentence, not "pls" or "wrong".
    if (why.length < MIN_REASON_CHARS || why.split(/\s+/).length < MIN_REASON_WORDS) {
      throw new UserError("regrade-reason", "Say in a sentence why the rubric was applied wrongly, e.g. `/regrade 3b I named weight decay, which the rubric accepts as regularization`.");
    }
    if (why.length > 1500) throw new UserError("regrade-reason", `Your reason is ${why.length} characters; keep it under 1500.`);
    const named = await this.named(course, questionId);
    const { question } = named;
    const { attempt, deadline, regrade, assigned } = await this.store.transaction(async (tx) => {
      const { attempt, deadline, from } = await this.targetIn(tx, course, student.id, named);
      if (now > deadline) {
        throw new UserError("regrade-closed", `Regrades for ${question.id} closed on ${this.zone.format(deadline)}, ${named.bank.exam.regradeWindowDays} days after ${from}.`);
      }
      if (attempt.needsReview) throw new UserError("regrade-pending", `Your answer to ${question.id} still waits for a TA to grade it; ask for a regrade once it is graded.`);
      const asked = await this.openRequest(tx, course, student.id, question.id);
      if (asked) throw alreadyAsked(question.id, asked);
      const regrade = await tx.ta.regrades.add({
        course, user: student.id, question: question.id, attempt: attempt.id, grader: question.grader, reason: why, scoreBefore: attempt.score, createdAt: now,
      });
      return { attempt, deadline, regrade, assigned: await tx.ta.graders.userFor(course, question.grader) };
    }).catch(async (error: unknown) => {
      // Two requests at once in two processes both read "none open"; the schema's one-open-regrade
      // constraint refuses the second. Its student gets the answer a moment later would give.
      const asked = error instanceof UserError ? null : await this.openRequest(this.store, course, student.id, question.id);
      throw asked ? alreadyAsked(question.id, asked) : error;
    });
    const note = reply([
      heading(`Regrade request #${regrade.id} for ${question.id} (graded by ${question.grader}) from ${verbatim(student.name)}: ${formatScore(attempt.score, attempt.max)}.`),
      ...(attempt.variant ? [text(variantNote(attempt.variant))] : []),
      text("Answer:"),
      quote(`${attempt.answer}${attempt.justification ? ` — ${attempt.justification}` : ""}`),
      text("Reason:"),
      quote(why),
      `Resolve with /regrades resolve ${regrade.id} SCORE NOTE (score out of ${attempt.max}).`,
    ], { buttons: [resolveButton(regrade.id, attempt.max)] });
    const to = assigned ? { user: assigned } : { channel: TA_CHANNEL };
    return { regrade, deadline, deliveries: [{ to, reply: note }] };
  }

  /** The open requests, oldest first, with what a TA's list shows: the student's display name and the answer's maximum score. */
  async open(course: string): Promise<OpenRegrade[]> {
    return this.withDetails(await this.store.ta.regrades.open(course));
  }

  /** A student's requests, newest first, with each answer's maximum score. */
  async mine(course: string, user: string): Promise<OpenRegrade[]> {
    return this.withDetails(await this.store.ta.regrades.forUser(course, user));
  }

  /** The most recently resolved requests of the course, for TAs. */
  async history(course: string, limit = HISTORY_SHOWN): Promise<OpenRegrade[]> {
    return this.withDetails(await this.store.ta.regrades.resolved(course, limit));
  }

  private withDetails(requests: RegradeRecord[]): Promise<OpenRegrade[]> {
    return Promise.all(requests.map(async (r) => ({
      ...r,
      student: (await this.store.ta.people.displayName(r.user)) ?? r.user,
      max: (await this.store.attempts.get(r.attempt))?.max ?? 0,
      resolver: r.resolvedBy === null ? null : ((await this.store.ta.people.displayName(r.resolvedBy)) ?? r.resolvedBy),
    })));
  }

  /** Which chat user answers for which bank grader; regrades of the others go to the TA channel. */
  routing(course: string): Promise<{ grader: string; user: string }[]> {
    return this.store.ta.graders.list(course);
  }

  /**
   * Sets the new score with a note, keeps the old grade in the history, and tells the student.
   * Reading the request and the answer, checking it is open, recording the decision and replacing
   * the grade are one transaction.
   */
  async resolve(course: string, id: number, decision: { score: number | null; note: string | null }, by: Person, now: Date): Promise<{ regrade: RegradeRecord; attempt: AttemptRecord; deliveries: Delivery[] }> {
    const { regrade, before, attempt } = await this.store.transaction(async (tx) => {
      const open = await tx.ta.regrades.get(id);
      if (!open || open.course !== course) throw new UserError("unknown-regrade", `There is no regrade request #${id}. See the open ones with /regrades.`);
      if (open.resolvedAt) throw new UserError("regrade-resolved", `Regrade #${id} was already resolved by ${open.resolvedBy ?? "a TA"}.`);
      if (!decision.note?.trim()) throw new UserError("regrade-note", `Add a note for the student saying why: \`/regrades resolve ${id} SCORE the rubric accepts weight decay\` (or \`keep\` as the score to leave it).`);
      const before = (await tx.attempts.get(open.attempt))!;
      const score = decision.score ?? before.score;
      if (score < 0 || score > before.max) throw new UserError("bad-score", `The score must be between 0 and ${before.max}.`);
      if (!(await tx.ta.regrades.resolve(id, { by: by.id, score, note: decision.note, at: now }))) throw new UserError("regrade-resolved", `Regrade #${id} was already resolved.`);
      const items = score === before.score ? before.items
        : [...before.items, { id: "regrade", label: "Regrade", points: 0, earned: score - before.score, ...(decision.note ? { note: decision.note } : {}) }];
      const attempt = await tx.ta.grades.replace({ attempt: before.id, score, items, by: by.id, source: "regrade", note: decision.note, at: now });
      return { regrade: (await tx.ta.regrades.get(id))!, before, attempt };
    });
    const score = attempt.score;
    const changed = score === before.score ? `stays ${formatScore(score, before.max)}` : `changed from ${formatScore(before.score, before.max)} to ${formatScore(score, before.max)}`;
    const told = textReply(`Your regrade request for ${regrade.question} was answered by ${verbatim(by.name)}: your score ${changed}.${decision.note ? `\nNote: ${verbatim(decision.note)}` : ""}`);
    return { regrade, attempt, deliveries: [{ to: { user: regrade.user }, reply: told }] };
  }

  /**
   * Routes the regrades of a bank grader (e.g. Ken-Fu) to a chat user, named as `userFor` reads it.
   * Returns the bank's spelling of the grader and the user's full id.
   */
  async assign(course: string, grader: string, userName: string, by: string): Promise<{ grader: string; user: string }> {
    const names = [...new Set((await this.banks.of(course)).all().map((q) => q.grader))];
    const found = names.find((n) => n.toLowerCase() === grader.trim().toLowerCase());
    if (!found) throw new UserError("unknown-grader", `"${verbatim(grader)}" grades no question. Graders: ${names.join(", ")}.`);
    // The user is found among the course's people: the same transaction records the assignment.
    return this.store.transaction(async (tx) => {
      const user = await userFor(tx, course, userName, by);
      await tx.ta.graders.assign(course, found, user);
      return { grader: found, user };
    });
  }

  /** The student's open request about a question, if any. */
  private async openRequest(repos: Repositories, course: string, user: string, question: string): Promise<RegradeRecord | undefined> {
    return (await repos.ta.regrades.forUser(course, user)).find((r) => r.question === question && !r.resolvedAt);
  }

  /** `target`, read through `repos` (the store, or a transaction's repositories). */
  private async targetIn(repos: Repositories, course: string, user: string, { bank, question }: ResolvedQuestion): Promise<RegradeTarget> {
    const window = bank.exam.regradeWindowDays * DAY;
    const submitted = new Map((await repos.examSessions.submittedForUser(course, user)).map((s) => [s.id, s]));
    const answers = (await repos.attempts.forUser(course, user)).filter((a) => a.question === question.id);
    const exam = answers.filter((a) => a.examSession !== null && submitted.has(a.examSession)).at(-1);
    // The window opens when the grade was given: at submission, or later when a TA graded the answer
    // from the review queue (a resolved regrade does not open a new window).
    const graded = async (attempt: AttemptRecord, at: Date, what: string): Promise<RegradeTarget> => {
      const change = (await repos.ta.grades.history(attempt.id)).filter((h) => h.source === "review").at(-1);
      const from = change && change.at > at ? { at: change.at, what: "a TA graded it" } : { at, what };
      return { attempt, deadline: new Date(from.at.getTime() + window), from: `${from.what} (${this.zone.format(from.at)})` };
    };
    if (exam) return graded(exam, submitted.get(exam.examSession!)!.submittedAt!, "your mock exam was submitted");
    // Practice is for learning: a wrong practice answer is tried again, not sent to a grader.
    if (answers.some((a) => a.mode === "practice")) {
      throw new UserError("practice-no-regrade", `Regrades are for answers in a submitted mock exam; your answers to ${question.id} were practice. Try it again with /quiz ${question.id}. If you think the rubric itself is wrong, tell a TA.`);
    }
    throw new UserError("nothing-to-regrade", `You have no graded mock-exam answer to ${question.id} (answers in a running mock exam are graded when you submit it).`);
  }
}

function alreadyAsked(question: string, asked: RegradeRecord): UserError {
  return new UserError("regrade-open", `You already asked for a regrade of ${question} (request #${asked.id}); a TA will answer it. /regrade status shows your requests.`);
}

/**
 * A chat user a TA named: a full id (`console:ken`, `discord:123`: adapters turn mentions into
 * ids), a name someone in the course goes by, else a name on the TA's own platform.
 */
async function userFor(repos: Repositories, course: string, named: string, by: string): Promise<string> {
  const t = named.trim();
  if (t.includes(":")) return t;
  const known = (await repos.enrollments.list(course)).find((e) => e.name.toLowerCase() === t.toLowerCase());
  if (known) return known.user;
  return `${by.slice(0, by.lastIndexOf(":") + 1)}${t}`;
}

/** A button that asks for the new score and a note (the form's text is "SCORE NOTE"). */
export function resolveButton(id: number, max: number): ReplyButton {
  return {
    label: `Resolve #${id}`,
    form: {
      title: `Resolve regrade #${id}`,
      action: { command: "regrades", options: { action: "resolve", id: String(id) } },
      field: { option: "value", label: `New score out of ${max}, then a note`, placeholder: `${max} rubric applied correctly now`, maxLength: 1000 },
    },
  };
}
