import { userInfo } from "node:os";
import { ConsoleAdapter } from "./adapters/console/console-adapter.ts";
import type { PlatformDeps } from "./adapters/platform-deps.ts";
import { type App, type ClosableStore, createApp } from "./app.ts";
import { type Config, configOrReport } from "./config.ts";
import type { Adapter } from "./core/chat/adapter.ts";
import { startupTrouble } from "./cli/startup-trouble.ts";
import { postgresStoreFor } from "./cli/store-access.ts";
import { jsonLogger, type Logger } from "./logger.ts";
import { serve } from "./serve.ts";

/**
 * The composition root: reads the configuration once, builds the app, starts the adapters the
 * configuration asks for, and stops them cleanly on SIGTERM or SIGINT. With no platform tokens,
 * that is the console chat; with Discord or Slack tokens, the bots (both in one process when both
 * are configured), logging JSON lines to stderr.
 */
async function main(): Promise<number> {
  const config = configOrReport(process.env, (message) => process.stderr.write(`${message}\n`));
  if (!config) return 1;
  const onPlatforms = !config.platforms.includes("console");
  const logger = jsonLogger((line) => process.stderr.write(`${line}\n`), [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET, config.TUTOR_DATABASE_URL]);
  let app: App;
  let store: ClosableStore | undefined;
  try {
    // PostgreSQL is opened (and migrated) here, before the app: createApp stays synchronous.
    store = await postgresStoreFor(config);
    app = createApp(config, { ...(onPlatforms ? { log: (line: string, fields?: Record<string, unknown>) => logger.error(line.split("\n")[0]!, fields) } : {}), store });
  } catch (error) {
    await store?.close();
    // A bank folder, bank, database file or server that cannot be used: one line naming it, no stack.
    const trouble = startupTrouble(error, config.TUTOR_DATABASE_URL ? "TUTOR_DATABASE_URL" : "TUTOR_DB");
    if (!trouble) throw error;
    process.stderr.write(`${trouble}\n`);
    return 1;
  }
  try {
    const adapters = onPlatforms ? await platformAdapters(app, config, logger) : [consoleAdapter(app)];
    const sweepMs = config.TUTOR_SWEEP_SECONDS * 1000;
    await serve(app, adapters, {
      signals: true, sweepMs,
      started: () => onPlatforms && logger.info("started", { adapters: adapters.map((a) => a.name) }),
      stopping: (signal) => {
        if (onPlatforms) logger.info("stopping", { signal, graceSeconds: STOP_GRACE_MS / 1000 });
        forceExitLater(onPlatforms ? logger : null);
      },
    });
    if (onPlatforms) logger.info("stopped");
  } finally {
    await app.close();
  }
  return 0;
}

/**
 * How long a stop may take before the process ends anyway: answers in flight finish within the
 * grading timeout, and a container manager kills after 10 s (Docker's default), so this comes first.
 */
const STOP_GRACE_MS = 8_000;

/**
 * Ends the process if the clean stop outlasts its grace, or at a second signal (a person pressing
 * Ctrl-C again). Nothing acknowledged is lost then: a reply is sent only after its answer is
 * committed, so what is cut short was never acknowledged. Exit code 1: the stop was not clean.
 */
function forceExitLater(logger: Logger | null): void {
  const force = (why: string) => {
    if (logger) logger.error("stopped before finishing", { why });
    else process.stderr.write(`Stopped before finishing (${why}).\n`);
    process.exit(1);
  };
  setTimeout(() => force(`still stopping after ${STOP_GRACE_MS / 1000} s`), STOP_GRACE_MS).unref();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => force(`a second ${signal}`));
}

/**
 * The Discord and Slack adapters the configuration asks for, loaded only then. discord.js loads
 * first: the two SDKs bring different undici versions, and the first loaded becomes the process's
 * (DESIGN.md, "Both in one process").
 */
async function platformAdapters(app: App, config: Config, logger: Logger): Promise<Adapter[]> {
  const deps: PlatformDeps = { dispatcher: app.dispatcher, suggest: app.suggest, logger };
  const adapters: Adapter[] = [];
  if (config.platforms.includes("discord")) {
    const { createDiscordAdapter } = await import("./adapters/discord/discord-adapter.ts");
    adapters.push(createDiscordAdapter(config, deps));
  }
  if (config.platforms.includes("slack")) {
    const { createSlackAdapter } = await import("./adapters/slack/slack-adapter.ts");
    // OAuth mode keeps each workspace's installation in the store (sealed): that adapter alone is handed it.
    adapters.push(createSlackAdapter(config, deps, app.store.installations));
  }
  return adapters;
}

function consoleAdapter(app: App): Adapter {
  const user = userInfo().username || "you";
  return new ConsoleAdapter(app.dispatcher, {
    user, role: "student", json: false, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY),
    banner: `${app.services.bank.course} exam tutor — console chat as ${user} (student). Type /help for commands, /quit to leave.`,
  });
}

process.exitCode = await main();
