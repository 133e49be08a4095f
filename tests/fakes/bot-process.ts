import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What `npm start` runs. */
const START_COMMAND = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;

/** One JSON log line of the bot (`{"time","level","msg",...}`). */
export type LogLine = Record<string, unknown> & { level: string; msg: string };

/**
 * The bot in its own process, started with the command `npm start` runs (`node … scripts/start.mjs`,
 * read from package.json, which bundles the sources and runs them) and the environment given (platform variables of this
 * machine left out). It is spawned without npm in between because npm does not pass SIGTERM on to
 * the bot, and a clean stop is part of what is tested. It is up once it logs `started`.
 */
export class BotProcess {
  readonly logs: LogLine[] = [];
  /** stderr lines that are not JSON (a crash before the logger exists). */
  readonly otherOutput: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number | null>;
  private waiters: Array<() => void> = [];

  private constructor(env: Record<string, string>) {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DISCORD|SLACK|TUTOR)_/.test(name)));
    const [command, ...args] = START_COMMAND.split(/\s+/);
    // `node` is this Node; another command is a package's binary (node_modules/.bin).
    const executable = command === "node" ? process.execPath : path.join(ROOT, "node_modules", ".bin", command!);
    // Its own process group: a crash takes whatever the command started too (a wrapper's child, say).
    this.child = spawn(executable, args, { cwd: ROOT, env: { ...inherited, ...env }, stdio: ["pipe", "pipe", "pipe"], detached: true });
    // A bot does not read stdin: closing it must not stop it.
    this.child.stdin.end();
    let pending = "";
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) this.take(line);
    });
    this.child.stdout.on("data", (d: Buffer) => this.otherOutput.push(d.toString("utf8")));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** Starts the bot and waits for its `started` log line (or its exit, which is an error). */
  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<BotProcess> {
    const bot = new BotProcess(env);
    const exited = bot.exited.then((code) => {
      throw new Error(`the bot exited with ${code} before it started:\n${bot.describe()}`);
    });
    await Promise.race([bot.waitForLog((l) => l.msg === "started", timeoutMs), exited]);
    return bot;
  }

  /** Resolves with the first log line (already written or to come) that matches. */
  async waitForLog(match: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching log line within ${timeoutMs} ms:\n${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** SIGTERM, as a process manager stops it; resolves with the exit code. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Kills it at once, as a crash would: nothing finishes (the whole process group). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await this.exited;
  }

  /** Everything it wrote to stderr, for a failing test's message. */
  describe(): string {
    return [...this.logs.map((l) => JSON.stringify(l)), ...this.otherOutput].join("\n");
  }

  private take(line: string): void {
    if (!line.trim()) return;
    try {
      const parsed = JSON.parse(line) as LogLine;
      if (typeof parsed === "object" && parsed && typeof parsed.msg === "string") this.logs.push(parsed);
      else this.otherOutput.push(line);
    } catch {
      this.otherOutput.push(line);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
