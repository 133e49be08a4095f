// A local Discord on 127.0.0.1: REST (node:http) and the gateway WebSocket on one port, one guild
// with a TA role and channels, people, a CDN for attachments, and a record of everything the bot
// did. The real discord.js Client talks to it through DISCORD_API_URL and GET /gateway/bot.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalGateway } from "./local-discord-gateway.ts";
import { buildInteraction, type InteractionKind } from "./local-discord-interactions.ts";
import {
  botUser, type Exchange, type FakeChannel, type FakeUser, guildJson, guildShard, snowflake, snowflakeOnShard, type StoredFile, type StoredMessage, visibleMessages,
} from "./local-discord-model.ts";
import { handleRest } from "./local-discord-rest.ts";

export { visibleMessages };
export type { Exchange, FakeUser, StoredMessage };

export interface LocalDiscordOptions {
  /** Gateway heartbeat interval; 5 s by default (Discord's is 41.25 s), so tests see heartbeats. */
  heartbeatMs?: number;
  /** Names of the guild's text channels; default general, announcements, ta. */
  channels?: string[];
  /** The TA role's name; default "TA". */
  taRoleName?: string;
  /** The shard count `/gateway/bot` recommends; default 1. */
  shards?: number;
  /** How many guilds (each with the same roles' names and channels' names); guild i is on shard i % shards. Default 1. */
  guilds?: number;
}

/** One guild of the local Discord. */
interface LocalGuild {
  id: string;
  name: string;
  ownerId: string;
}

/** Published application commands by scope (`global` or a guild id). */
export type CommandScopes = Map<string, Array<Record<string, unknown>>>;

export class LocalDiscord {
  readonly token = `local.${snowflake()}.bot-token-not-secret`;
  readonly applicationId = snowflake();
  /** The first guild (the course of DISCORD_GUILD_ID); `guildIds` has them all. */
  readonly guildId: string;
  readonly guildIds: string[];
  /** The shard count `/gateway/bot` recommends. */
  readonly shards: number;
  readonly taRole: { id: string; name: string };
  readonly channels: FakeChannel[];
  readonly users = new Map<string, FakeUser>();
  readonly exchanges = new Map<string, Exchange>();
  readonly byToken = new Map<string, Exchange>();
  /** Messages posted to channels and direct messages (not interaction responses). */
  readonly channelMessages: StoredMessage[] = [];
  readonly commands: CommandScopes = new Map();
  /** Every bulk overwrite of commands, in order. */
  readonly commandPuts: Array<{ scope: string; at: number }> = [];
  /** What Discord would reject or the tutor must never do: the test asserts there is none. */
  readonly violations: string[] = [];
  /** Every REST request: method, route, status, whether it carried the bot token. */
  readonly requests: Array<{ method: string; path: string; status: number; authorized: boolean }> = [];
  /** Files served as the CDN for attachments people send. */
  readonly cdn = new Map<string, StoredFile>();
  readonly gateway: LocalGateway;
  readonly botId = snowflake();
  private readonly listeners = new Set<() => void>();
  private readonly guilds: LocalGuild[];

  private constructor(readonly server: Server, options: LocalDiscordOptions) {
    this.shards = options.shards ?? 1;
    this.guilds = Array.from({ length: options.guilds ?? 1 }, (_, i) => ({
      id: this.shards === 1 ? snowflake() : snowflakeOnShard(i % this.shards, this.shards), name: i === 0 ? "ECE C147 (local)" : `ECE C147 section ${i + 1} (local)`, ownerId: snowflake(),
    }));
    this.guildIds = this.guilds.map((g) => g.id);
    this.guildId = this.guildIds[0]!;
    // One role id for every guild: the tests' people are members of each with the same roles.
    this.taRole = { id: snowflake(), name: options.taRoleName ?? "TA" };
    this.channels = this.guildIds.flatMap((guild) => (options.channels ?? ["general", "announcements", "ta"]).map((name): FakeChannel => ({ id: snowflake(), type: 0, name, guild })));
    const onShard = (shard: [number, number]) => this.guilds.filter((g) => guildShard(g.id, shard[1]) === shard[0]);
    this.gateway = new LocalGateway(server, {
      token: this.token,
      ready: (sessionId, shard) => ({
        v: 10, user: botUser(this.botId), guilds: onShard(shard).map((g) => ({ id: g.id, unavailable: true })), session_id: sessionId, resume_gateway_url: this.gatewayUrl,
        shard, application: { id: this.applicationId, flags: 0 }, private_channels: [], relationships: [], presences: [], guild_join_requests: [], _trace: [],
      }),
      changed: () => this.changed(),
      guilds: (shard) => onShard(shard).map((g) => guildJson({
        ...g, roles: [{ id: g.id, name: "@everyone" }, this.taRole], channels: this.channels.filter((c) => c.guild === g.id),
      })),
    }, options.heartbeatMs ?? 5000);
  }

