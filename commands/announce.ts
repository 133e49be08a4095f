import { privateReply, publicReply, type ReplyButton } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { parseAnnounceTime } from "../src/core/ta/announce-time.ts";
import { DEFAULT_ANNOUNCEMENT_CHANNEL } from "../src/core/ta/announcement-service.ts";
import type { Command } from "../src/services.ts";

const cancelButton = (id: number): ReplyButton => ({ label: `Cancel #${id}`, style: "danger", action: { command: "announce", options: { message: `cancel ${id}` } } });

/**
 * `/announce message [at] [channel]`. A message that is only `list`, `cancel ID` or `edit ID
 * [text]` manages scheduled announcements instead, so one command does it all.
 */
export const announce: Command = {
  name: "announce",
  description: "Post an announcement now or later; also: list, cancel ID, edit ID TEXT",
  options: [
    { name: "message", description: "The announcement (Markdown), or list / cancel ID / edit ID TEXT", type: "string", required: true, rest: true, maxLength: 1800 },
    { name: "at", description: "When, in the course's time zone: 2026-12-01 09:00, in 2h, tomorrow 9:00 (default: now)", type: "string", required: false },
    { name: "channel", description: "Where to post (default: this channel)", type: "string", required: false },
  ],
  access: "ta",
  examples: ["/announce Midterm review Friday 5pm in Boelter at: 2026-12-01 09:00 channel: announcements", "/announce list", "/announce cancel 3", "/announce edit 3 Review moved to 6pm"],
  handle(input, { announcements, zone }) {
    const message = (input.options.message ?? "").trim();
    const channel = input.options.channel?.trim().replace(/^#/, "") || undefined;
    const at = input.options.at?.trim() ? parseAnnounceTime(input.options.at, input.now, zone) : undefined;
    if (/^list$/i.test(message)) {
      const pending = announcements.pending(input.course);
      if (!pending.length) return privateReply("No announcement is scheduled. Schedule one with `/announce TEXT at: 2026-12-01 09:00`.");
      const lines = pending.map((a) => `#${a.id} ${zone.format(a.postAt)} in #${a.channel}: ${a.message.length > 80 ? `${a.message.slice(0, 79)}…` : a.message}`);
      return privateReply(`**Scheduled announcements**\n${lines.join("\n")}\nEdit with /announce edit ID TEXT [at: TIME], cancel with /announce cancel ID.`, {
        buttons: pending.slice(0, 5).map((a) => cancelButton(a.id)),
        data: { announcements: pending.map((a) => ({ id: a.id, postAt: a.postAt.toISOString(), channel: a.channel, message: a.message })) },
      });
    }
    const cancel = /^cancel\s+#?(\d+)$/i.exec(message);
    if (cancel) {
      const done = announcements.cancel(input.course, Number(cancel[1]), input.now);
      return privateReply(`Announcement #${done.id} (${zone.format(done.postAt)}) is cancelled.`, { data: { announcement: { id: done.id, cancelled: true } } });
    }
    const edit = /^edit\s+#?(\d+)\b\s*([\s\S]*)$/i.exec(message);
    if (edit) {
      const text = edit[2]!.trim();
      if (!text && !at && !channel) throw new UserError("nothing-to-edit", "Give the new text, at: TIME or channel: NAME, e.g. `/announce edit 3 Review moved to 6pm`.");
      const done = announcements.edit(input.course, Number(edit[1]), { message: text || undefined, postAt: at, channel });
      return privateReply(`Announcement #${done.id} will be posted at ${zone.format(done.postAt)} in #${done.channel}:\n${done.message}`, { data: { announcement: { id: done.id, postAt: done.postAt.toISOString() } } });
    }
    const draft = { course: input.course, author: input.user.id, message, channel: channel ?? input.channel ?? DEFAULT_ANNOUNCEMENT_CHANNEL };
    if (at) {
      const a = announcements.schedule(draft, at, input.now);
      return privateReply(`Announcement #${a.id} is scheduled for ${zone.format(a.postAt)} in #${a.channel}. Change it with /announce edit ${a.id} TEXT, cancel it with /announce cancel ${a.id}.`, {
        buttons: [cancelButton(a.id)],
        data: { announcement: { id: a.id, postAt: a.postAt.toISOString(), channel: a.channel } },
      });
    }
    const posted = announcements.recordPosted(draft, input.now);
    if (channel && channel !== input.channel) {
      return privateReply(`Posted in #${channel}.`, { deliveries: [{ to: { channel }, reply: publicReply(message) }], data: { announcement: { id: posted.id, channel } } });
    }
    return publicReply(message, { data: { announcement: { id: posted.id, channel: posted.channel } } });
  },
};
