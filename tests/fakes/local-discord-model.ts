// The local Discord's world: snowflakes, people, channels, messages and interactions as Discord's
// API writes them, so the real discord.js builds its structures from them unchanged.

/** Discord's epoch (2015-01-01), from which snowflakes count milliseconds. */
const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** A snowflake id as Discord makes them (time in the high bits): 18-19 digits, increasing. */
export function snowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence).toString();
}

/** The shard a guild is on, as Discord assigns it: (guild_id >> 22) % count. */
export function guildShard(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A new snowflake for a guild that Discord puts on `shard` of `count` (its time moved up to count-1 ms). */
export function snowflakeOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const time = id >> 22n;
  const ahead = (BigInt(shard) - (time % BigInt(count)) + BigInt(count)) % BigInt(count);
  return (((time + ahead) << 22n) | (id & 0x3fffffn)).toString();
}

/** A person of the local guild. */
export interface FakeUser {
  id: string;
  username: string;
  /** The display name people chose (Discord's `global_name`). */
  globalName: string;
  roles: string[];
  /** Their privacy settings refuse direct messages from the bot (Discord error 50007). */
  dmsClosed?: boolean;
  /** Not a member of the guild (a stranger reaching the bot by a direct message). */
  outsider?: boolean;
}

export interface FakeChannel {
  id: string;
  /** 0 guild text channel, 1 direct message. */
  type: 0 | 1;
  name?: string;
  /** The guild of a guild text channel. */
  guild?: string;
  /** The other person of a direct message. */
  recipient?: string;
}

/** A file as the local Discord keeps it: what was uploaded, for assertions. */
export interface StoredFile {
  filename: string;
  contentType: string;
  description?: string;
  data: Buffer;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<{ type: number; components: Array<Record<string, unknown>> }>;
  flags: number;
  files: StoredFile[];
  allowedMentions: unknown;
  /** How it was sent: an interaction callback, an interaction webhook (edit or follow-up), or a channel post. */
  via: "callback" | "webhook" | "channel";
  interactionId?: string;
  deleted: boolean;
  at: number;
}

/** One callback the bot made to an interaction, with the status the local Discord answered. */
export interface CallbackRecord {
  type: number;
  data: Record<string, unknown> | undefined;
  at: number;
  status: number;
  withResponse: boolean;
}

/** An interaction the test sent and everything the bot did with it. */
export interface Exchange {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  user: FakeUser;
  sentAt: number;
  payload: Record<string, unknown>;
  callbacks: CallbackRecord[];
  /** The first response message (a reply, or a deferred one once edited). */
  original?: StoredMessage;
  /** A deferral was made and not yet edited. */
  deferred?: { flags: number };
  followUps: StoredMessage[];
}

/** The messages of an exchange a person sees, in order: the response (unless deleted) and the follow-ups. */
export function visibleMessages(x: Exchange): StoredMessage[] {
  return [...(x.original && !x.original.deleted ? [x.original] : []), ...x.followUps.filter((m) => !m.deleted)];
}

export const botUser = (id: string) => ({ id, username: "tutor", global_name: "Exam Tutor", discriminator: "0", avatar: null, bot: true, flags: 0 });

export const userJson = (u: FakeUser) => ({ id: u.id, username: u.username, global_name: u.globalName, discriminator: "0", avatar: null, public_flags: 0 });

export function memberJson(u: FakeUser, permissions = "2248473465835073") {
  return { user: userJson(u), nick: null, roles: u.roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, pending: false, permissions, avatar: null };
}

/** A message as Discord's API returns it. */
export function messageJson(m: StoredMessage, applicationId: string, author: Record<string, unknown>): Record<string, unknown> {
  return {
    id: m.id, type: m.interactionId ? 20 : 0, channel_id: m.channelId, author, content: m.content, embeds: m.embeds, components: m.components,
    attachments: m.files.map((f, i) => ({ id: `${m.id}${i}`, filename: f.filename, size: f.data.length, url: `attachment://${f.filename}`, proxy_url: "", content_type: f.contentType, description: f.description })),
    flags: m.flags, timestamp: new Date(m.at).toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false,
    ...(m.via === "channel" ? {} : { webhook_id: applicationId, application_id: applicationId }),
  };
}

/** A guild's roles and channels as GUILD_CREATE carries them. */
export function guildJson(guild: { id: string; name: string; ownerId: string; roles: { id: string; name: string }[]; channels: FakeChannel[] }) {
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, owner_id: guild.ownerId, afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, features: [],
    system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, public_updates_channel_id: null, preferred_locale: "en-US", application_id: null,
    roles: guild.roles.map((r, i) => ({ id: r.id, name: r.name, color: 0, hoist: false, icon: null, unicode_emoji: null, position: i, permissions: i === 0 ? "2248473465835073" : "0", managed: false, mentionable: false, flags: 0 })),
    channels: guild.channels.map((c, i) => ({ id: c.id, type: 0, guild_id: guild.id, name: c.name, position: i, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0 })),
    emojis: [], stickers: [], members: [], member_count: 3, large: false, unavailable: false, joined_at: new Date(0).toISOString(), threads: [], presences: [], voice_states: [],
    stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [], premium_subscription_count: 0, max_video_channel_users: 25, nsfw: false,
  };
}
