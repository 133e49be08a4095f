import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createBankCommand } from "../../src/cli/bank-command.ts";
import { createChatCommand } from "../../src/cli/chat-command.ts";
import { createCheckCommand } from "../../src/cli/check-command.ts";
import type { CliCommand } from "../../src/cli/cli-command.ts";
import { cliCommands } from "../../src/cli/commands.ts";
import { createGradeCommand } from "../../src/cli/grade-command.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { borrowedGradingPool, fileGradingPool } from "./file-grading-pool.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface TutorRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tutor ARGS` in this process: the same `runCli` and subcommands that src/cli.ts runs, with
 * stdin, stdout and stderr in memory and the environment this process's plus `env`, as a spawned
 * `tutor` gets (relative paths are read from the current directory, the repository's root under
 * vitest). `bank` (try), `grade`, `check` and `chat` grade on the test file's pool instead of starting their own.
 * Starting node and tsx again costs about a second a run; keep `runTutor` for the few tests that
 * cover the real entry (argv, exit code, streams of a process, a pool started and closed).
 */
export async function runTutorInProcess(args: string[], stdin = "", env: Record<string, string> = {}): Promise<TutorRun> {
  const input = new PassThrough();
  input.end(stdin);
  const stdout = capture();
  const stderr = capture();
  const shared: Record<string, CliCommand> = {
    bank: createBankCommand(borrowedGradingPool),
    grade: createGradeCommand(borrowedGradingPool),
    check: createCheckCommand(borrowedGradingPool),
    chat: createChatCommand({ pool: fileGradingPool() }),
  };
  const commands = cliCommands.map((c) => shared[c.name] ?? c);
  const code = await runCli(args, { stdin: input, stdout: stdout.stream, stderr: stderr.stream, env: { ...process.env, ...env } }, commands);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A stream that keeps everything written to it. */
function capture(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Runs the real `tutor` command line (as `npm run tutor` does, through tsx) in a child process, with optional stdin. */
export function runTutor(args: string[], stdin = "", env: Record<string, string> = {}): Promise<TutorRun> {
  return runProcess(TSX, [path.join(ROOT, "src", "cli.ts"), ...args], stdin, { ...process.env, ...env });
}

/**
 * Runs `npm start` (src/main.ts, the bot's own entry) with stdin. Platform tokens are left out of
 * the environment, so it starts the console chat whatever the machine has set.
 */
export function runNpmStart(stdin: string, env: Record<string, string> = {}): Promise<TutorRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DISCORD|SLACK)_/.test(name)));
  return runProcess("npm", ["start", "--silent"], stdin, { ...inherited, ...env });
}

function runProcess(command: string, args: string[], stdin: string, env: NodeJS.ProcessEnv): Promise<TutorRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    // Buffers, not strings per chunk: a chunk may end inside a character such as "·" or "✓".
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => stdout.push(d));
    child.stderr.on("data", (d: Buffer) => stderr.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
    child.stdin.end(stdin);
  });
}
