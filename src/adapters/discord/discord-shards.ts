// Discord shards: which of the bot's gateway shards this process runs (DISCORD_SHARDS and
// DISCORD_SHARD_IDS), and so whether it is the one process that publishes the commands.

/** The shard settings the configuration gives (already validated by src/config.ts). */
export interface ShardConfig {
  /** `auto` (Discord's recommended count, every shard in this process), a count, or unset (one shard). */
  DISCORD_SHARDS?: "auto" | number | undefined;
  /** The shards of DISCORD_SHARDS this process runs; all of them when unset. */
  DISCORD_SHARD_IDS?: number[] | undefined;
}

/** What discord.js's Client takes: `shards` and `shardCount`, or nothing for a single shard. */
export type ClientShardOptions = { shards: "auto" } | { shards: number[]; shardCount: number } | Record<string, never>;

/** The Client's shard options for this process. */
export function clientShardOptions(config: ShardConfig): ClientShardOptions {
  if (config.DISCORD_SHARDS === undefined) return {};
  if (config.DISCORD_SHARDS === "auto") return { shards: "auto" };
  const count = config.DISCORD_SHARDS;
  return { shards: config.DISCORD_SHARD_IDS ?? Array.from({ length: count }, (_, i) => i), shardCount: count };
}

/** Whether this process runs shard 0, the one that publishes the commands (so they are published once). */
export function runsShardZero(config: ShardConfig): boolean {
  return config.DISCORD_SHARD_IDS === undefined || config.DISCORD_SHARD_IDS.includes(0);
}
