import { withoutVerbatimMarks } from "../core/chat/markup.ts";
import { newErrorReference, UserError } from "../core/errors.ts";
import { type CliCommand, type CliContext, dropOutputOnClosedPipe, UsageError, writeLine } from "./cli-command.ts";
import { cliCommands } from "./commands.ts";
import { startupTrouble } from "./startup-trouble.ts";

const TOP_HELP = (commands: CliCommand[]) =>
  [
    "tutor: the exam tutor's command line",
    "",
    "Usage: tutor COMMAND [ARGS] [--db PATH]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
    "",
    "Every command takes --db PATH (default: TUTOR_DB, else data/tutor.db).",
    "Run `tutor COMMAND --help` for details.",
  ].join("\n");

/** Dispatches `tutor ARGS` to its subcommand; returns the exit code. Never throws. */
export async function runCli(argv: string[], ctx: CliContext, commands: CliCommand[] = cliCommands): Promise<number> {
  // Fixed here once for every command: output piped into `head` must not crash the command.
  dropOutputOnClosedPipe(ctx.stdout);
  dropOutputOnClosedPipe(ctx.stderr);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    writeLine(ctx.stdout, TOP_HELP(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    writeLine(ctx.stderr, `tutor: unknown command "${name}".\n\n${TOP_HELP(commands)}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    writeLine(ctx.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      writeLine(ctx.stderr, `tutor ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    // What the core tells a person (an unknown question, a closed window) is said as it is.
    if (error instanceof UserError) {
      writeLine(ctx.stderr, `tutor ${name}: ${withoutVerbatimMarks(error.message)}`);
      return 1;
    }
    const trouble = environmentTrouble(error);
    if (trouble) {
      writeLine(ctx.stderr, `tutor ${name}: ${trouble}`);
      return 1;
    }
    const ref = newErrorReference();
    writeLine(ctx.stderr, `tutor ${name}: internal error (reference ${ref}). Please report it with this reference.`);
    writeLine(ctx.stderr, `[${ref}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

/** node:util parseArgs reports unknown or malformed flags with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
}

/**
 * Problems with the files and settings a TA gave, not bugs: a database that cannot be opened or is
 * not a database, a missing folder, an invalid configuration or bank. Their message says enough.
 */
function environmentTrouble(error: unknown): string | null {
  const startup = startupTrouble(error, "the database (--db, else TUTOR_DB)");
  if (startup) return startup;
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? "");
  if (/^(SQLITE_CANTOPEN|SQLITE_NOTADB|SQLITE_READONLY|SQLITE_FULL|ENOENT|EACCES|EISDIR|ENOTDIR|EEXIST|ENOSPC)/.test(code)) {
    return `${error.message} (${code})`;
  }
  return /newer than this program knows/.test(error.message) ? error.message : null;
}
