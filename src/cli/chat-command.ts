import { parseArgs } from "node:util";
import { type AppOptions, createApp } from "../app.ts";
import { ConsoleAdapter } from "../adapters/console/console-adapter.ts";
import { loadConfig } from "../config.ts";
import { serve } from "../serve.ts";
import { type CliCommand, UsageError } from "./cli-command.ts";
import { postgresStoreFor } from "./store-access.ts";

/** `tutor chat`; `appOptions` lets a caller share its grading pool (tests run many chats). */
export function createChatCommand(appOptions: AppOptions = {}): CliCommand {
  return {
  name: "chat",
  summary: "The console chat: the bot's commands in a terminal (or from stdin)",
  help: `Usage: tutor chat [--user NAME] [--role student|ta] [--section S] [--json] [--db PATH]

Opens the console chat: type the same slash commands as on Discord or Slack
(/quiz, /answer, /progress, /exam, /enroll, /help; TAs: /announce, /stats, ...).
Buttons appear as numbered choices: type the number. /as ta or /as student switches
role; /quit leaves. When stdin is not a terminal, each line is a command and the
replies are printed in order.

  --user NAME     who you are (default: you)
  --role ROLE     student (default) or ta
  --section S     enroll in a section first (C147 or C247)
  --json          print one JSON object per reply
  --db PATH       the SQLite file (default: TUTOR_DB, else data/tutor.db)

Example:
  printf '/quiz 3a\\n/answer 3a false, because it improves generalization\\n' | tutor chat --user ana`,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: argv,
      options: {
        user: { type: "string", default: "you" },
        role: { type: "string", default: "student" },
        section: { type: "string" },
        json: { type: "boolean", default: false },
        db: { type: "string" },
      },
      allowPositionals: false,
    });
    if (values.role !== "student" && values.role !== "ta") throw new UsageError(`--role must be student or ta, not "${values.role}".`);
    if (!/^[\w.-]{1,64}$/.test(values.user)) throw new UsageError("--user must be a short name of letters, digits, '.', '_' or '-'.");
    const config = loadConfig({ ...ctx.env, ...(values.db ? { TUTOR_DB: values.db } : {}) });
    // TUTOR_DATABASE_URL: the chat runs on PostgreSQL, as the bot does (an explicit --db keeps SQLite).
    const store = await postgresStoreFor(config, values.db);
    const app = createApp(config, { ...appOptions, ...(store ? { store } : {}) });
    try {
      const interactive = Boolean((ctx.stdin as { isTTY?: boolean }).isTTY);
      const console = new ConsoleAdapter(app.dispatcher, {
        user: values.user, role: values.role, section: values.section, json: values.json, input: ctx.stdin, output: ctx.stdout, interactive,
        banner: `${app.services.bank.course} exam tutor — console chat as ${values.user} (${values.role}). Type /help for commands, /quit to leave.`,
      });
      await serve(app, [console], { signals: interactive });
    } finally {
      await app.close();
    }
    return 0;
  },
};
}

export const chatCommand: CliCommand = createChatCommand();