  /** Starts it on a free port of 127.0.0.1. */
  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    const made: { discord?: LocalDiscord } = {};
    const server = createServer((req, res) => {
      const discord = made.discord!;
      void handleRest(discord, req, res).catch((error: unknown) => {
        discord.violations.push(`the local Discord failed on ${req.method} ${req.url}: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    const discord = (made.discord = new LocalDiscord(server, options));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return discord;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** DISCORD_API_URL: discord.js adds `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** The environment that points the bot at this Discord. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { DISCORD_TOKEN: this.token, DISCORD_APPLICATION_ID: this.applicationId, DISCORD_GUILD_ID: this.guildId, DISCORD_TA_ROLE: this.taRole.name, DISCORD_API_URL: this.apiUrl, ...extra };
  }

  /** A text channel of a guild (the first guild by default) by name. */
  channel(name: string, guild = this.guildId): FakeChannel {
    const found = this.channels.find((c) => c.name === name && c.guild === guild);
    if (!found) throw new Error(`no channel #${name}`);
    return found;
  }

  /** A person of the guild (a TA when `ta`), or outside it. */
  addUser(username: string, options: { ta?: boolean; dmsClosed?: boolean; outsider?: boolean; globalName?: string } = {}): FakeUser {
    const user: FakeUser = {
      id: snowflake(), username, globalName: options.globalName ?? username[0]!.toUpperCase() + username.slice(1),
      roles: options.ta ? [this.taRole.id] : [], dmsClosed: options.dmsClosed, outsider: options.outsider,
    };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * Sends an INTERACTION_CREATE (in the first guild unless `guild` names another) to the bot's
   * connection of that guild's shard and records it; throws when no bot is connected there.
   */
  send(user: FakeUser, kind: InteractionKind, options: { channel?: string; guild?: string } = {}): Exchange {
    const guildId = options.guild ?? this.guildId;
    const channel = options.channel === "dm" ? this.dmChannel(user) : this.channel(options.channel ?? "general", guildId);
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const world = { applicationId: this.applicationId, guildId, botId: this.botId, commands: this.commands, upload: (c: string, f: StoredFile) => this.upload(c, f) };
    const payload = buildInteraction(world, { id, token, user, channel, kind });
    const exchange: Exchange = { id, token, type: payload.type as number, user, sentAt: Date.now(), payload, callbacks: [], followUps: [] };
    this.exchanges.set(id, exchange);
    this.byToken.set(token, exchange);
    this.deliver(exchange);
    return exchange;
  }

  /** Sends the same INTERACTION_CREATE again, as Discord may after a reconnect. */
  deliver(exchange: Exchange): void {
    const guild = typeof exchange.payload.guild_id === "string" ? exchange.payload.guild_id : undefined;
    if (!this.gateway.dispatch("INTERACTION_CREATE", exchange.payload, guild)) throw new Error("no bot is connected to the local gateway for this guild's shard");
  }

  /** A person's direct-message channel with the bot (made on first use). */
  dmChannel(user: FakeUser): FakeChannel {
    const existing = this.channels.find((c) => c.type === 1 && c.recipient === user.id);
    if (existing) return existing;
    const dm: FakeChannel = { id: snowflake(), type: 1, recipient: user.id };
    this.channels.push(dm);
    return dm;
  }

  /** Puts a file on the CDN, as Discord does with an attachment; returns its URL. */
  upload(channelId: string, file: StoredFile): { id: string; url: string } {
    const id = snowflake();
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    this.cdn.set(path, file);
    return { id, url: `http://127.0.0.1:${this.port}${path}` };
  }

  /** Messages posted in a channel (or a person's direct messages). */
  postsIn(channel: FakeChannel): StoredMessage[] {
    return this.channelMessages.filter((m) => m.channelId === channel.id && !m.deleted);
  }

  /** Resolves with `check()`'s first truthy value, looked at after every request the bot makes. */
  async until<T>(check: () => T | undefined | null | false, timeoutMs = 10_000, what = "the condition"): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(look);
        reject(new Error(`local Discord: ${what} did not happen within ${timeoutMs} ms`));
      }, timeoutMs);
      const look = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.listeners.delete(look);
        resolve(value);
      };
      this.listeners.add(look);
    });
  }

  /** The first callback of an exchange (what the 3-second rule is about). */
  firstCallback(exchange: Exchange): Promise<Exchange["callbacks"][number]> {
    return this.until(() => exchange.callbacks[0], 10_000, `a callback to interaction ${exchange.id}`);
  }

  /** Called by the REST handler after each request. */
  changed(): void {
    for (const look of [...this.listeners]) look();
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts a local Discord (for tests of either platform that need one). */
export function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  return LocalDiscord.start(options);
}
