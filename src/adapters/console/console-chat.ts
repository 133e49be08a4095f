import type { CommandInput, Role } from "../../core/chat/command-input.ts";
import type { CommandDispatcher } from "../../core/chat/dispatcher.ts";
import { parseOptions, splitCommand } from "../../core/chat/parse-command-line.ts";
import type { FormRequest, Reply, ReplyButton } from "../../core/chat/reply.ts";
import { UserError } from "../../core/errors.ts";

/** Who is typing at the console. */
export interface ConsoleUser {
  name: string;
  role: Role;
}

export const CONSOLE_COURSE = "console";

/** The platform-scoped id of a console user: `console:<name>`. */
export const consoleUserId = (name: string): string => `console:${name}`;

/**
 * The console chat: the same commands and replies as Discord and Slack, in a terminal. Buttons
 * become numbered choices and forms become a follow-up prompt. `/as ta` and `/as student` switch role.
 */
export class ConsoleChat<S> {
  private buttons: ReplyButton[] = [];
  private pendingForm: FormRequest | null = null;

  constructor(
    private readonly dispatcher: CommandDispatcher<S>,
    private user: ConsoleUser,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Handles one typed line; returns the replies to show (none for a blank line). */
  async handleLine(raw: string): Promise<Reply[]> {
    const line = raw.trim();
    if (this.pendingForm) {
      const form = this.pendingForm;
      this.pendingForm = null;
      if (line === "") return [{ text: "Cancelled.", ephemeral: true }];
      return [await this.run(form.action.command, { ...form.action.options, [form.field.option]: raw.trim() })];
    }
    if (line === "") return [];
    const choice = /^\d+$/.test(line) ? this.buttons[Number(line) - 1] : undefined;
    if (choice) return [await this.press(choice)];
    const as = /^\/as\s+(ta|student)\s*$/i.exec(line);
    if (as) {
      this.user = { ...this.user, role: as[1]!.toLowerCase() as Role };
      return [{ text: `You are now acting as a ${this.user.role === "ta" ? "TA" : "student"}.`, ephemeral: true }];
    }
    const split = splitCommand(line);
    if (!split) {
      return [{ text: "Commands start with a slash, e.g. /quiz or /help. To answer a question: /answer 3a false, because ...", ephemeral: true }];
    }
    const command = this.dispatcher.command(split.command);
    if (!command) return [await this.run(split.command, {})];
    try {
      return [await this.run(split.command, parseOptions(split.rest, command.options))];
    } catch (error) {
      if (error instanceof UserError) return [{ text: error.message, ephemeral: true }];
      throw error;
    }
  }

  private async press(button: ReplyButton): Promise<Reply> {
    if ("form" in button) {
      this.pendingForm = button.form;
      this.buttons = [];
      return { text: `${button.form.title}: ${button.form.field.label} (type it and press Enter; an empty line cancels)`, ephemeral: true };
    }
    return this.run(button.action.command, button.action.options);
  }

  private async run(command: string, options: Record<string, string>): Promise<Reply> {
    const missing = this.dispatcher.command(command)?.options.find((o) => o.required && !options[o.name]);
    if (missing) {
      return { text: `/${command} needs ${missing.name}: ${missing.description}. See /help.`, ephemeral: true };
    }
    const input: CommandInput = {
      course: CONSOLE_COURSE,
      user: { id: consoleUserId(this.user.name), name: this.user.name },
      roles: [this.user.role],
      command,
      options,
      attachments: [],
      now: this.clock(),
    };
    const reply = await this.dispatcher.dispatch(input);
    this.buttons = reply.buttons ?? [];
    if (reply.form) this.pendingForm = reply.form;
    return reply;
  }
}
