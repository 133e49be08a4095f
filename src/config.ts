import path from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "./repo-root.ts";

export { REPO_ROOT };
export const DEFAULT_DB = path.join(REPO_ROOT, "data", "tutor.db");
export const DEFAULT_BANKS = path.join(REPO_ROOT, "data", "banks");

const optionalText = z.string().trim().min(1).optional();
const port = z.coerce.number().int().min(1).max(65535);
const url = z.url().optional();
/** An IANA time zone name Intl knows, e.g. America/Los_Angeles. */
const timeZone = z.string().trim().min(1).refine((name) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}, "not a time zone; use an IANA name such as America/Los_Angeles or UTC");

const Env = z.object({
  TUTOR_DB: z.string().trim().min(1).default(DEFAULT_DB),
  /** PostgreSQL instead of the SQLite file of TUTOR_DB, e.g. postgres://tutor@db.example.edu:5432/tutor. */
  TUTOR_DATABASE_URL: optionalText,
  TUTOR_BANKS: z.string().trim().min(1).default(DEFAULT_BANKS),
  /** The course's time zone: times are read and shown in it. */
  TUTOR_TIMEZONE: timeZone.default("UTC"),
  /** How the course's student IDs look, as a regular expression (default: nine digits). */
  TUTOR_SID_PATTERN: z.string().trim().min(1).refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, "not a regular expression, e.g. ^\\d{9}$").optional(),
  /** Answers a student may send per minute (a person typing, not a script); 0 turns the limit off. */
  TUTOR_ANSWER_LIMIT: z.coerce.number().int().min(0).max(10_000).default(30),
  /** How often timed work looks for due announcements, deadlines and undelivered messages. */
  TUTOR_SWEEP_SECONDS: z.coerce.number().min(0.05).max(3600).default(15),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_TA_ROLE: optionalText,
  DISCORD_API_URL: url,
  /** Milliseconds of work after which the Discord adapter defers its reply (Discord allows 3 s in all). */
  DISCORD_DEFER_MS: z.coerce.number().int().min(0).max(2500).default(1000),
  /** Gateway shards of the bot: `auto` (Discord's recommended count, all in this process) or the total count. */
  DISCORD_SHARDS: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(65_536)], "use auto or a shard count such as 2").optional(),
  /** The shards of DISCORD_SHARDS this process runs, e.g. 0,1 (default all); only shard 0's process publishes the commands. */
  DISCORD_SHARD_IDS: z.string().trim().regex(/^\d+(\s*,\s*\d+)*$/, "shard ids separated by commas, e.g. 0,1")
    .transform((s) => [...new Set(s.split(",").map((id) => Number(id.trim())))]).optional(),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_PORT: port.default(3000),
  SLACK_API_URL: url,
  SLACK_TA_USERS: z.string().default("").transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean)),
  /** Slack's OAuth flow (many workspaces): the app's client id and secret, from its Basic Information page. */
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  /** Signs the OAuth flow's state (any long random text). */
  SLACK_STATE_SECRET: optionalText,
  /** Encrypts the workspaces' bot tokens at rest: 32 random bytes in base64 or hex (`openssl rand -base64 32`). */
  SLACK_TOKEN_KEY: z.string().trim().min(1).transform((text, ctx) => {
    const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : /^[A-Za-z0-9+/]{43}=?$/.test(text) ? Buffer.from(text, "base64") : null;
    if (key?.length === 32) return key;
    ctx.addIssue({ code: "custom", message: "not a 32-byte key in base64 or hex; make one with `openssl rand -base64 32`" });
    return z.NEVER;
  }).optional(),
});

/** The variables that together turn on Slack's OAuth flow (installs in many workspaces). */
const SLACK_OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_TOKEN_KEY"] as const;

/** Whether the Slack adapter runs Slack's OAuth flow (all of SLACK_OAUTH_VARIABLES set, checked by `loadConfig`). */
export function slackOAuthMode(config: Config): boolean {
  return SLACK_OAUTH_VARIABLES.every((name) => config[name] !== undefined);
}

/** Validated configuration: built once at start by `loadConfig`, then passed down. */
export type Config = z.infer<typeof Env> & { platforms: Array<"discord" | "slack" | "console"> };

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment once; fails fast with a message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  // Not echoed: the URL may carry a password.
  if (c.TUTOR_DATABASE_URL && !/^postgres(ql)?:\/\//.test(c.TUTOR_DATABASE_URL)) {
    throw new ConfigError("TUTOR_DATABASE_URL must start with postgres:// or postgresql:// (e.g. postgres://tutor@localhost:5432/tutor); unset it to use the SQLite file of TUTOR_DB.");
  }
  const platforms: Config["platforms"] = [];
  if (c.DISCORD_SHARD_IDS) {
    const count = c.DISCORD_SHARDS;
    if (typeof count !== "number") throw new ConfigError("DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total shard count (e.g. DISCORD_SHARDS=2 DISCORD_SHARD_IDS=0).");
    const outside = c.DISCORD_SHARD_IDS.filter((id) => id >= count);
    if (outside.length) throw new ConfigError(`DISCORD_SHARD_IDS: shard ${outside.join(", ")} is not below DISCORD_SHARDS (${count}); shards count from 0.`);
  }
  if (c.DISCORD_TOKEN) {
    if (!c.DISCORD_APPLICATION_ID) throw new ConfigError("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set.");
    platforms.push("discord");
  }
  const oauthSet = SLACK_OAUTH_VARIABLES.filter((name) => c[name] !== undefined);
  if (oauthSet.length > 0) {
    const missing = SLACK_OAUTH_VARIABLES.filter((name) => c[name] === undefined);
    if (missing.length) throw new ConfigError(`Slack's OAuth flow needs ${SLACK_OAUTH_VARIABLES.join(", ")}; missing: ${missing.join(", ")}.`);
    if (c.SLACK_BOT_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN (one workspace) and the SLACK_CLIENT_ID... variables (OAuth, many workspaces) exclude each other: unset one.");
    if (!c.SLACK_SIGNING_SECRET) throw new ConfigError("SLACK_SIGNING_SECRET is required for Slack's OAuth flow (it runs over HTTP, on SLACK_PORT).");
    if (c.SLACK_APP_TOKEN) throw new ConfigError("Slack's OAuth flow runs over HTTP: unset SLACK_APP_TOKEN (Socket Mode serves one workspace with SLACK_BOT_TOKEN).");
    platforms.push("slack");
  }
  if (c.SLACK_BOT_TOKEN) {
    if (!c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      throw new ConfigError("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required when SLACK_BOT_TOKEN is set.");
    }
    platforms.push("slack");
  }
  if (platforms.length === 0) platforms.push("console");
  return { ...c, platforms };
}

/**
 * The configuration of a program people start (the bot, scripts): parsed once; a bad variable is
 * written as the one message naming it, and the caller exits 1 (null).
 */
export function configOrReport(env: Record<string, string | undefined>, report: (message: string) => void): Config | null {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.message);
    return null;
  }
}
