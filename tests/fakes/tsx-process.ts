import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** What a finished child process left: its exit code and everything it wrote. */
export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A TypeScript script (a path from the repository's root) running in its own process under tsx. */
export interface TsxProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout holds a line equal to `line`. */
  waitForLine(line: string): Promise<void>;
  done: Promise<ProcessRun>;
}

/** Starts `tsx SCRIPT ARGS` with this process's environment plus `env`. */
export function startTsx(script: string, args: string[], env: Record<string, string> = {}): TsxProcess {
  const child = spawn(TSX, [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  // Buffers, not strings per chunk: a chunk may end inside a character.
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const watchers: (() => void)[] = [];
  child.stdout.on("data", (d: Buffer) => {
    stdout.push(d);
    for (const watch of watchers) watch();
  });
  child.stderr.on("data", (d: Buffer) => stderr.push(d));
  const done = new Promise<ProcessRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
  const waitForLine = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const watch = () => {
        if (Buffer.concat(stdout).toString("utf8").split("\n").includes(line)) resolve();
      };
      watchers.push(watch);
      watch();
      void done.then((run) => reject(new Error(`${script} ended (code ${run.code}) before printing "${line}": ${run.stderr}`)));
    });
  return { child, waitForLine, done };
}

/** Runs `tsx SCRIPT ARGS` to its end. */
export function runTsx(script: string, args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  const started = startTsx(script, args, env);
  started.child.stdin.end();
  return started.done;
}
