// Messages timed work hands over (announcements, regrade requests and decisions, exam reports):
// posted to a channel of the course's guild or sent by direct message; a failure throws, so timed
// work keeps the delivery and tries again.
import { ChannelType, type Client, DiscordAPIError, type Guild, type GuildTextBasedChannel, RESTJSONErrorCodes } from "discord.js";
import type { CourseDelivery } from "../../core/chat/reply.ts";
import type { Logger } from "../../logger.ts";
import { type FormMemory, renderForDiscord, sendOptions } from "./discord-payload.ts";
import { guildOf } from "./discord-people.ts";
import type { RepliableInteraction } from "./discord-responder.ts";

/** An interaction token allows follow-ups for 15 minutes; a minute is kept as margin. */
const TOKEN_USABLE_MS = 14 * 60_000;

/**
 * Each person's latest interaction in each course, while its token can still post: when their DMs
 * are closed, a message for them goes there as an ephemeral follow-up (only they see it, in the
 * channel they last used the tutor in).
 */
export class RecentInteractions {
  private readonly latest = new Map<string, { interaction: RepliableInteraction; until: number }>();

  remember(course: string, userId: string, interaction: RepliableInteraction): void {
    this.latest.set(`${course}|${userId}`, { interaction, until: interaction.createdTimestamp + TOKEN_USABLE_MS });
    if (this.latest.size > 5000) this.prune();
  }

  get(course: string, userId: string): RepliableInteraction | null {
    const found = this.latest.get(`${course}|${userId}`);
    return found && found.until > Date.now() ? found.interaction : null;
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, value] of this.latest) if (value.until <= now) this.latest.delete(key);
  }
}

/**
 * A channel of the guild by what a delivery names: an id, a `<#id>` mention, or a name (a leading
 * `#` and case ignored). Only channels the bot can post text in.
 */
export function findChannel(guild: Guild, named: string): GuildTextBasedChannel | null {
  const raw = named.trim();
  const id = /^<#(\d+)>$/.exec(raw)?.[1] ?? (/^\d{15,21}$/.test(raw) ? raw : null);
  const name = raw.replace(/^#/, "").toLowerCase();
  const channel = id ? guild.channels.cache.get(id) : guild.channels.cache.find((c) => c.name.toLowerCase() === name && c.type === ChannelType.GuildText);
  return channel?.isTextBased() ? channel : null;
}

export class DiscordDeliveries {
  constructor(
    private readonly client: Client,
    private readonly forms: FormMemory,
    private readonly recent: RecentInteractions,
    private readonly logger: Logger,
  ) {}

  async deliver({ course, to, reply }: CourseDelivery): Promise<void> {
    const guildId = guildOf(course);
    const guild = guildId ? this.client.guilds.cache.get(guildId) : undefined;
    if (!guild) throw new Error(`the bot is not in the guild of ${course}`);
    if ("channel" in to) {
      const channel = findChannel(guild, to.channel);
      if (!channel) throw new Error(`no text channel "${to.channel}" in ${guild.name}`);
      for (const message of renderForDiscord({ ...reply, visibility: "public" }, { forms: this.forms })) {
        await channel.send(sendOptions(message, { ephemeral: false }));
      }
      return;
    }
    const userId = /^discord:(\d+)$/.exec(to.user)?.[1];
    if (!userId) throw new Error(`not a Discord user: ${to.user}`);
    // Buttons in a DM carry the guild: a click there has no guild of its own.
    const messages = renderForDiscord({ ...reply, visibility: "public" }, { guild: guild.id, forms: this.forms });
    try {
      const dm = await this.client.users.createDM(userId);
      for (const message of messages) await dm.send(sendOptions(message, { ephemeral: false }));
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)) throw error;
      const interaction = this.recent.get(course, to.user);
      if (!interaction) throw new Error(`${to.user} does not accept direct messages and has no recent interaction to follow up on`, { cause: error });
      for (const message of renderForDiscord({ ...reply, visibility: "private" }, { forms: this.forms })) await interaction.followUp(sendOptions(message));
      this.logger.info("delivered as an ephemeral follow-up (DMs closed)", { course, user: to.user, interaction: interaction.id });
    }
  }
}
