// Interactions to commands: a slash command, a button, a modal submission or autocomplete becomes a
// request for the dispatcher; its reply goes back through the responder. Nothing here knows grading.
import {
  ApplicationCommandOptionType, type AutocompleteInteraction, type ChatInputCommandInteraction, type CommandInteractionOption, type Guild, type Interaction,
  RESTJSONErrorCodes,
} from "discord.js";
import type { CommandRequest } from "../../core/chat/dispatcher.ts";
import type { Attachment } from "../../core/chat/command-input.ts";
import { textReply, type VisibleReply } from "../../core/chat/reply.ts";
import { newErrorReference, UserError } from "../../core/errors.ts";
import type { PlatformDeps } from "../platform-deps.ts";
import { downloadAttachment } from "./discord-attachments.ts";
import { decodeCustomId } from "./discord-custom-id.ts";
import type { RecentInteractions } from "./discord-deliveries.ts";
import { type FormMemory, modalFor, renderForDiscord } from "./discord-payload.ts";
import { courseOf, type PeopleConfig, whoIs } from "./discord-people.ts";
import { InteractionResponder, type RepliableInteraction } from "./discord-responder.ts";

export interface InteractionOptions extends PeopleConfig {
  forms: FormMemory;
  recent: RecentInteractions;
  /** Work longer than this is deferred (tests and the bench may shorten it). */
  deferAfterMs?: number;
}

/** A platform interaction id is seen once: Discord may deliver one twice (a resumed session). */
const SEEN_MS = 15 * 60_000;

const privately = (message: string): VisibleReply => ({ ...textReply(message), visibility: "private" });

