// Who sent a Slack request: the tutor's person id, display name and roles.
import type { webApi } from "@slack/bolt";
import type { Person, Role } from "../../core/chat/command-input.ts";
import type { Logger } from "../../logger.ts";

/** How long a looked-up display name is trusted; a renamed person shows the new name after it. */
const NAME_TTL_MS = 60 * 60_000;
/** How long a username stands in for a name Slack could not give (asked again after it). */
const FALLBACK_TTL_MS = 5 * 60_000;
/** Names kept at once; the oldest go first. */
const NAME_CACHE = 5000;

/** The tutor's id of a Slack user: `slack:<team>:<user>`. */
export const slackPersonId = (team: string, user: string): string => `slack:${team}:${user}`;

/** The Slack user id in a person id of this workspace, or null for anyone else's. */
export function slackUserOf(team: string, personId: string): string | null {
  const prefix = `slack:${team}:`;
  return personId.startsWith(prefix) && personId.length > prefix.length ? personId.slice(prefix.length) : null;
}

/**
 * Display names from `users.info` (Slack's requests carry only the old username), cached, and
 * roles from SLACK_TA_USERS (TAs recorded in the store are the core's to check).
 */
export class SlackPeople {
  private readonly names = new Map<string, { name: string; until: number }>();
  private warned = false;
  private readonly tas: ReadonlySet<string>;

  constructor(
    private readonly web: webApi.WebClient,
    private readonly team: () => string,
    taUsers: readonly string[],
    private readonly logger: Logger,
  ) {
    this.tas = new Set(taUsers);
  }

  /** The person behind user id `user`; `fallback` (the payload's username) when Slack cannot say. */
  async person(user: string, fallback: string | undefined): Promise<Person> {
    return { id: slackPersonId(this.team(), user), name: await this.displayName(user, fallback) };
  }

  roles(user: string): Role[] {
    return this.tas.has(user) ? ["ta"] : ["student"];
  }

  private async displayName(user: string, fallback: string | undefined): Promise<string> {
    const now = Date.now();
    const cached = this.names.get(user);
    if (cached && cached.until > now) return cached.name;
    let name = fallback || user;
    let ttl = FALLBACK_TTL_MS;
    try {
      const info = await this.web.users.info({ user });
      const profile = info.user?.profile;
      name = profile?.display_name || profile?.real_name || info.user?.real_name || info.user?.name || name;
      ttl = NAME_TTL_MS;
    } catch (error) {
      // Without users:read the username still identifies the person; say so once, not per command.
      if (!this.warned) this.logger.warn("slack users.info failed; using usernames as display names", { error: describe(error) });
      this.warned = true;
    }
    if (this.names.size >= NAME_CACHE) this.names.delete(this.names.keys().next().value!);
    this.names.set(user, { name, until: now + ttl });
    return name;
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
