import { type CourseDelivery, textReply } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
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
 * Announcements posted now or at a time. Scheduled ones wait in the store until a sweeper
 * (`deliverDue`) claims them; claiming marks them delivered in the same statement, so each is
 * delivered once, also across restarts and with several sweepers.
 */
export class AnnouncementService {
  constructor(private readonly repo: AnnouncementRepository) {}

  /** Records an announcement posted at once (kept for the course's history). */
  recordPosted(draft: AnnouncementDraft, now: Date): AnnouncementRecord {
    checkMessage(draft.message);
    return this.repo.add({ ...draft, postAt: now, createdAt: now, deliveredAt: now });
  }

  schedule(draft: AnnouncementDraft, at: Date, now: Date): AnnouncementRecord {
    checkMessage(draft.message);
    return this.repo.add({ ...draft, postAt: at, createdAt: now, deliveredAt: null });
  }

  pending(course: string): AnnouncementRecord[] {
    return this.repo.pending(course);
  }

  cancel(course: string, id: number, now: Date): AnnouncementRecord {
    const found = this.requirePending(course, id);
    if (!this.repo.cancel(id, now)) throw gone(id);
    return found;
  }

  /** Changes the text, time or channel of a scheduled announcement. */
  edit(course: string, id: number, changes: { message?: string; postAt?: Date; channel?: string }): AnnouncementRecord {
    const found = this.requirePending(course, id);
    const next = { message: changes.message ?? found.message, postAt: changes.postAt ?? found.postAt, channel: changes.channel ?? found.channel };
    checkMessage(next.message);
    if (!this.repo.update(id, next)) throw gone(id);
    return { ...found, ...next };
  }

  /** Claims every due announcement (of one course, or all) and returns what to post where. */
  deliverDue(now: Date, course?: string): CourseDelivery[] {
    return this.repo.claimDue(now, course).map((a) => ({ course: a.course, to: { channel: a.channel }, reply: textReply(a.message) }));
  }

  private requirePending(course: string, id: number): AnnouncementRecord {
    const found = this.repo.get(id);
    if (!found || found.course !== course) throw new UserError("unknown-announcement", `There is no announcement #${id}. See the scheduled ones with /announce list.`);
    if (found.deliveredAt || found.cancelledAt) throw gone(id);
    return found;
  }
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
