// INTERACTION_CREATE payloads as Discord sends them: a slash command (typed by the registered
// command's option types), autocomplete, a button click on a message, a modal submission.
import {
  botUser, type FakeChannel, type FakeUser, memberJson, messageJson, type StoredFile, type StoredMessage, userJson,
} from "./local-discord-model.ts";

export type InteractionKind =
  | { type: "command"; name: string; options?: Record<string, string | number | boolean>; attachment?: { option: string; file: StoredFile } }
  | { type: "autocomplete"; name: string; options?: Record<string, string>; focused: string }
  | { type: "button"; message: StoredMessage; customId: string }
  | { type: "modal"; customId: string; values: Record<string, string> };

/** What the builder needs from the local Discord. */
export interface InteractionWorld {
  applicationId: string;
  guildId: string;
  botId: string;
  commands: Map<string, Array<Record<string, unknown>>>;
  upload(channelId: string, file: StoredFile): { id: string; url: string };
}

const INTERACTION = { command: 2, button: 3, autocomplete: 4, modal: 5 } as const;
/** A member's permissions as interactions carry them: enough to use every command. */
const PERMISSIONS = "2248473465835073";

/** The published command `name` (guild commands first), or an error: the bot must have registered it. */
function registered(world: InteractionWorld, name: string): Record<string, unknown> {
  const found = [...(world.commands.get(world.guildId) ?? []), ...(world.commands.get("global") ?? [])].find((c) => c.name === name);
  if (!found) throw new Error(`/${name} is not registered with the local Discord`);
  return found;
}

function typedOptions(command: Record<string, unknown>, given: Record<string, string | number | boolean>, focused?: string) {
  const defs = (command.options ?? []) as Array<{ name: string; type: number }>;
  return Object.entries(given).map(([name, value]) => {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new Error(`/${String(command.name)} has no option ${name}`);
    // While a person types, Discord sends what is typed so far as a string, whatever the type.
    if (name === focused) return { name, type: def.type, value: String(value), focused: true };
    const typed = def.type === 4 ? Number(value) : def.type === 5 ? value === true || value === "true" : String(value);
    return { name, type: def.type, value: typed };
  });
}

export function buildInteraction(
  world: InteractionWorld,
  at: { id: string; token: string; user: FakeUser; channel: FakeChannel; kind: InteractionKind },
): Record<string, unknown> {
  const { id, token, user, channel, kind } = at;
  const inGuild = channel.type === 0;
  const base: Record<string, unknown> = {
    id, application_id: world.applicationId, token, version: 1, locale: "en-US", app_permissions: PERMISSIONS, entitlements: [],
    attachment_size_limit: 25 * 1024 * 1024, channel_id: channel.id,
    authorizing_integration_owners: inGuild ? { 0: world.guildId } : { 1: user.id },
    context: inGuild ? 0 : 1,
    ...(inGuild
      ? { guild_id: world.guildId, guild_locale: "en-US", guild: { id: world.guildId, locale: "en-US", features: [] }, channel: { id: channel.id, type: 0, guild_id: world.guildId, name: channel.name, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0 }, member: memberJson(user, PERMISSIONS) }
      : { channel: { id: channel.id, type: 1, recipients: [userJson(user)], flags: 0, last_message_id: null }, user: userJson(user) }),
  };
  switch (kind.type) {
    case "command": {
      const command = registered(world, kind.name);
      const options: Array<Record<string, unknown>> = typedOptions(command, kind.options ?? {});
      let resolved: Record<string, unknown> | undefined;
      if (kind.attachment) {
        const { id: fileId, url } = world.upload(channel.id, kind.attachment.file);
        options.push({ name: kind.attachment.option, type: 11, value: fileId });
        const f = kind.attachment.file;
        resolved = { attachments: { [fileId]: { id: fileId, filename: f.filename, size: f.data.length, url, proxy_url: url, content_type: f.contentType, ephemeral: true } } };
      }
      return { ...base, type: INTERACTION.command, data: { id: command.id, name: kind.name, type: 1, options, ...(resolved ? { resolved } : {}), ...(inGuild ? { guild_id: world.guildId } : {}) } };
    }
    case "autocomplete": {
      const command = registered(world, kind.name);
      return { ...base, type: INTERACTION.autocomplete, data: { id: command.id, name: kind.name, type: 1, options: typedOptions(command, kind.options ?? {}, kind.focused) } };
    }
    case "button":
      return { ...base, type: INTERACTION.button, data: { custom_id: kind.customId, component_type: 2 }, message: messageJson(kind.message, world.applicationId, botUser(world.botId)) };
    case "modal":
      return {
        ...base, type: INTERACTION.modal,
        data: { custom_id: kind.customId, components: Object.entries(kind.values).map(([field, value]) => ({ type: 1, components: [{ type: 4, custom_id: field, value }] })) },
      };
  }
}
