// Answers one interaction within Discord's rules: a first response within 3 seconds, exactly once;
// one REST call when the work is fast; a deferral with the right visibility when it is not.
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { Visibility, VisibleReply } from "../../core/chat/reply.ts";
import type { DiscordMessage } from "./discord-renderer.ts";
import { sendOptions } from "./discord-payload.ts";

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * How long the work may take before the adapter defers. Discord allows 3 s from its side; a
 * deferral is one more REST call, so a fast reply goes out as the single response instead. One
 * second leaves two for the deferral itself on a slow network.
 */
export const DEFER_AFTER_MS = 1000;

type State = "none" | "deferring" | { deferred: Visibility } | "answered";

/**
 * One interaction's answer. The timer runs from receipt (Discord's clock starts when it sends the
 * event, and a person's command may wait behind their previous one), so even work that has not
 * started by then is covered: the deferral takes the visibility the command declared (beforeWork),
 * or private when it is not known yet; a reply that turns out otherwise replaces the deferred
 * message (delete, then a follow-up with its own visibility).
 */
export class InteractionResponder {
  private declared: Visibility | undefined;
  private state: State = "none";
  private deferral: Promise<void> = Promise.resolve();
  private deferFailure: unknown = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly interaction: RepliableInteraction, deferAfterMs = DEFER_AFTER_MS) {
    this.timer = setTimeout(() => this.defer(), deferAfterMs);
  }

  /** The dispatcher's hook: the command's visibility, known once checks pass, before the work. */
  readonly beforeWork = (visibility: Visibility): void => {
    this.declared = visibility;
  };

  /** Whether the answer went through a deferral (for the log). */
  deferred = false;

  private defer(): void {
    if (this.state !== "none") return;
    const visibility = this.declared ?? "private";
    this.state = "deferring";
    this.deferred = true;
    // Settles either way (an unhandled rejection would end the process); answer() reports a failure.
    this.deferral = this.interaction.deferReply(visibility === "private" ? { flags: MessageFlags.Ephemeral } : {}).then(
      () => void (this.state = { deferred: visibility }),
      (error: unknown) => void (this.deferFailure = error),
    );
  }

  /** Sends the rendered reply: the response (or the deferred message's edit), then follow-ups. */
  async answer(reply: Pick<VisibleReply, "visibility">, messages: DiscordMessage[]): Promise<void> {
    clearTimeout(this.timer);
    await this.deferral;
    // A deferral that failed (Discord unreachable, too late) leaves nothing to answer: the caller logs it.
    if (this.deferFailure !== null) throw this.deferFailure;
    const [first, ...rest] = messages;
    if (!first) return;
    const state = this.state;
    this.state = "answered";
    if (state === "none") {
      await this.interaction.reply(sendOptions(first));
    } else if (typeof state === "object" && state.deferred === reply.visibility) {
      // The deferral fixed the visibility; an edit cannot change flags.
      await this.interaction.editReply({ ...sendOptions(first), flags: undefined });
    } else {
      await this.interaction.deleteReply();
      await this.interaction.followUp(sendOptions(first));
    }
    for (const message of rest) await this.interaction.followUp(sendOptions(message));
  }

  /** Stops the timer without answering (a modal was shown instead). */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
