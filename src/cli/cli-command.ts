import type { Readable, Writable } from "node:stream";

/** Streams and settings a `tutor` subcommand runs with; tests pass their own. */
export interface CliContext {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Environment as read once by config; subcommands never read process.env themselves. */
  env: Record<string, string | undefined>;
}

/** One `tutor` subcommand, e.g. `tutor check`. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Full help text printed by `tutor NAME --help`. */
  help: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(line.endsWith("\n") ? line : `${line}\n`);
}
