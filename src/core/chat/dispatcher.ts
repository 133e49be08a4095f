import { newErrorReference, UserError } from "../errors.ts";
import { checkAttachments } from "./check-attachments.ts";
import { checkOptions, usageLine } from "./check-options.ts";
import type { CommandDefinition } from "./command-definition.ts";
import type { CommandInput } from "./command-input.ts";
import { closestName } from "./closest-name.ts";
import { stripControl } from "./markup.ts";
import { parseOptions, splitCommand } from "./parse-command-line.ts";
import { type Delivery, type Reply, textReply, type Visibility, type VisibleReply } from "./reply.ts";

/**
 * A command as an adapter hands it over: a typed line (`/answer 3a false, because ...`: the
 * console, Slack's text, scripts) or a command with structured options (Discord, buttons, forms).
 */
export type CommandRequest = Omit<CommandInput, "command" | "options"> &
  ({ line: string } | { command: string; options: Readonly<Record<string, string | undefined>> });

/** What the dispatcher needs to know about the course beyond the command list. */
export interface DispatchPolicy {
  /** Runs before every command: records the person and the course. */
  prepare(input: CommandInput): Promise<void>;
  /** True when the person may run TA commands (platform role or the store says so). */
  isTa(input: CommandInput): Promise<boolean>;
  /** Remembered replies of processed deliveries, so a retried delivery is answered once. */
  findReply(interactionId: string): Promise<VisibleReply | null>;
  /**
   * Takes a delivery before its work, so a retry that reached another process is not worked
   * twice; false when another process holds or answered it. Absent: one process, whose in-flight
   * map is enough.
   */
  claimReply?(interactionId: string, at: Date): Promise<boolean>;
  rememberReply(interactionId: string, reply: VisibleReply, at: Date): Promise<void>;
  /**
   * Stores messages a reply has for others (a grader, a student, a channel) in the outbox, from
   * which timed work delivers them, retrying what the platform refuses.
   */
  queueDeliveries(course: string, deliveries: readonly Delivery[], at: Date): Promise<void>;
  /** Where bugs go: logged with their reference id. */
  logBug(reference: string, error: unknown, input: Pick<CommandInput, "user"> & { command: string }): void;
}

/**
 * Called once the command is checked and allowed, before its work: Discord defers here. An error
 * after that is still a private reply: an adapter that deferred publicly replaces the deferred
 * message with a private one (Discord: delete it, then a private follow-up).
 */
export interface DispatchHooks {
  beforeWork?(visibility: Visibility): Promise<void> | void;
  /**
   * True for platform adapters: a reply's deliveries go to the outbox (stored, then delivered and
   * retried by timed work) and the returned reply has none. The console shows them inline instead.
   */
  outbox?: boolean;
}

/**
 * The one place every adapter sends commands: parses a typed line, checks the options, checks
 * access on the server side, says who will see the reply before the work, answers a repeated
 * delivery once, and turns errors into private replies (a UserError in its own words; a bug as a
 * reference id the person can report).
 */
export class CommandDispatcher<S> {
  private readonly byName: Map<string, CommandDefinition<S>>;
  private readonly inFlight = new Map<string, Promise<VisibleReply>>();
  /** Each person's commands, in the order they arrived: the last one queued, per course and person. */
  private readonly lanes = new Map<string, Promise<void>>();
  /** Every command taken and not yet answered, so a shutdown can wait for them. */
  private readonly running = new Set<Promise<unknown>>();
  private draining = false;

