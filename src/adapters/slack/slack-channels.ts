// Where a Slack message goes: a person's DM with the app, or a channel named by id or by name.
import type { webApi } from "@slack/bolt";

/** Channel ids (public C…, private G…, DM D…); names are lower case, so an id never looks like one. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
/** How often a name not found may send us listing the workspace's channels again. */
const RELIST_MS = 60_000;
const PAGE = 1000;

/**
 * Looks up DM channels (`conversations.open`) and channel names (`conversations.list`), cached:
 * an announcement to `#announcements` lists channels once, not once per post.
 */
export class SlackChannels {
  private readonly dms = new Map<string, string>();
  private byName = new Map<string, string>();
  private listedAt = -Infinity;

  constructor(private readonly web: webApi.WebClient) {}

  /** The id of the person's DM with the app. */
  async directMessage(user: string): Promise<string> {
    const known = this.dms.get(user);
    if (known) return known;
    const opened = await this.web.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${user}`);
    this.dms.set(user, id);
    return id;
  }

  /** A channel id from an id, a name or `#name`; throws when the workspace has no such channel the app can see. */
  async resolve(channel: string): Promise<string> {
    const name = channel.trim().replace(/^#/, "");
    if (CHANNEL_ID.test(name)) return name;
    const key = name.toLowerCase();
    let id = this.byName.get(key);
    if (!id && Date.now() - this.listedAt >= RELIST_MS) {
      await this.list();
      id = this.byName.get(key);
    }
    if (!id) throw new Error(`no channel named #${name} that the app can see (invite it, or check the name)`);
    return id;
  }

  private async list(): Promise<void> {
    const names = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.web.conversations.list({ types: "public_channel,private_channel", exclude_archived: true, limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const c of page.channels ?? []) if (c.id && c.name) names.set(c.name.toLowerCase(), c.id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.byName = names;
    this.listedAt = Date.now();
  }
}
