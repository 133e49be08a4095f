// Who is behind an interaction, in the tutor's terms: the course (the guild), the person, their roles.
import { DiscordAPIError, type Guild, type GuildMember, type Interaction, RESTJSONErrorCodes } from "discord.js";
import type { Person, Role } from "../../core/chat/command-input.ts";
import { verbatim } from "../../core/chat/reply.ts";
import { UserError } from "../../core/errors.ts";

/** The course of a guild: `discord:<guildId>`. */
export const courseOf = (guildId: string): string => `discord:${guildId}`;
/** The guild of a course, or null when the course is not Discord's. */
export const guildOf = (course: string): string | null => (/^discord:(\d+)$/.exec(course)?.[1] ?? null);
/** A person's tutor id: `discord:<userId>`. */
export const personId = (userId: string): string => `discord:${userId}`;

export interface Who {
  course: string;
  guild: Guild;
  user: Person;
  roles: Role[];
  /** The channel's name where the command was typed (announcements posted "here" go there). */
  channel?: string;
}

export interface PeopleConfig {
  /** DISCORD_TA_ROLE: a role id, or a role name looked up in the guild. */
  taRole?: string;
  /** DISCORD_GUILD_ID: the course of a command typed outside any guild, when set. */
  guildId?: string;
}

/**
 * The TA role's id in this guild: DISCORD_TA_ROLE as an id, or the role of that name (case and a
 * leading @ ignored). Looked up each time, so a renamed or re-created role works without a restart.
 */
export function taRoleId(guild: Guild, taRole: string | undefined): string | null {
  if (!taRole) return null;
  if (/^\d{15,21}$/.test(taRole)) return taRole;
  const wanted = taRole.replace(/^@/, "").trim().toLowerCase();
  return guild.roles.cache.find((r) => r.name.toLowerCase() === wanted)?.id ?? null;
}

/**
 * The course, person and roles of an interaction. In a guild, the member's roles come with the
 * interaction. Outside one (a button in a direct message), the guild comes from the message's
 * custom_id, and membership and roles are asked of Discord: someone who left the server is refused,
 * and a TA still resolves a regrade from a DM.
 */
export async function whoIs(interaction: Interaction, config: PeopleConfig, encodedGuild?: string): Promise<Who> {
  const guildId = interaction.guildId ?? encodedGuild ?? config.guildId;
  const guild = guildId ? interaction.client.guilds.cache.get(guildId) : undefined;
  if (!guild) throw new UserError("no-course", "I work inside the course's Discord server: use my commands there (type / in one of its channels).");
  // The guild is cached here, so an interaction in it carries a full member; from a DM, Discord is asked.
  const member = interaction.inCachedGuild() ? interaction.member : await fetchMember(guild, interaction.user.id);
  const ta = taRoleId(guild, config.taRole);
  const channel = interaction.channel && "name" in interaction.channel && interaction.channel.name ? interaction.channel.name : undefined;
  return {
    course: courseOf(guild.id),
    guild,
    user: { id: personId(interaction.user.id), name: member.displayName },
    roles: ta && member.roles.cache.has(ta) ? ["ta"] : ["student"],
    ...(channel ? { channel } : {}),
  };
}

async function fetchMember(guild: Guild, userId: string): Promise<GuildMember> {
  try {
    return await guild.members.fetch({ user: userId, force: true });
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember) {
      throw new UserError("not-a-member", `You are not a member of the course server ${verbatim(guild.name)} any more, so I cannot act for you there.`);
    }
    throw error;
  }
}
