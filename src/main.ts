import { userInfo } from "node:os";
import { ConsoleAdapter } from "./adapters/console/console-adapter.ts";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import type { Adapter } from "./core/chat/adapter.ts";
import { serve } from "./serve.ts";

/**
 * The composition root: reads the configuration once, builds the app, starts the adapters the
 * configuration asks for, and stops them cleanly on SIGTERM or SIGINT. With no platform tokens,
 * that is the console chat.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const missing = config.platforms.filter((p) => p !== "console");
  if (missing.length) {
    process.stderr.write(`The ${missing.join(" and ")} adapter${missing.length > 1 ? "s are" : " is"} not part of this build yet; unset the platform tokens to use the console chat.\n`);
    return 1;
  }
  const app = createApp(config);
  try {
    const user = userInfo().username || "you";
    const adapters: Adapter[] = [
      new ConsoleAdapter(app.dispatcher, {
        user, role: "student", json: false, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY),
        banner: `${app.services.bank.exam.course} exam tutor — console chat as ${user} (student). Type /help for commands, /quit to leave.`,
      }),
    ];
    await serve(app, adapters, { signals: true });
  } finally {
    await app.close();
  }
  return 0;
}

process.exitCode = await main();
