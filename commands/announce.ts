import type { CommandInput } from "../src/core/chat/command-input.ts";
import { heading, type ReplyButton, text, textReply, verbatim, type Visibility } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { parseAnnounceTime } from "../src/core/ta/announce-time.ts";
import { DEFAULT_ANNOUNCEMENT_CHANNEL } from "../src/core/ta/announcement-service.ts";
import type { Command } from "../src/services.ts";

const cancelButton = (id: number): ReplyButton => ({ label: `Cancel #${id}`, style: "danger", action: { command: "announce", options: { message: `cancel ${id}` } } });

/** What an /announce asks for; `here` is true when a post goes now to the channel it was typed in. */
export type AnnounceRequest =
  | { kind: "list" }
  | { kind: "cancel"; id: number }
  | { kind: "edit"; id: number; text: string; at?: string; channel?: string }
  | { kind: "post"; message: string; at?: string; channel?: string; here: boolean };

/**
 * Reads /announce's options without side effects. Both the visibility (known before the work) and
 * the handler use it, so a reply is public exactly when the announcement is posted now, here.
 */
export function readAnnounce(input: Pick<CommandInput, "options" | "channel">): AnnounceRequest {
  const message = (input.options.message ?? "").trim();
  const channel = input.options.channel?.trim().replace(/^#/, "") || undefined;
  const at = input.options.at?.trim() || undefined;
  if (/^list$/i.test(message)) return { kind: "list" };
  const cancel = /^cancel\s+#?(\d+)$/i.exec(message);
  if (cancel) return { kind: "cancel", id: Number(cancel[1]) };
  const edit = /^edit\s+#?(\d+)\b\s*([\s\S]*)$/i.exec(message);
  if (edit) return { kind: "edit", id: Number(edit[1]), text: edit[2]!.trim(), at, channel };
  return { kind: "post", message, at, channel, here: !at && (!channel || channel === input.channel) };
}

export function announceVisibility(input: CommandInput): Visibility {
  const request = readAnnounce(input);
  return request.kind === "post" && request.here ? "public" : "private";
}

/**
 * `/announce message [at] [channel]`. A message that is only `list`, `cancel ID` or `edit ID
 * [text]` manages scheduled announcements instead, so one command does it all. Announcements are
 * the TA's Markdown: kept as written; channel names are shown as typed.
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
  visibility: announceVisibility,
  examples: ["/announce Midterm review Friday 5pm in Boelter at: 2026-12-01 09:00 channel: announcements", "/announce list", "/announce cancel 3", "/announce edit 3 Review moved to 6pm"],
  async handle(input, { announcements, zone }) {
    const request = readAnnounce(input);
    const when = (at: string | undefined) => (at ? parseAnnounceTime(at, input.now, zone) : undefined);
    const where = (channel: string) => `#${verbatim(channel)}`;
    switch (request.kind) {
      case "list": {
        const pending = await announcements.pending(input.course);
        if (!pending.length) return textReply("No announcement is scheduled. Schedule one with `/announce TEXT at: 2026-12-01 09:00`.");
        const lines = pending.map((a) => `#${a.id} ${zone.format(a.postAt)} in ${where(a.channel)}: ${a.message.length > 80 ? `${a.message.slice(0, 79)}…` : a.message}`);
        return {
          blocks: [heading("Scheduled announcements"), text(lines.join("\n")), text("Edit with /announce edit ID TEXT [at: TIME], cancel with /announce cancel ID.")],
          buttons: pending.slice(0, 5).map((a) => cancelButton(a.id)),
          data: { announcements: pending.map((a) => ({ id: a.id, postAt: a.postAt.toISOString(), channel: a.channel, message: a.message })) },
        };
      }
      case "cancel": {
        const done = await announcements.cancel(input.course, request.id, input.now);
        return textReply(`Announcement #${done.id} (${zone.format(done.postAt)}) is cancelled.`, { data: { announcement: { id: done.id, cancelled: true } } });
      }
      case "edit": {
        const at = when(request.at);
        if (!request.text && !at && !request.channel) throw new UserError("nothing-to-edit", "Give the new text, at: TIME or channel: NAME, e.g. `/announce edit 3 Review moved to 6pm`.");
        const done = await announcements.edit(input.course, request.id, { message: request.text || undefined, postAt: at, channel: request.channel });
        return textReply(`Announcement #${done.id} will be posted at ${zone.format(done.postAt)} in ${where(done.channel)}:\n${done.message}`, { data: { announcement: { id: done.id, postAt: done.postAt.toISOString() } } });
      }
      case "post": {
        const at = when(request.at);
        const draft = { course: input.course, author: input.user.id, message: request.message, channel: request.channel ?? input.channel ?? DEFAULT_ANNOUNCEMENT_CHANNEL };
        if (at) {
          const a = await announcements.schedule(draft, at, input.now);
          return textReply(`Announcement #${a.id} is scheduled for ${zone.format(a.postAt)} in ${where(a.channel)}. Change it with /announce edit ${a.id} TEXT, cancel it with /announce cancel ${a.id}.`, {
            buttons: [cancelButton(a.id)],
            data: { announcement: { id: a.id, postAt: a.postAt.toISOString(), channel: a.channel } },
          });
        }
        const posted = await announcements.recordPosted(draft, input.now);
        if (!request.here) {
          const channel = request.channel!;
          return textReply(`Posted in ${where(channel)}.`, { deliveries: [{ to: { channel }, reply: textReply(request.message) }], data: { announcement: { id: posted.id, channel } } });
        }
        return textReply(request.message, { data: { announcement: { id: posted.id, channel: posted.channel } } });
      }
    }
  },
};
