import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** The repository root, so defaults work whatever the current directory is. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_PORT: port.default(3000),
  SLACK_API_URL: url,
  SLACK_TA_USERS: z.string().default("").transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean)),
});

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
  if (c.DISCORD_TOKEN) {
    if (!c.DISCORD_APPLICATION_ID) throw new ConfigError("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set.");
    platforms.push("discord");
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
