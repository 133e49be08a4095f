// Drives a bot through the local Discord as people do: slash commands, button clicks by label, modal
// submissions, autocomplete; each step waits until the bot says it answered that interaction.
import type { BotProcess } from "./bot-process.ts";
import type { InteractionKind } from "./local-discord-interactions.ts";
import { type Exchange, type FakeUser, type LocalDiscord, type StoredMessage, visibleMessages } from "./local-discord.ts";
import type { StoredFile } from "./local-discord-model.ts";

/** What a person saw of one interaction. */
export interface Seen {
  exchange: Exchange;
  messages: StoredMessage[];
  /** Content, embed titles and descriptions of every message, joined. */
  text: string;
  /** Only the person saw it (every message ephemeral). */
  ephemeral: boolean;
}

export interface ButtonSeen {
  label: string;
  custom_id: string;
  style: number;
}

/** What a reader sees of Markdown: backslash escapes and zero-width spaces gone. */
export const shown = (markdown: string): string => markdown.replace(/\\([^A-Za-z0-9\s])/g, "$1").replace(/\u200B/g, "");

/** Everything a message says, as a reader sees it: content, then each embed's title and description. */
export function messageText(m: StoredMessage): string {
  return shown([m.content, ...m.embeds.flatMap((e) => [String(e.title ?? ""), String(e.description ?? "")])].filter(Boolean).join("\n"));
}

export function buttonsOf(m: StoredMessage): ButtonSeen[] {
  return m.components.flatMap((row) => row.components as unknown as ButtonSeen[]);
}

export class LocalDiscordDriver {
  constructor(
    readonly discord: LocalDiscord,
    /** Resolves once the bot finished with the interaction (answered it, or logged its failure). */
    private readonly finished: (exchange: Exchange) => Promise<unknown>,
  ) {}

  /** A driver that waits for the bot process's `interaction done` (or `interaction failed`) log line. */
  static forBot(discord: LocalDiscord, bot: BotProcess): LocalDiscordDriver {
    return new LocalDiscordDriver(discord, (x) =>
      bot.waitForLog((l) => ["interaction done", "interaction failed", "interaction already answered"].includes(l.msg) && l.interaction === x.id, 20_000));
  }

  /** Sends one interaction (in `options.guild`, default the first guild) and waits until the bot finished it. */
  async run(user: FakeUser, kind: InteractionKind, options: { channel?: string; guild?: string } = {}): Promise<Seen> {
    const exchange = this.discord.send(user, kind, options);
    await this.finished(exchange);
    return this.seen(exchange);
  }

  seen(exchange: Exchange): Seen {
    const messages = visibleMessages(exchange);
    return { exchange, messages, text: messages.map(messageText).join("\n"), ephemeral: messages.length > 0 && messages.every((m) => (m.flags & 64) !== 0) };
  }

  command(user: FakeUser, name: string, options: Record<string, string | number | boolean> = {}, extra: { channel?: string; guild?: string; attachment?: { option: string; file: StoredFile } } = {}): Promise<Seen> {
    return this.run(user, { type: "command", name, options, ...(extra.attachment ? { attachment: extra.attachment } : {}) }, { channel: extra.channel, guild: extra.guild });
  }

  /** Clicks the button labelled `label` (the first whose label starts with it) on a message. */
  click(user: FakeUser, message: StoredMessage, label: string, options: { channel?: string } = {}): Promise<Seen> {
    const button = buttonsOf(message).find((b) => b.label.startsWith(label));
    if (!button) throw new Error(`no button "${label}" on the message; it has ${buttonsOf(message).map((b) => b.label).join(", ")}`);
    return this.run(user, { type: "button", message, customId: button.custom_id }, options);
  }

  /** The modal an exchange answered with (callback type 9). */
  modalOf(seen: Seen): { custom_id: string; title: string; field: { custom_id: string; label: string; max_length: number } } {
    const callback = seen.exchange.callbacks.find((c) => c.type === 9 && c.status < 300);
    if (!callback?.data) throw new Error(`interaction ${seen.exchange.id} did not open a modal: ${JSON.stringify(seen.exchange.callbacks)}`);
    const data = callback.data as { custom_id: string; title: string; components: Array<{ components: Array<{ custom_id: string; label: string; max_length: number }> }> };
    return { custom_id: data.custom_id, title: data.title, field: data.components[0]!.components[0]! };
  }

  /** Fills in the modal an earlier click opened and submits it. */
  submit(user: FakeUser, opened: Seen, value: string, options: { channel?: string } = {}): Promise<Seen> {
    const modal = this.modalOf(opened);
    return this.run(user, { type: "modal", customId: modal.custom_id, values: { [modal.field.custom_id]: value } }, options);
  }

  /** What autocomplete suggests while `typed` is in option `focused`. */
  async suggestions(user: FakeUser, name: string, focused: string, typed: string, others: Record<string, string> = {}): Promise<Array<{ name: string; value: string }>> {
    const seen = await this.run(user, { type: "autocomplete", name, options: { ...others, [focused]: typed }, focused });
    const callback = seen.exchange.callbacks.find((c) => c.type === 8);
    return ((callback?.data?.choices ?? []) as Array<{ name: string; value: string }>);
  }
}
