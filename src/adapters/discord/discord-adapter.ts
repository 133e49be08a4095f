// The Discord bot: discord.js over the gateway, one guild a course. It logs in, publishes the
// commands when Discord's differ, turns interactions into commands and posts timed work's messages.
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Config } from "../../config.ts";
import type { Adapter } from "../../core/chat/adapter.ts";
import type { CourseDelivery, DeliveryTarget } from "../../core/chat/reply.ts";
import { preloadMathJax } from "../../render/latex-to-png.ts";
import type { PlatformDeps } from "../platform-deps.ts";
import { discordCommands, syncCommands } from "./discord-commands.ts";
import { DiscordDeliveries, RecentInteractions } from "./discord-deliveries.ts";
import { discordTransport } from "./discord-transport.ts";
import { DiscordInteractions } from "./discord-interactions.ts";
import { FormMemory } from "./discord-payload.ts";
import { guildOf, taRoleId } from "./discord-people.ts";
import { clientShardOptions, runsShardZero } from "./discord-shards.ts";
import { exemptInteractionReplies } from "./interaction-rest.ts";

/** Discord's own API; DISCORD_API_URL replaces it (a local Discord in tests). */
export const DISCORD_API = "https://discord.com/api";
/** Connections to Discord kept open at most: further requests wait for one. */
const MAX_CONNECTIONS = 32;

export interface DiscordAdapterOptions {
  /** Work longer than this is deferred; default DISCORD_DEFER_MS. */
  deferAfterMs?: number;
}

/**
 * The Discord adapter `npm start` runs when DISCORD_TOKEN is set. Only the Guilds intent: slash
 * commands, buttons and modals arrive as interactions whatever the intents, and the guild's roles
 * and channels come with GUILD_CREATE; no privileged intent is needed.
 */
export function createDiscordAdapter(config: Config, deps: PlatformDeps, options: DiscordAdapterOptions = {}): Adapter {
  return new DiscordAdapter(config, deps, options);
}

class DiscordAdapter implements Adapter {
  readonly name = "discord";
  private readonly client: Client;
  private readonly interactions: DiscordInteractions;
  private readonly deliveries: DiscordDeliveries;
  private stopping = false;

  constructor(private readonly config: Config, private readonly deps: PlatformDeps, options: DiscordAdapterOptions) {
    const api = config.DISCORD_API_URL ?? DISCORD_API;
    // One small pool of connections for every request to Discord (see discord-transport.ts).
    const transport = discordTransport(MAX_CONNECTIONS);
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // DISCORD_SHARDS / DISCORD_SHARD_IDS: the shards this process runs; its guilds are theirs alone.
      ...clientShardOptions(config),
      // Node's HTTP client, not discord.js's undici: file uploads keep working when Bolt's newer undici is loaded too (DESIGN.md).
      rest: { api, makeRequest: transport as never },
      allowedMentions: { parse: [] },
    });
    if (config.DISCORD_APPLICATION_ID) exemptInteractionReplies(this.client, api, config.DISCORD_APPLICATION_ID, transport);
    const forms = new FormMemory();
    const recent = new RecentInteractions();
    this.interactions = new DiscordInteractions(deps, { forms, recent, taRole: config.DISCORD_TA_ROLE, guildId: config.DISCORD_GUILD_ID, deferAfterMs: options.deferAfterMs ?? config.DISCORD_DEFER_MS });
    this.deliveries = new DiscordDeliveries(this.client, forms, recent, deps.logger);
    this.client.on(Events.InteractionCreate, (interaction) => this.interactions.accept(interaction));
    this.client.on(Events.Error, (error) => deps.logger.error("discord client error", { error }));
    // discord.js reconnects by itself; these say why a reply may be late. Leaving on stop is not news.
    this.client.on(Events.ShardDisconnect, (event, shard) => this.stopping || deps.logger.warn("discord gateway closed", { shard, code: event.code }));
    this.client.on(Events.ShardReconnecting, (shard) => this.stopping || deps.logger.warn("discord gateway reconnecting", { shard }));
  }

  /**
   * A course is this process's when its guild came on one of its shards (Discord puts a guild on
   * shard (guild_id >> 22) % count and sends GUILD_CREATE there only), so each process owns its own.
   */
  owns(course: string, _to: DeliveryTarget): boolean {
    const guild = guildOf(course);
    return guild !== null && this.client.guilds.cache.has(guild);
  }

  /**
   * Logs in and waits until the guilds (of this process's shards) are known, then publishes the
   * commands if they changed: only the process of shard 0 does, so they are published once.
   */
  async start(): Promise<void> {
    const { logger } = this.deps;
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    const login = this.client.login(this.config.DISCORD_TOKEN);
    // MathJax's start-up (about half a second of CPU) would otherwise fall on the first question with
    // a formula, inside Discord's 3 seconds; done here, it overlaps the wait for the gateway.
    preloadMathJax();
    await login;
    await ready;
    const guilds = [...this.client.guilds.cache.values()];
    logger.info("discord ready", { user: this.client.user?.id, application: this.config.DISCORD_APPLICATION_ID, shards: this.client.options.shards, guilds: guilds.map((g) => g.id) });
    for (const guild of guilds) {
      if (this.config.DISCORD_TA_ROLE && !taRoleId(guild, this.config.DISCORD_TA_ROLE)) {
        logger.warn("the TA role is not in this guild: nobody there gets TA commands from Discord", { guild: guild.id, role: this.config.DISCORD_TA_ROLE });
      }
    }
    if (!this.config.DISCORD_TA_ROLE) logger.warn("DISCORD_TA_ROLE is not set: nobody gets TA commands from a Discord role");
    if (!runsShardZero(this.config)) {
      logger.info("discord commands left to the process of shard 0", { shards: this.config.DISCORD_SHARD_IDS });
      return;
    }
    const scope = { applicationId: this.config.DISCORD_APPLICATION_ID!, ...(this.config.DISCORD_GUILD_ID ? { guildId: this.config.DISCORD_GUILD_ID } : {}) };
    const outcome = await syncCommands(this.client.rest, scope, discordCommands(this.deps.dispatcher.commands));
    logger.info(outcome === "published" ? "discord commands published" : "discord commands up to date", { scope: scope.guildId ?? "global" });
  }

  /** Stops taking interactions, lets those running be answered, then leaves the gateway. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.interactions.drain();
    await this.client.destroy();
  }

  deliver(delivery: CourseDelivery): Promise<void> {
    return this.deliveries.deliver(delivery);
  }
}
