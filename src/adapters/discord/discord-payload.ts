// Rendered messages as discord.js send options, and the modal a form button opens.
import type { FormRequest, VisibleReply } from "../../core/chat/reply.ts";
import { renderLatexPng, renderMathTextPng } from "../../render/latex-to-png.ts";
import { truncate } from "../../render/split-message.ts";
import { type DecodedId, encodeButton, encodeModal } from "./discord-custom-id.ts";
import { type DiscordMessage, EPHEMERAL, renderDiscordReply } from "./discord-renderer.ts";

/** What discord.js's send, reply, editReply and followUp take (its option names, our JSON inside). */
export interface SendOptions {
  content?: string;
  embeds?: DiscordMessage["embeds"];
  components?: DiscordMessage["components"];
  files?: Array<{ attachment: Buffer; name: string; description?: string }>;
  flags?: number;
  allowedMentions: { parse: [] };
}

/** One message as discord.js options; `ephemeral: false` drops the flag (channel posts, DMs). */
export function sendOptions(message: DiscordMessage, options: { ephemeral?: boolean } = {}): SendOptions {
  const flags = options.ephemeral === false ? 0 : (message.flags ?? 0);
  return {
    ...(message.content ? { content: message.content } : {}),
    ...(message.embeds?.length ? { embeds: message.embeds } : {}),
    ...(message.components?.length ? { components: message.components } : {}),
    ...(message.files?.length ? { files: message.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
    ...(flags ? { flags } : {}),
    allowedMentions: { parse: [] },
  };
}

/**
 * A reply as Discord messages: buttons carry their action in custom_id (with the guild when the
 * message goes outside it, to a DM), display math is drawn by MathJax, every limit is respected.
 */
export function renderForDiscord(reply: VisibleReply, options: { guild?: string; forms?: FormMemory } = {}): DiscordMessage[] {
  return renderDiscordReply(reply, {
    customId: (button, index) => {
      const id = encodeButton(button, index, options.guild);
      if ("form" in button) options.forms?.remember(id, button.form);
      return id;
    },
    mathImage: (formulas) => (formulas.length === 1 ? renderLatexPng(formulas[0]!) : renderMathTextPng(formulas.map((f) => `$$${f}$$`).join("\n"))),
  });
}

/** Discord's limits on a modal: a title and a label of 45 characters, a placeholder of 100. */
const TITLE_MAX = 45;
const PLACEHOLDER_MAX = 100;

/**
 * The titles and labels of forms this process rendered, by custom_id: Discord gives a click only
 * the custom_id, which has no room for them. After a restart a form still opens, titled from its
 * action instead.
 */
export class FormMemory {
  private readonly forms = new Map<string, FormRequest>();
  constructor(private readonly capacity = 2000) {}

  remember(customId: string, form: FormRequest): void {
    this.forms.delete(customId);
    this.forms.set(customId, form);
    if (this.forms.size > this.capacity) this.forms.delete(this.forms.keys().next().value!);
  }

  get(customId: string): FormRequest | undefined {
    return this.forms.get(customId);
  }
}

/** The modal of a form button: one paragraph text input; its custom_id carries the action. */
export function modalFor(decoded: Extract<DecodedId, { kind: "form" }>, form: FormRequest | undefined) {
  const fallbackTitle = [`/${decoded.action.command}`, ...Object.values(decoded.action.options)].join(" ");
  const label = form?.field.label ?? decoded.field[0]!.toUpperCase() + decoded.field.slice(1);
  const placeholder = form?.field.placeholder ?? (label.length > TITLE_MAX ? label : undefined);
  return {
    title: truncate(form?.title ?? fallbackTitle, TITLE_MAX),
    custom_id: encodeModal(decoded),
    components: [{
      type: 1,
      components: [{
        type: 4, custom_id: decoded.field, style: 2, label: truncate(label, TITLE_MAX), required: true, max_length: decoded.maxLength,
        ...(placeholder ? { placeholder: truncate(placeholder, PLACEHOLDER_MAX) } : {}),
      }],
    }],
  };
}

export { EPHEMERAL };