  constructor(
    readonly commands: readonly CommandDefinition<S>[],
    private readonly services: S,
    private readonly policy: DispatchPolicy,
  ) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
  }

  async dispatch(request: CommandRequest, hooks: DispatchHooks = {}): Promise<VisibleReply> {
    const id = request.interactionId;
    const running = id ? this.inFlight.get(id) : undefined;
    if (running) return running;
    // Refused before any work, so nothing is stored or remembered: the same delivery sent again
    // after the restart is answered in full.
    if (this.draining) return restarting();
    const taken = this.take(request, hooks);
    this.running.add(taken);
    void taken.finally(() => this.running.delete(taken)).catch(() => {});
    return taken;
  }

  /**
   * For a shutdown: refuses every command from now on with a private "restarting" reply, and
   * resolves once the commands already taken have their replies (their answers stored).
   */
  async drain(): Promise<void> {
    this.draining = true;
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async take(request: CommandRequest, hooks: DispatchHooks): Promise<VisibleReply> {
    const id = request.interactionId;
    if (!id) return this.inLane(request, () => this.run(request, hooks));
    const work = this.policy.findReply(id).then(async (seen) => {
      if (seen) return seen;
      if (this.policy.claimReply && !(await this.policy.claimReply(id, request.now))) return this.answeredElsewhere(id);
      const reply = await this.inLane(request, () => this.run(request, hooks));
      await this.policy.rememberReply(id, reply, request.now);
      return reply;
    });
    this.inFlight.set(id, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(id);
    }
  }

  /**
   * The reply another process gives to the same delivery (a platform's retry that reached it too):
   * waited for a while, never worked twice; if it does not come, the person is told it is coming.
   */
  private async answeredElsewhere(id: string): Promise<VisibleReply> {
    for (let waited = 0; waited < ELSEWHERE_WAIT_MS; waited += ELSEWHERE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, ELSEWHERE_POLL_MS));
      const reply = await this.policy.findReply(id);
      if (reply) return reply;
    }
    return { ...textReply("That request is still being answered; the reply will follow.", { data: { error: "in-progress" } }), visibility: "private" };
  }

  /**
   * Runs one person's commands one after another, in the order they arrived, whatever each waits
   * for (a platform's defer, grading): an answer sent before /exam submit is stored before the
   * submission looks for it. Different people never wait for each other.
   */
  private inLane<T>(request: CommandRequest, work: () => Promise<T>): Promise<T> {
    const key = `${request.course}\u0000${request.user.id}`;
    const result = (this.lanes.get(key) ?? Promise.resolve()).then(work);
    const done = result.then(() => {}, () => {});
    this.lanes.set(key, done);
    void done.then(() => {
      if (this.lanes.get(key) === done) this.lanes.delete(key);
    });
    return result;
  }

  private async run(request: CommandRequest, hooks: DispatchHooks): Promise<VisibleReply> {
    let name = "line" in request ? "(typed line)" : request.command;
    try {
      const { command, input } = this.resolve(request);
      name = command.name;
      await this.policy.prepare(input);
      if (command.access === "ta" && !(await this.policy.isTa(input))) {
        throw new UserError("ta-only", `/${command.name} is for the course staff (TAs). If you are a TA, ask the instructor to give you the TA role.`);
      }
      const visibility = typeof command.visibility === "function" ? command.visibility(input) : command.visibility;
      await hooks.beforeWork?.(visibility);
      const reply: Reply = await command.handle(input, this.services);
      if (hooks.outbox && reply.deliveries?.length) {
        const { deliveries, ...rest } = reply;
        await this.policy.queueDeliveries(input.course, deliveries, input.now);
        return { ...rest, visibility };
      }
      return { ...reply, visibility };
    } catch (error) {
      if (error instanceof UserError) return { ...textReply(error.message, { data: { error: error.code } }), visibility: "private" };
      const reference = newErrorReference();
      this.policy.logBug(reference, error, { user: request.user, command: name });
      return {
        ...textReply(`Something went wrong on our side (reference ${reference}). Please try again; if it happens again, tell a TA this reference.`, { data: { error: "bug", reference } }),
        visibility: "private",
      };
    }
  }

  /** The command and its checked input; every problem is a UserError for the one funnel above. */
  private resolve(request: CommandRequest): { command: CommandDefinition<S>; input: CommandInput } {
    let name: string;
    let given: Readonly<Record<string, string | undefined>>;
    let command: CommandDefinition<S> | undefined;
    if ("line" in request) {
      const split = splitCommand(stripControl(request.line));
      if (!split) throw new UserError("not-a-command", "Commands start with a slash, e.g. /quiz or /help. To answer a question: /answer 3a false, because ...");
      name = split.command;
      command = this.byName.get(name);
      given = command ? parseLine(command, split.rest) : {};
    } else {
      name = request.command.trim().replace(/^\//, "").toLowerCase();
      command = this.byName.get(name);
      given = request.options;
    }
    if (!command) {
      const guess = closestName(name, this.commands.filter((c) => !c.hidden).map((c) => c.name));
      throw new UserError("unknown-command", `There is no /${name} command.${guess ? ` Did you mean /${guess}?` : ""} Try /help to see what I can do.`);
    }
    const { line: _line, ...rest } = request as CommandRequest & { line?: string };
    const options = checkOptions(command, given);
    const attachments = checkAttachments(command.name, command.file, request.attachments);
    const input: CommandInput = { ...rest, command: command.name, options, attachments };
    return { command, input };
  }
}

/** What a command sent during a shutdown gets; `data.error` lets scripts and tests tell it apart. */
/** How long a retry that another process is working waits for that process's reply, and how often it looks. */
const ELSEWHERE_WAIT_MS = 10_000;
const ELSEWHERE_POLL_MS = 100;

const restarting = (): VisibleReply => ({
  ...textReply("The tutor is restarting; send that again in a moment.", { data: { error: "restarting" } }),
  visibility: "private",
});

/** The options typed after a command's name; a parse problem ends with the usage line too. */
function parseLine(command: CommandDefinition<unknown>, rest: string): Record<string, string> {
  try {
    return parseOptions(rest, command.options);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.code, `${error.message}\nUsage: ${usageLine(command)} (see /help)`);
    throw error;
  }
}
