import { textReply } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import type { Store, Repositories } from "../ports.ts";
import type { AnnouncementRecord, AnnouncementRepository } from "./ta-ports.ts";

/** The channel a scheduled announcement goes to when neither the TA nor the platform names one. */
export const DEFAULT_ANNOUNCEMENT_CHANNEL = "announcements";

/** What a TA asked to announce. */
export interface AnnouncementDraft {
  course: string;
  author: string;
  message: string;
  channel: string;
}

/**
 * Announcements posted now or at a time. Scheduled ones wait in the store until timed work
 * (`queueDue`) claims them; claiming marks them delivered in the same statement, so each is
 * delivered once, also across restarts and with several sweepers.
 */
export class AnnouncementService {
  constructor(private readonly store: Store) {}

  /** Records an announcement posted at once (kept for the course's history). */
  async recordPosted(draft: AnnouncementDraft, now: Date): Promise<AnnouncementRecord> {
    checkMessage(draft.message);
    return this.store.ta.announcements.add({ ...draft, postAt: now, createdAt: now, deliveredAt: now });
  }

  async schedule(draft: AnnouncementDraft, at: Date, now: Date): Promise<AnnouncementRecord> {
    checkMessage(draft.message);
    return this.store.ta.announcements.add({ ...draft, postAt: at, createdAt: now, deliveredAt: null });
  }

  pending(course: string): Promise<AnnouncementRecord[]> {
    return this.store.ta.announcements.pending(course);
  }

  async cancel(course: string, id: number, now: Date): Promise<AnnouncementRecord> {
    const announcements = this.store.ta.announcements;
    const found = await requirePending(announcements, course, id);
    // Cancel changes only a pending row: posted or cancelled meanwhile, it says so.
    if (!(await announcements.cancel(id, now))) throw gone(id);
    return found;
  }

  /** Changes the text, time or channel of a scheduled announcement. */
  edit(course: string, id: number, changes: { message?: string; postAt?: Date; channel?: string }): Promise<AnnouncementRecord> {
    // The fields left unchanged are read first: in one transaction, so two TAs' edits do not undo each other.
    return this.store.transaction(async (tx) => {
      const found = await requirePending(tx.ta.announcements, course, id);
      const next = { message: changes.message ?? found.message, postAt: changes.postAt ?? found.postAt, channel: changes.channel ?? found.channel };
      checkMessage(next.message);
      if (!(await tx.ta.announcements.update(id, next))) throw gone(id);
      return { ...found, ...next };
    });
  }

  /**
   * Claims every due announcement and queues its post in the outbox, in the caller's transaction:
   * claimed and queued together, so none is posted twice or lost.
   */
  async queueDue(tx: Repositories, now: Date): Promise<void> {
    for (const a of await tx.ta.announcements.claimDue(now)) await tx.deliveries.enqueue(a.course, { channel: a.channel }, textReply(a.message), now);
  }
}

async function requirePending(announcements: AnnouncementRepository, course: string, id: number): Promise<AnnouncementRecord> {
  const found = await announcements.get(id);
  if (!found || found.course !== course) throw new UserError("unknown-announcement", `There is no announcement #${id}. See the scheduled ones with /announce list.`);
  if (found.deliveredAt || found.cancelledAt) throw gone(id);
  return found;
}

function gone(id: number): UserError {
  return new UserError("announcement-done", `Announcement #${id} was already posted or cancelled. See the scheduled ones with /announce list.`);
}

const MAX_MESSAGE = 1800;

function checkMessage(message: string): void {
  if (message.trim() === "") throw new UserError("empty-announcement", "The announcement is empty: write it after /announce, e.g. `/announce Midterm review Friday 5pm`.");
  // Discord caps a message at 2000 characters; leave room for the adapter's framing.
  if (message.length > MAX_MESSAGE) throw new UserError("announcement-too-long", `The announcement is ${message.length} characters; the limit is ${MAX_MESSAGE}. Shorten it or split it in two.`);
}
