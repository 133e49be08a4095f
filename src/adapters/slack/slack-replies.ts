// Replies and deliveries as Slack messages: through a request's response_url when there is one,
// else the Web API; files and images uploaded with files.uploadV2 where Slack can show them.
import type { webApi } from "@slack/bolt";
import { type Reply, text, verbatim, type VisibleReply } from "../../core/chat/reply.ts";
import type { Logger } from "../../logger.ts";
import { postJson } from "./post-json.ts";
import { SLACK_BUTTONS } from "./slack-actions.ts";
import { SlackChannels } from "./slack-channels.ts";
import { displayMathImages } from "./slack-math-images.ts";
import { renderSlackReply, type SlackMessage, type SlackUpload, slackUploads } from "./slack-renderer.ts";

/** Where a reply goes back to: the person, the conversation they were in, the request's response_url. */
export interface ReplyPlace {
  /** Slack user id (U…). */
  user: string;
  /** The conversation (C…, G…, D…) the command was typed or the button clicked in. */
  channel?: string;
  responseUrl?: string;
}

/** Slack takes at most five posts to one response_url (within 30 minutes). */
const RESPONSE_URL_POSTS = 5;
const RESPONSE_URL_MINUTES = 30;
const HOOKS_ORIGIN = "https://hooks.slack.com";

/**
 * Posts the tutor's replies in Slack's idiom: a private reply is ephemeral (only the person sees
 * it, and it cannot carry a file: files go to the person's DM with the app, with a note saying
 * so); a public one is posted in the channel, its files and display math uploaded beside it.
 */
export class SlackPoster {
  /** Posts made to each response_url, so the sixth goes through the Web API instead. */
  private readonly responseUses = new Map<string, { used: number; until: number }>();
  private readonly trustedOrigins: Set<string>;
  readonly channels: SlackChannels;

  constructor(private readonly web: webApi.WebClient, private readonly logger: Logger, apiUrl: string | undefined) {
    this.trustedOrigins = new Set([HOOKS_ORIGIN, ...(apiUrl ? [new URL(apiUrl).origin] : [])]);
    this.channels = new SlackChannels(web);
  }

  /** Answers the person who asked, where they asked. Throws when Slack refused every way of posting. */
  async reply(reply: VisibleReply, place: ReplyPlace): Promise<void> {
    const isPublic = reply.visibility === "public";
    let shown: VisibleReply = reply;
    if (!isPublic && (reply.images?.length || reply.files?.length)) {
      shown = { ...reply, images: [], files: [], blocks: [...reply.blocks, text(await this.sendPrivately(reply, place.user))] };
    }
    const messages = renderSlackReply(shown, SLACK_BUTTONS);
    for (const message of messages) await this.post(message, place);
    if (!isPublic || !place.channel) return;
    const uploads = [...(messages[0]?.files ?? []), ...slackUploads({ images: displayMathImages(reply) })];
    if (!uploads.length) return;
    try {
      await this.upload(place.channel, uploads);
    } catch (error) {
      this.logger.warn("slack upload to a channel failed", { channel: place.channel, error: describe(error) });
      const names = uploads.map((u) => u.name).join(", ");
      await this.post(renderSlackReply({ blocks: [text(`I could not attach ${names} here (${verbatim(slackError(error))}). Invite me to this channel with /invite, then try again.`)], visibility: "private" })[0]!, place);
    }
  }

  /** Posts a delivery of timed work (a DM or a channel post) with its files; throws on any refusal, so it is tried again. */
  async deliver(reply: Reply, to: { user: string } | { channel: string }): Promise<void> {
    const channel = "user" in to ? await this.channels.directMessage(to.user) : await this.channels.resolve(to.channel);
    const messages = renderSlackReply({ ...reply, visibility: "public" }, SLACK_BUTTONS);
    for (const message of messages) await this.web.chat.postMessage({ channel, ...body(message) });
    // Formula pictures go with channel posts (announcements); a DM (a report, a reminder) keeps its Unicode math.
    const math = "channel" in to ? displayMathImages(reply) : [];
    const uploads = [...(messages[0]?.files ?? []), ...slackUploads({ images: math })];
    if (uploads.length) await this.upload(channel, uploads);
  }

