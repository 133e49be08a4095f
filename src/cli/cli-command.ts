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

/** Writes one line; once the reader has closed the stream (`tutor … | head -1`), the rest is dropped. */
export function writeLine(stream: Writable, line: string): void {
  if (!stream.writable) return;
  stream.write(line.endsWith("\n") ? line : `${line}\n`);
}

/**
 * A reader that stops reading (`tutor bank validate | head -1`) closes the pipe, and the next write
 * fails with EPIPE: the output nobody reads is dropped and the command ends as it would have, instead
 * of crashing on an unhandled stream error. Any other stream error is still thrown.
 */
export function dropOutputOnClosedPipe(stream: Writable): void {
  if (!stream.listeners("error").includes(onOutputError)) stream.on("error", onOutputError);
}

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
  throw error;
}
