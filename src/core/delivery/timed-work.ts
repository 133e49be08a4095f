import type { Adapter } from "../chat/adapter.ts";
import { reply, textReply } from "../chat/reply.ts";
import type { ExamService } from "../practice/exam-service.ts";
import type { Store, StoredDelivery } from "../ports.ts";
import type { AnnouncementService } from "../ta/announcement-service.ts";
import type { TimeZone } from "../time-zone.ts";
import { examReportBlocks } from "../views/exam-view.ts";

export interface TimedWorkOptions {
  /** Who claims deliveries: unique per process (host, pid, a random part). */
  claimant: string;
  /** Minutes before a mock exam's end when its student is reminded (0: never). */
  reminderMinutes?: number;
  log(line: string): void;
}

/** A claim not confirmed within this time is taken for a dead process's, and may be claimed again. */
const STALE_CLAIM_MS = 2 * 60_000;
/** How long replies to platform deliveries are remembered, so a retry is answered once. */
const INTERACTION_MEMORY_MS = 24 * 3_600_000;
/** Deliveries read at a time; other processes' deliveries are skipped page by page. */
const PAGE = 200;

/**
 * The tutor's timed work, in one place for every adapter: automatic submission of mock exams at
 * their deadline (with the report to the student), reminders before the end, and scheduled
 * announcements. Each sweep turns what fell due into deliveries in the store's outbox, claimed
 * once whichever process sweeps, then hands each undelivered delivery to the adapter of this
 * process that owns its course and recipient; the others are left for the process that owns them.
 */
export class TimedWork {
  private readonly adapters: Adapter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly exams: ExamService,
    private readonly announcements: AnnouncementService,
    private readonly zone: TimeZone,
    /** The title of a session's exam (its bank's), by exam id. */
    private readonly examTitle: (exam: string) => string,
    private readonly options: TimedWorkOptions,
  ) {}

  /** Deliveries owned by `adapter` reach it from now on. */
  attach(adapter: Adapter): void {
    this.adapters.push(adapter);
  }

  detach(adapter: Adapter): void {
    const i = this.adapters.indexOf(adapter);
    if (i >= 0) this.adapters.splice(i, 1);
  }

  /** Sweeps every `intervalMs` until `stop`. */
  start(intervalMs: number, clock: () => Date = () => new Date()): void {
    if (this.timer) return;
    const run = () => void this.sweep(clock()).catch((error: unknown) => this.options.log(`[timed work] ${describe(error)}`));
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping?.catch(() => {});
  }

  /** One sweep: what fell due becomes deliveries, then this process's adapters get theirs. One at a time. */
  async sweep(now: Date): Promise<void> {
    // Another caller's sweep failing is that caller's to report; this one still runs.
    while (this.sweeping) await this.sweeping.catch(() => {});
    const work = (async () => {
      // What is already queued still goes out when collecting the new work fails.
      const collected = await this.collect(now).then(() => null, (error: unknown) => error);
      await this.deliver(now);
      if (collected !== null) throw collected;
    })();
    this.sweeping = work.finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /**
   * Delivers what is queued now, without waiting for the next sweep (a regrade request just made
   * reaches its grader at once). Runs after a sweep in progress, never beside one.
   */
  async flush(): Promise<void> {
    while (this.sweeping) await this.sweeping.catch(() => {});
    const work = this.deliver(new Date());
    this.sweeping = work.finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async collect(now: Date): Promise<void> {
    const { store, zone } = this;
    // Claiming what fell due and storing its delivery happen together: claimed once, never lost.
    await store.transaction((tx) => this.announcements.queueDue(tx, now));
    await this.exams.submitExpired(now, async (report, tx) => {
      const ended = `Time ran out at ${zone.format(report.session.deadline)}; your mock exam was submitted automatically.`;
      await tx.deliveries.enqueue(report.session.course, { user: report.session.user }, reply([ended, ...examReportBlocks(report, zone)], {
        data: { exam: { report: true, session: report.session.id, score: report.score, max: report.max, bonus: report.bonus, pending: report.pending } },
      }), now);
    });
    // Platforms retry a delivery within minutes; a day of remembered replies is plenty.
    await store.interactions.prune(new Date(now.getTime() - INTERACTION_MEMORY_MS));
    // After the submissions: a session that already ended gets its report, not a reminder.
    const minutes = this.options.reminderMinutes ?? 10;
    if (minutes <= 0) return;
    await store.transaction(async (tx) => {
      for (const s of await tx.examSessions.claimReminders(new Date(now.getTime() + minutes * 60_000), now)) {
        const left = Math.max(1, Math.round((s.deadline.getTime() - now.getTime()) / 60_000));
        await tx.deliveries.enqueue(s.course, { user: s.user }, textReply(
          `**${left} minute${left === 1 ? "" : "s"} left** in your mock ${this.examTitle(s.exam).toLowerCase()}: it ends at ${zone.format(s.deadline)} and is then submitted as it stands. /exam status lists what you have not answered.`,
          { data: { reminder: { session: s.id, deadline: s.deadline.toISOString() } } },
        ), now);
      }
    });
  }

  private async deliver(now: Date): Promise<void> {
    if (this.adapters.length === 0) return;
    const { deliveries } = this.store;
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
    for (let page = await deliveries.pending(staleBefore, 0, PAGE); page.length; page = await deliveries.pending(staleBefore, page.at(-1)!.id, PAGE)) {
      for (const d of page) {
        const adapter = this.adapters.find((a) => a.owns(d.course, d.to));
        // Claimed as of now, not the sweep's start: a long sweep must not look like a dead claimant.
        if (!adapter || !(await deliveries.claim(d.id, this.options.claimant, new Date(), staleBefore))) continue;
        const report = examReportSession(d);
        if (report !== null && (await this.reportSeen(d, report))) {
          await deliveries.delivered(d.id, new Date());
          continue;
        }
        try {
          await adapter.deliver(d);
        } catch (error) {
          await deliveries.release(d.id);
          this.options.log(`[timed work] ${adapter.name} could not deliver #${d.id} to ${"user" in d.to ? d.to.user : `#${d.to.channel}`} in ${d.course}; it is tried again a few times: ${describe(error)}`);
          continue;
        }
        // Posted: from here on a failure must not release it, or it would be posted again.
        await deliveries.delivered(d.id, new Date());
        if (report !== null) await this.store.examSessions.markReported(report, new Date());
      }
    }
  }

  /** True when the student already saw this report (a late answer or /exam status showed it). */
  private async reportSeen(d: StoredDelivery, session: number): Promise<boolean> {
    if (!("user" in d.to)) return false;
    const latest = await this.store.examSessions.latest(d.course, d.to.user);
    return latest?.id === session && latest.reportedAt !== null;
  }
}

/** The session whose deadline report a delivery carries, if it is one. */
function examReportSession(d: StoredDelivery): number | null {
  const exam = d.reply.data?.exam as { session?: unknown; report?: unknown } | undefined;
  return exam?.report === true && typeof exam.session === "number" ? exam.session : null;
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
