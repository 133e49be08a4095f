import { type App, type AppOptions, createApp } from "../../src/app.ts";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { ConsoleRenderer } from "../../src/adapters/console/console-renderer.ts";
import { loadConfig } from "../../src/config.ts";
import type { Role } from "../../src/core/chat/command-input.ts";
import type { VisibleReply } from "../../src/core/chat/reply.ts";
import { fileGradingPool } from "./file-grading-pool.ts";
import { tempDbFile } from "./temp-files.ts";

/** A clock tests can move: the exam deadline and the review schedule depend on it. */
export class TestClock {
  constructor(public now = new Date("2026-11-28T10:00:00Z")) {}
  read = (): Date => new Date(this.now);
  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
}

/**
 * Drives the console chat in-process, the way a person types: `say` a line, read the text the
 * console would print. Several people can share one app (and one SQLite file).
 */
export class ConsoleDriver {
  readonly app: App;
  private readonly renderer = new ConsoleRenderer();
  private readonly chats = new Map<string, ConsoleChat<unknown>>();

  constructor(
    readonly dbFile: string = tempDbFile(),
    readonly clock: TestClock = new TestClock(),
    /** More environment, e.g. `{ TUTOR_TIMEZONE: "America/Los_Angeles" }`; TUTOR_DB is `dbFile`. */
    readonly env: Record<string, string> = {},
    /** E.g. a grading pool the test controls, or a log it reads; the log is silent by default. */
    appOptions: AppOptions = {},
  ) {
    // Tests send many answers at one instant of their clock: the answer limit has its own test.
    this.app = createApp(loadConfig({ TUTOR_ANSWER_LIMIT: "0", ...env, TUTOR_DB: dbFile }), { log: () => {}, ...appOptions, pool: appOptions.pool ?? fileGradingPool() });
  }

  private chat(user: string, role: Role): ConsoleChat<unknown> {
    const key = `${user}/${role}`;
    let chat = this.chats.get(key);
    if (!chat) {
      chat = new ConsoleChat(this.app.dispatcher, { name: user, role }, this.clock.read) as ConsoleChat<unknown>;
      this.chats.set(key, chat);
    }
    return chat;
  }

  /** The replies to one line typed by `user`. */
  async replies(user: string, line: string, role: Role = "student"): Promise<VisibleReply[]> {
    return this.chat(user, role).handleLine(line);
  }

  /** What the console prints for one line typed by `user`: replies, buttons, and messages for others. */
  async say(user: string, line: string, role: Role = "student"): Promise<string> {
    const replies = await this.replies(user, line, role);
    return replies.map((r) => this.renderer.render(r)).join("\n");
  }

  /** The `--json` form of the replies to one line (`text`, `ephemeral`, `deliveries`, data at the top level). */
  async json(user: string, line: string, role: Role = "student"): Promise<Record<string, unknown>[]> {
    const replies = await this.replies(user, line, role);
    return replies.map((r) => JSON.parse(this.renderer.json(r)) as Record<string, unknown>);
  }

  private closed: Promise<void> | null = null;

  /** Closes the app (its SQLite file; the grading pool is the file's, or the test's that passed one); closing twice is harmless. */
  close(): Promise<void> {
    this.closed ??= this.app.close();
    return this.closed;
  }
}

/** Console drivers for one test file, each closed after its test (a test may close one earlier, to restart). */
export function useConsoleDrivers(afterEach: (fn: () => Promise<void>) => void): (dbFile?: string, clock?: TestClock, env?: Record<string, string>) => ConsoleDriver {
  let open: ConsoleDriver[] = [];
  afterEach(async () => {
    await Promise.all(open.map((d) => d.close()));
    open = [];
  });
  return (dbFile, clock, env) => {
    const d = new ConsoleDriver(dbFile, clock, env);
    open.push(d);
    return d;
  };
}
