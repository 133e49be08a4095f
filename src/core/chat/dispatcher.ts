import { newErrorReference, UserError } from "../errors.ts";
import type { CommandDefinition } from "./command-definition.ts";
import type { CommandInput } from "./command-input.ts";
import { privateReply, type Reply } from "./reply.ts";

/** What the dispatcher needs to know about the course beyond the command list. */
export interface DispatchPolicy {
  /** Runs before every command: records the person and the course, settles what time has ended. */
  prepare(input: CommandInput): void;
  /** True when the person may run TA commands (platform role or the store says so). */
  isTa(input: CommandInput): boolean;
  /** Remembered replies of processed deliveries, so a retried delivery is answered once. */
  findReply(interactionId: string): Reply | null;
  rememberReply(interactionId: string, reply: Reply, at: Date): void;
  /** Where bugs go: logged with their reference id. */
  logBug(reference: string, error: unknown, input: CommandInput): void;
}

/**
 * The one place every adapter sends commands: checks access on the server side, answers a
 * repeated delivery once, and turns errors into replies (a UserError in its own words; a bug as
 * a reference id the person can report).
 */
export class CommandDispatcher<S> {
  private readonly byName: Map<string, CommandDefinition<S>>;
  private readonly inFlight = new Map<string, Promise<Reply>>();

  constructor(
    readonly commands: readonly CommandDefinition<S>[],
    private readonly services: S,
    private readonly policy: DispatchPolicy,
  ) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
  }

  command(name: string): CommandDefinition<S> | undefined {
    return this.byName.get(name);
  }

  async dispatch(input: CommandInput): Promise<Reply> {
    const id = input.interactionId;
    if (!id) return this.run(input);
    const seen = this.policy.findReply(id);
    if (seen) return seen;
    const running = this.inFlight.get(id);
    if (running) return running;
    const work = this.run(input).then((reply) => {
      this.policy.rememberReply(id, reply, input.now);
      return reply;
    });
    this.inFlight.set(id, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async run(input: CommandInput): Promise<Reply> {
    const command = this.byName.get(input.command);
    if (!command) {
      return privateReply(`There is no /${input.command} command. Try /help to see what I can do.`);
    }
    try {
      this.policy.prepare(input);
      if (command.access === "ta" && !this.policy.isTa(input)) {
        return privateReply(`/${command.name} is for the course staff (TAs). If you are a TA, ask the instructor to give you the TA role.`);
      }
      return await command.handle(input, this.services);
    } catch (error) {
      if (error instanceof UserError) return privateReply(error.message, { data: { error: error.code } });
      const reference = newErrorReference();
      this.policy.logBug(reference, error, input);
      return privateReply(`Something went wrong on our side (reference ${reference}). Please try again; if it happens again, tell a TA this reference.`, { data: { error: "bug", reference } });
    }
  }
}