export class DiscordInteractions {
  private readonly seen = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly deps: PlatformDeps, private readonly options: InteractionOptions) {}

  /** Takes an interaction from the gateway; never throws (failures are logged with its id). */
  accept(interaction: Interaction): void {
    if (this.seenBefore(interaction.id)) {
      // The first delivery answers it: a second callback would be refused (already acknowledged).
      this.deps.logger.info("duplicate interaction ignored", { interaction: interaction.id });
      return;
    }
    const started = performance.now();
    const work = this.route(interaction).then(
      (facts) => this.deps.logger.info("interaction done", { interaction: interaction.id, ...facts, ms: Math.round(performance.now() - started) }),
      (error: unknown) => {
        const code = (error as { code?: unknown }).code;
        // Answered already (by this process before a restart, say): Discord keeps the first answer.
        if (code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) this.deps.logger.info("interaction already answered", { interaction: interaction.id });
        else this.deps.logger.error("interaction failed", { interaction: interaction.id, code, error });
      },
    );
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Stops taking interactions and waits for those running to be answered. */
  async drain(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private seenBefore(id: string): boolean {
    const now = Date.now();
    if (this.seen.has(id)) return true;
    this.seen.set(id, now);
    if (this.seen.size > 10_000) for (const [key, at] of this.seen) if (now - at > SEEN_MS) this.seen.delete(key);
    return false;
  }

  private async route(interaction: Interaction): Promise<Record<string, unknown>> {
    if (interaction.isAutocomplete()) return this.suggest(interaction);
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return { kind: "ignored", type: interaction.type };
    const kind = interaction.isChatInputCommand() ? "command" : interaction.isButton() ? "button" : "modal";
    if (this.stopping) {
      await this.replyNow(interaction, privately("The tutor is restarting; send that again in a moment."));
      return { kind, refused: "stopping" };
    }
    const responder = new InteractionResponder(interaction, this.options.deferAfterMs);
    let reply: VisibleReply;
    let command: string | undefined;
    try {
      const request = await this.request(interaction, responder);
      if (request === "modal-shown") return { kind, modal: true };
      command = request.command;
      const { course, user, roles, channel } = request.who;
      reply = await this.deps.dispatcher.dispatch(
        { course, user, roles, channel, command: request.command, options: request.options, attachments: request.attachments, interactionId: interaction.id, now: new Date() } satisfies CommandRequest,
        { beforeWork: responder.beforeWork, outbox: true },
      );
      this.options.recent.remember(course, user.id, interaction);
    } catch (error) {
      // What fails before the dispatcher (reading the member, a download) ends in the same two ways as what fails inside it.
      reply = error instanceof UserError ? privately(error.message) : this.bug("interaction failed before the dispatcher", error, interaction.id);
    }
    const messages = this.render(reply, interaction.id);
    await responder.answer(reply, messages);
    return { kind, command, deferred: responder.deferred, messages: messages.length, visibility: reply.visibility, ...(reply.data?.error ? { error: reply.data.error } : {}) };
  }

  /** What to dispatch; a form button shows its modal instead (its answer to Discord). */
  private async request(interaction: RepliableInteraction, responder: InteractionResponder) {
    if (interaction.isButton()) {
      const decoded = decodeCustomId(interaction.customId);
      if (decoded.kind === "form") {
        responder.cancel();
        await interaction.showModal(modalFor(decoded, this.options.forms.get(interaction.customId)));
        return "modal-shown" as const;
      }
      if (decoded.kind !== "action") throw new UserError("bad-button", "That button is out of date. Run the command again.");
      const who = await whoIs(interaction, this.options, decoded.guild);
      return { who, command: decoded.action.command, options: decoded.action.options, attachments: [] as Attachment[] };
    }
    if (interaction.isModalSubmit()) {
      const decoded = decodeCustomId(interaction.customId);
      if (decoded.kind !== "modal") throw new UserError("bad-button", "That form is out of date. Run the command again.");
      const field = interaction.fields.fields.find((f) => f.customId === decoded.field);
      const typed = field && "value" in field && typeof field.value === "string" ? field.value : "";
      const who = await whoIs(interaction, this.options, decoded.guild);
      return { who, command: decoded.action.command, options: { ...decoded.action.options, [decoded.field]: typed }, attachments: [] as Attachment[] };
    }
    const who = await whoIs(interaction, this.options);
    const { options, attachments } = await this.commandOptions(interaction as ChatInputCommandInteraction, who.guild);
    return { who, command: interaction.commandName, options, attachments };
  }

  /**
   * A slash command's options as the dispatcher takes them (strings, checked there). A channel
   * option given as a `<#id>` mention becomes the channel's name, as the tutor names channels.
   * An attachment is downloaded now, within the command's size limit.
   */
  private async commandOptions(interaction: ChatInputCommandInteraction, guild: Guild) {
    const definition = this.deps.dispatcher.commands.find((c) => c.name === interaction.commandName);
    const options: Record<string, string> = {};
    const attachments: Attachment[] = [];
    for (const option of interaction.options.data as readonly CommandInteractionOption[]) {
      if (option.type === ApplicationCommandOptionType.Attachment) {
        if (!option.attachment) continue;
        if (!definition?.file || definition.file.name !== option.name) throw new UserError("no-file-here", `/${interaction.commandName} takes no file; send it again without the attachment.`);
        attachments.push(await downloadAttachment(option.attachment, definition.file));
        continue;
      }
      const value = option.value === undefined ? "" : String(option.value);
      const mention = option.name === "channel" ? /^<#(\d+)>$/.exec(value.trim())?.[1] : undefined;
      options[option.name] = (mention && guild.channels.cache.get(mention)?.name) || value;
    }
    return { options, attachments };
  }

  /** Suggestions for the option being typed; none when they fail (Discord then says it could not load them). */
  private async suggest(interaction: AutocompleteInteraction): Promise<Record<string, unknown>> {
    const focused = interaction.options.getFocused(true);
    const guildId = interaction.guildId ?? this.options.guildId;
    const choices = guildId
      ? await this.deps.suggest({ course: courseOf(guildId), option: focused.name, typed: String(focused.value) }).catch((error: unknown) => {
        this.deps.logger.error("suggestions failed", { interaction: interaction.id, option: focused.name, error });
        return [];
      })
      : [];
    await interaction.respond(choices);
    return { kind: "autocomplete", command: interaction.commandName, option: focused.name, choices: choices.length };
  }

  /** The rendered reply; a reply that cannot be rendered is a bug, answered with its reference. */
  private render(reply: VisibleReply, interactionId: string) {
    try {
      return renderForDiscord(reply, { forms: this.options.forms });
    } catch (error) {
      return renderForDiscord(this.bug("reply could not be rendered", error, interactionId));
    }
  }

  /** A bug: logged with a reference id, which the person is shown (as the dispatcher does). */
  private bug(what: string, error: unknown, interactionId: string): VisibleReply {
    const reference = newErrorReference();
    this.deps.logger.error(what, { reference, interaction: interactionId, error });
    return privately(`Something went wrong on our side (reference ${reference}). Please try again; if it happens again, tell a TA this reference.`);
  }

  private async replyNow(interaction: RepliableInteraction, reply: VisibleReply): Promise<void> {
    const responder = new InteractionResponder(interaction);
    await responder.answer(reply, this.render(reply, interaction.id));
  }
}
