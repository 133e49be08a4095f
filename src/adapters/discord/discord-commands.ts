// The registry's commands as Discord application commands, and their publication (guild or global),
// done only when what Discord has differs from what the registry says.
import type { REST } from "discord.js";
import { Routes } from "discord.js";
import type { CommandDefinition, OptionDefinition } from "../../core/chat/command-definition.ts";
import { SUGGESTED_OPTIONS } from "../../core/chat/option-suggestions.ts";
import { truncate } from "../../render/split-message.ts";

/** Application command option types (Discord API): string, integer, boolean, attachment. */
const OPTION_TYPES = { string: 3, integer: 4, boolean: 5 } as const;
const ATTACHMENT = 11;
/** Discord's limits: descriptions of 100 characters, 25 choices, 6,000 characters of a string option. */
const DESCRIPTION_MAX = 100;
const CHOICES_MAX = 25;
const STRING_MAX = 6000;
/** The only interaction context the tutor works in: the guild is the course (0 = guild). */
const GUILD_ONLY = [0];
/** Installed to a server, not to a user's account (0 = guild install). */
const GUILD_INSTALL = [0];
/**
 * TA commands are hidden from everyone but administrators until the server lets the TA role use
 * them (Server Settings > Integrations): "0" requires no permission bit anyone has by a role alone.
 * The adapter still checks the role on every TA command, whatever Discord showed.
 */
const TA_PERMISSIONS = "0";

export interface DiscordOptionJson {
  type: number;
  name: string;
  description: string;
  required: boolean;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean;
  max_length?: number;
}

export interface DiscordCommandJson {
  type: 1;
  name: string;
  description: string;
  options: DiscordOptionJson[];
  default_member_permissions: string | null;
  contexts: number[];
  integration_types: number[];
}

/** The slash commands of the registry: hidden ones (reached by buttons) left out. */
export function discordCommands(definitions: readonly CommandDefinition<unknown>[]): DiscordCommandJson[] {
  return definitions.filter((c) => !c.hidden).map((c) => ({
    type: 1,
    name: c.name,
    description: truncate(c.description, DESCRIPTION_MAX),
    options: [
      // Discord requires the required options first; options arrive by name, so order is free.
      ...[...c.options.filter((o) => o.required), ...c.options.filter((o) => !o.required)].map(option),
      ...(c.file ? [{ type: ATTACHMENT, name: c.file.name, description: truncate(c.file.description, DESCRIPTION_MAX), required: false }] : []),
    ],
    default_member_permissions: c.access === "ta" ? TA_PERMISSIONS : null,
    contexts: GUILD_ONLY,
    integration_types: GUILD_INSTALL,
  }));
}

function option(o: OptionDefinition): DiscordOptionJson {
  const json: DiscordOptionJson = { type: OPTION_TYPES[o.type], name: o.name, description: truncate(o.description, DESCRIPTION_MAX), required: o.required };
  if (o.choices?.length) json.choices = o.choices.slice(0, CHOICES_MAX).map((c) => ({ name: c, value: c }));
  // Autocomplete and fixed choices exclude each other on Discord.
  else if (o.type === "string" && (SUGGESTED_OPTIONS as readonly string[]).includes(o.name)) json.autocomplete = true;
  if (o.type === "string" && o.maxLength !== undefined) json.max_length = Math.min(o.maxLength, STRING_MAX);
  return json;
}

/**
 * A command as compared: Discord answers with ids, versions, localisations and defaults the
 * registry never sets (`required: false` left out, `autocomplete` only when true), so both sides
 * are reduced to what the registry decides.
 */
function comparable(command: Record<string, unknown>): unknown {
  const options = Array.isArray(command.options) ? (command.options as Record<string, unknown>[]) : [];
  return {
    name: command.name,
    description: command.description,
    type: command.type ?? 1,
    default_member_permissions: command.default_member_permissions ?? null,
    contexts: Array.isArray(command.contexts) ? [...(command.contexts as number[])].sort() : null,
    integration_types: Array.isArray(command.integration_types) ? [...(command.integration_types as number[])].sort() : [0],
    options: options.map((o) => ({
      type: o.type,
      name: o.name,
      description: o.description,
      required: o.required === true,
      choices: Array.isArray(o.choices) ? (o.choices as { name: string; value: unknown }[]).map((c) => ({ name: c.name, value: c.value })) : [],
      autocomplete: o.autocomplete === true,
      max_length: o.max_length ?? null,
    })),
  };
}

/** Whether Discord's published commands are the registry's, whatever their order. */
export function sameCommands(published: readonly Record<string, unknown>[], wanted: readonly DiscordCommandJson[]): boolean {
  const key = (list: readonly Record<string, unknown>[]) =>
    JSON.stringify(list.map((c) => comparable(c)).sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name))));
  return key(published) === key(wanted as unknown as Record<string, unknown>[]);
}

export interface CommandScope {
  applicationId: string;
  /** Register in this guild only (updated at once); global otherwise (Discord may take a while). */
  guildId?: string;
}

/**
 * Publishes the registry's commands in the scope, unless Discord already has exactly them (`force`
 * publishes anyway). One bulk overwrite: commands the registry dropped disappear too.
 */
export async function syncCommands(rest: REST, scope: CommandScope, wanted: readonly DiscordCommandJson[], options: { force?: boolean } = {}): Promise<"published" | "unchanged"> {
  const route = scope.guildId ? Routes.applicationGuildCommands(scope.applicationId, scope.guildId) : Routes.applicationCommands(scope.applicationId);
  if (!options.force) {
    const published = (await rest.get(route)) as Record<string, unknown>[];
    if (sameCommands(published, wanted)) return "unchanged";
  }
  await rest.put(route, { body: wanted });
  return "published";
}
