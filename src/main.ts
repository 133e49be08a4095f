import { userInfo } from "node:os";
import { createApp } from "./app.ts";
import { runConsoleSession } from "./adapters/console/console-session.ts";
import { ConfigError, loadConfig } from "./config.ts";

/**
 * The composition root: reads the configuration once, builds the app, and starts the adapters
 * the configuration asks for. With no platform tokens, that is the console chat.
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
  const app = createApp(config);
  // Deadlines that passed while the bot was down are settled at once.
  app.services.exams.submitExpired(new Date());
  // Announcements that fell due while down are claimed by each adapter's sweeper as it starts
  // (console: runConsoleSession), never here: a claimed announcement with no platform to post it would be lost.
  try {
    if (config.platforms.includes("console")) {
      await runConsoleSession(app, {
        user: userInfo().username || "you",
        role: "student",
        json: false,
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
      });
    } else {
      process.stderr.write(`The ${config.platforms.join(" and ")} adapter${config.platforms.length > 1 ? "s are" : " is"} not part of this build yet; unset the platform tokens to use the console chat.\n`);
      return 1;
    }
  } finally {
    await app.close();
  }
  return 0;
}

process.exitCode = await main();
