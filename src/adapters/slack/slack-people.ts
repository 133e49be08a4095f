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
/**
 * users.info calls under way at once. A class arriving together is looked up a few at a time, in
 * the background, instead of all at once: under Slack's rate limit, and off the commands' way.
 */
const LOOKUPS_AT_ONCE = 4;
/**
 * Slack's users.info allows about 100 calls a minute (Tier 4). Once more people wait than there
 * are slots, each slot is handed on after this pause, so a class of 300 is looked up over three
 * minutes instead of in the seconds its exam starts, when the bot's thread is busiest.
 */
const HANDOVER_MS = (LOOKUPS_AT_ONCE * 60_000) / 100;

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
  /** Lookups asked for, one per person, waiting for a turn or under way. */
  private readonly lookups = new Map<string, Promise<string>>();
  private running = 0;
  private readonly turns: Array<() => void> = [];
  private warned = false;
  private readonly tas: ReadonlySet<string>;

  constructor(
    private readonly web: webApi.WebClient,
    private readonly team: () => string,
    taUsers: readonly string[],
    private readonly logger: Logger,
    private readonly handoverMs = HANDOVER_MS,
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

  /**
   * The cached display name, else the payload's username at once while `users.info` is asked in
   * the background (once per person at a time): a class starting an exam together must not wait
   * on, nor burst into, Slack's rate limit. The looked-up name is used from the next request on.
   */
  private async displayName(user: string, fallback: string | undefined): Promise<string> {
    const cached = this.names.get(user);
    if (cached && cached.until > Date.now()) return cached.name;
    const lookup = this.lookups.get(user) ?? this.lookUp(user, fallback || user);
    if (cached || fallback) return cached?.name ?? fallback!;
    // Nothing to show meanwhile (no username in the payload): this request waits for Slack's answer.
    return lookup;
  }

  private lookUp(user: string, standIn: string): Promise<string> {
    const lookup = (async () => {
      let name = standIn;
      let ttl = FALLBACK_TTL_MS;
      await this.turn();
      try {
        const info = await this.web.users.info({ user });
        const profile = info.user?.profile;
        name = profile?.display_name || profile?.real_name || info.user?.real_name || info.user?.name || name;
        ttl = NAME_TTL_MS;
      } catch (error) {
        // Without users:read the username still identifies the person; say so once, not per command.
        if (!this.warned) this.logger.warn("slack users.info failed; using usernames as display names", { error: describe(error) });
        this.warned = true;
      } finally {
        this.lookups.delete(user);
        // The slot goes to the next lookup waiting, if any, after the pause that keeps the rate.
        const next = this.turns.shift();
        if (!next) this.running -= 1;
        else if (this.handoverMs > 0) setTimeout(next, this.handoverMs).unref();
        else next();
      }
      if (this.names.size >= NAME_CACHE) this.names.delete(this.names.keys().next().value!);
      this.names.set(user, { name, until: Date.now() + ttl });
      return name;
    })();
    this.lookups.set(user, lookup);
    return lookup;
  }

  /** Resolves with a slot among the LOOKUPS_AT_ONCE: a free one, or one handed over by a lookup ending. */
  private async turn(): Promise<void> {
    if (this.running < LOOKUPS_AT_ONCE) this.running += 1;
    else await new Promise<void>((resolve) => this.turns.push(resolve));
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
