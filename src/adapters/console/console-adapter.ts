import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Adapter } from "../../core/chat/adapter.ts";
import type { Role } from "../../core/chat/command-input.ts";
import type { CommandDispatcher } from "../../core/chat/dispatcher.ts";
import type { CourseDelivery, DeliveryTarget, VisibleReply } from "../../core/chat/reply.ts";
import { CONSOLE_COURSE, ConsoleChat, consoleUserId } from "./console-chat.ts";
import { ConsoleRenderer } from "./console-renderer.ts";

export interface ConsoleOptions {
  user: string;
  role: Role;
  section?: string;
  json: boolean;
  input: Readable;
  output: Writable;
  /** True for a person at a terminal: show a banner and a prompt. */
  interactive: boolean;
  /** The first line of an interactive session. */
  banner?: string;
  clock?: () => Date;
}

/**
 * The console as an adapter: one person typing commands in a terminal (or lines on stdin), the
 * same commands and replies as on Discord and Slack. It owns the console course's channels and its
 * own user's direct messages, so timed work (an exam submitted at its deadline, an announcement)
 * reaches the right terminal even when several console sessions share one database.
 */
export class ConsoleAdapter<S> implements Adapter {
  readonly name = "console";
  readonly ended: Promise<void>;
  private endNow!: () => void;
  private readonly chat: ConsoleChat<S>;
  private readonly renderer = new ConsoleRenderer();
  private rl: Interface | null = null;

  constructor(dispatcher: CommandDispatcher<S>, private readonly options: ConsoleOptions) {
    this.chat = new ConsoleChat(dispatcher, { name: options.user, role: options.role }, options.clock);
    this.ended = new Promise((resolve) => (this.endNow = resolve));
  }

  owns(course: string, to: DeliveryTarget): boolean {
    return course === CONSOLE_COURSE && ("channel" in to || to.user === consoleUserId(this.options.user));
  }

  async start(): Promise<void> {
    const { options } = this;
    if (options.section) this.show(await this.chat.handleLine(`/enroll ${options.section}`));
    const rl = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive, historySize: 200 });
    this.rl = rl;
    // Ctrl-C at the prompt leaves the chat like /quit.
    rl.on("SIGINT", () => rl.close());
    if (options.interactive) {
      if (options.banner) this.write(`${options.banner}\n`);
      rl.setPrompt(`${options.user}> `);
      rl.prompt();
    }
    void this.read(rl).finally(() => this.endNow());
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.ended;
    // Charts and exports were saved for this session only.
    this.renderer.dispose();
  }

  async deliver(delivery: CourseDelivery): Promise<void> {
    const to = "channel" in delivery.to ? `#${delivery.to.channel}` : delivery.to.user;
    const reply: VisibleReply = { ...delivery.reply, visibility: "channel" in delivery.to ? "public" : "private" };
    this.write(this.options.json ? this.renderer.json({ ...reply, data: { ...reply.data, delivery: { to } } }) : `${this.renderer.render(reply, to)}\n`);
  }

  private async read(rl: Interface): Promise<void> {
    try {
      for await (const line of rl) {
        if (/^\s*\/(quit|exit)\s*$/.test(line)) break;
        this.show(await this.chat.handleLine(line));
        if (this.options.interactive) rl.prompt();
      }
    } finally {
      rl.close();
    }
  }

  private show(replies: VisibleReply[]): void {
    for (const reply of replies) this.write(this.options.json ? this.renderer.json(reply) : `${this.renderer.render(reply)}\n`);
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }
}
