import type { Role } from "../../core/chat/command-input.ts";
import type { CommandDispatcher, CommandRequest } from "../../core/chat/dispatcher.ts";
import { type FormRequest, type ReplyButton, textReply, type VisibleReply } from "../../core/chat/reply.ts";

/** Who is typing at the console. */
export interface ConsoleUser {
  name: string;
  role: Role;
}

export const CONSOLE_COURSE = "console";

/** The platform-scoped id of a console user: `console:<name>`. */
export const consoleUserId = (name: string): string => `console:${name}`;

const note = (markup: string): VisibleReply => ({ ...textReply(markup), visibility: "private" });

/**
 * The console chat's conversation state: typed lines go to the dispatcher as they are, buttons
 * become numbered choices, a form becomes a follow-up prompt, and `/as ta` or `/as student`
 * switches role. Parsing and checking the commands is the core's.
 */
export class ConsoleChat<S> {
  private buttons: ReplyButton[] = [];
  private pendingForm: FormRequest | null = null;

  constructor(
    private readonly dispatcher: CommandDispatcher<S>,
    private user: ConsoleUser,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get userId(): string {
    return consoleUserId(this.user.name);
  }

  /** Handles one typed line; returns the replies to show (none for a blank line). */
  async handleLine(raw: string): Promise<VisibleReply[]> {
    const line = raw.trim();
    if (this.pendingForm) {
      const form = this.pendingForm;
      this.pendingForm = null;
      if (line === "") return [note("Cancelled.")];
      return [await this.run({ command: form.action.command, options: { ...form.action.options, [form.field.option]: line } })];
    }
    if (line === "") return [];
    const choice = /^\d+$/.test(line) ? this.buttons[Number(line) - 1] : undefined;
    if (choice) return [await this.press(choice)];
    const as = /^\/as\s+(ta|student)\s*$/i.exec(line);
    if (as) {
      this.user = { ...this.user, role: as[1]!.toLowerCase() as Role };
      return [note(`You are now acting as a ${this.user.role === "ta" ? "TA" : "student"}.`)];
    }
    return [await this.run({ line })];
  }

  private async press(button: ReplyButton): Promise<VisibleReply> {
    if ("form" in button) {
      this.pendingForm = button.form;
      this.buttons = [];
      return note(`${button.form.title}: ${button.form.field.label} (type it and press Enter; an empty line cancels)`);
    }
    return this.run({ command: button.action.command, options: button.action.options });
  }

  private async run(what: { line: string } | { command: string; options: Record<string, string> }): Promise<VisibleReply> {
    const request: CommandRequest = {
      course: CONSOLE_COURSE,
      user: { id: this.userId, name: this.user.name },
      roles: [this.user.role],
      attachments: [],
      now: this.clock(),
      ...what,
    };
    const reply = await this.dispatcher.dispatch(request);
    this.buttons = reply.buttons ?? [];
    return reply;
  }
}