  /** A response_url from a request or a form's metadata, if it is Slack's (or the configured local Slack's). */
  trusted(url: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
      return this.trustedOrigins.has(new URL(url).origin) ? url : undefined;
    } catch {
      return undefined;
    }
  }

  /** A private reply's files and images, uploaded to the person's DM with the app; returns the note for the reply. */
  private async sendPrivately(reply: Reply, user: string): Promise<string> {
    const uploads = slackUploads(reply);
    const names = uploads.map((u) => u.name).join(", ");
    try {
      await this.upload(await this.channels.directMessage(user), uploads);
      return `Sent to our direct messages (only you can see them there): ${names}.`;
    } catch (error) {
      this.logger.warn("slack upload to a DM failed", { user, error: describe(error) });
      return `I could not send ${names} to our direct messages (${verbatim(slackError(error))}); please try again.`;
    }
  }

  /** One message: the response_url while it takes posts, else chat.postMessage / postEphemeral, else the person's DM. */
  private async post(message: SlackMessage, place: ReplyPlace): Promise<void> {
    const isPublic = message.visibility === "public";
    const url = this.trusted(place.responseUrl);
    if (url && this.takeResponsePost(url)) {
      try {
        await respondTo(url, { ...body(message), response_type: isPublic ? "in_channel" : "ephemeral", replace_original: false });
        return;
      } catch (error) {
        this.logger.warn("slack response_url refused a reply; posting through the Web API", { error: describe(error) });
      }
    }
    if (place.channel && isPublic) {
      await this.web.chat.postMessage({ channel: place.channel, ...body(message) });
      return;
    }
    if (place.channel) {
      try {
        await this.web.chat.postEphemeral({ channel: place.channel, user: place.user, ...body(message) });
        return;
      } catch (error) {
        // Not in that channel (or it is gone): the person's DM with the app still reaches them.
        this.logger.warn("slack chat.postEphemeral failed; replying in a DM", { channel: place.channel, error: describe(error) });
      }
    }
    await this.web.chat.postMessage({ channel: await this.channels.directMessage(place.user), ...body(message) });
  }

  private takeResponsePost(url: string): boolean {
    const now = Date.now();
    for (const [key, use] of this.responseUses) if (use.until < now) this.responseUses.delete(key);
    const use = this.responseUses.get(url) ?? { used: 0, until: now + RESPONSE_URL_MINUTES * 60_000 };
    if (use.used >= RESPONSE_URL_POSTS) return false;
    use.used++;
    this.responseUses.set(url, use);
    return true;
  }

  private async upload(channel: string, uploads: SlackUpload[]): Promise<void> {
    await this.web.filesUploadV2({
      channel_id: channel,
      file_uploads: uploads.map((u) => ({ file: u.data, filename: u.name, title: u.alt ?? u.name, ...(u.alt ? { alt_text: u.alt } : {}) })),
    });
  }
}

/** A rendered message as Web API arguments: no link previews, no mention parsing beyond what is escaped. */
function body(message: SlackMessage): { text: string; blocks: never[]; unfurl_links: false; unfurl_media: false } {
  return { text: message.text, blocks: message.blocks as never[], unfurl_links: false, unfurl_media: false };
}

/** Posts to a response_url (what Bolt's `respond` does, for URLs kept in a form's metadata too). */
async function respondTo(url: string, payload: Record<string, unknown>): Promise<void> {
  const status = await postJson(url, payload);
  if (status < 200 || status >= 300) throw new Error(`response_url answered HTTP ${status}`);
}

/** Slack's error code of a failed call (`not_in_channel`), else a short description. */
export function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : describe(error);
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
