// A neutral reply as Discord message payloads: plain JSON the adapter hands to discord.js or REST.
import { stripControl } from "../../core/chat/markup.ts";
import type { Block, ReplyButton, VisibleReply } from "../../core/chat/reply.ts";
import { chunk, continuedNote, splitMessage, truncate } from "../../render/split-message.ts";
import { blockItems, inlineMarkdown } from "./discord-markdown.ts";
import { type MathImage, mathPicture } from "./discord-math.ts";

/** Discord's limits on what a message may carry (developer docs: Message, Embed, Components, Attachments). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  /** Characters of every embed of one message together (titles and descriptions). */
  embedsPerMessageChars: 6000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  attachmentsPerMessage: 10,
  attachmentDescription: 1024,
} as const;

/** `MessageFlags.Ephemeral`: only the person who ran the command sees the message. */
export const EPHEMERAL = 64;

/** The colour of the tutor's cards (the histogram's blue). */
const CARD_COLOR = 0x4e79a7;

/** The file name of a reply's drawn math, shown in its card. */
export const MATH_IMAGE_NAME = "math.png";

export interface DiscordButton {
  type: 2;
  /** 1 primary, 2 secondary, 4 danger. */
  style: 1 | 2 | 4;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

/** A card: a reply with a heading, as one embed (title, description, an image); a page of a long reply. */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  color: number;
  /** `attachment://NAME`: an image uploaded with the message, shown inside the card. */
  image?: { url: string };
}

/** A file to upload with the message (discord.js `files`, or multipart `files[n]` over REST). */
export interface DiscordAttachment {
  name: string;
  data: Buffer;
  contentType: string;
  /** Alt text of an image. */
  description?: string;
}

/** One message to send: a reply's first message, or a follow-up with the same flags. */
export interface DiscordMessage {
  content: string;
  embeds?: DiscordEmbed[];
  components?: DiscordActionRow[];
  files?: DiscordAttachment[];
  flags?: number;
  /** Nothing a reply says pings anyone, whatever its text. */
  allowed_mentions: { parse: [] };
}

export interface DiscordRenderOptions {
  /**
   * A button's `custom_id` (at most 100 characters, unique in the message); the adapter encodes the
   * button's action or form in it. Default `button:<index>`.
   */
  customId?: (button: ReplyButton, index: number) => string;
  /** Draws the reply's display math as a picture (the adapter passes MathJax); none by default. */
  mathImage?: MathImage;
}

const STYLES = { primary: 1, secondary: 2, danger: 4 } as const;

/**
 * Renders a reply as Discord messages within Discord's limits. A reply that starts with a heading
 * and fits one embed is a card: the heading as its title, the rest as its description (4,096
 * characters, against 2,000 of content), its display math or first image inside it. Anything else
 * within 2,000 characters is Markdown content; longer, it is pages of embeds (see `pages`).
 * Attachments go on the first message, buttons in rows of five under the last, and every message
 * of a private reply has `flags: 64`.
 */
export function renderDiscordReply(reply: VisibleReply, options: DiscordRenderOptions = {}): DiscordMessage[] {
  const base = (content: string): DiscordMessage => ({
    content,
    allowed_mentions: { parse: [] },
    ...(reply.visibility === "private" ? { flags: EPHEMERAL } : {}),
  });
  const files = attachments(reply, options.mathImage);
  const pieces = blockPieces(reply.blocks);
  const card = asCard(reply.blocks, pieces);
  const plain = card ? [] : splitMessage(pieces, { limit: DISCORD_LIMITS.content });
  const messages = card
    ? [{ ...base(""), embeds: [{ ...card, ...cardImage(files) }] }]
    : plain.length > 1
      ? pages(reply.blocks, pieces).map((embeds) => ({ ...base(""), embeds }))
      : plain.map((part) => base(part.text)).filter((m) => m.content !== "");

  chunk(files, DISCORD_LIMITS.attachmentsPerMessage).forEach((group, i) => {
    const message = messages[i] ?? messages[messages.push(base(i === 0 ? "" : "More attachments:")) - 1]!;
    message.files = group;
  });

  const perMessage = DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rowsPerMessage;
  chunk(buttons(reply.buttons ?? [], options.customId ?? defaultCustomId), perMessage).forEach((group, i) => {
    const rows = chunk(group, DISCORD_LIMITS.buttonsPerRow).map((components): DiscordActionRow => ({ type: 1, components }));
    const last = messages[messages.length - 1];
    if (i === 0 && last) last.components = rows;
    else messages.push({ ...base(i === 0 ? "" : "More choices:"), components: rows });
  });

  if (messages.length === 0) messages.push(base("(no content)"));
  return messages;
}

/** The default `custom_id`: the button's place in the reply. */
export const defaultCustomId = (_button: ReplyButton, index: number): string => `button:${index}`;

/** A reply that starts with a heading and fits one embed, as that embed; null when it does not fit. */
function asCard(blocks: readonly Block[], pieces: string[][]): Omit<DiscordEmbed, "image"> | null {
  const title = headingTitle(blocks);
  if (!title) return null;
  const description = withoutHeading(pieces).map((items) => items.join("\n")).join("\n\n");
  if (!title || title.length > DISCORD_LIMITS.embedTitle || description.length > DISCORD_LIMITS.embedDescription) return null;
  return { title, ...(description ? { description } : {}), color: CARD_COLOR };
}

/**
 * A reply too long for one message, as pages: embeds of at most PAGE characters, two a message
 * (Discord allows 6,000 characters of embeds in one), each message but the last ending with where
 * the rest is. A long report takes a third of the messages split content would, and every message
 * after the first is a follow-up call (discord.js sends them under its 50-a-second limit).
 */
function pages(blocks: readonly Block[], pieces: string[][]): DiscordEmbed[][] {
  const title = headingTitle(blocks);
  const titled = title !== "" && title.length <= DISCORD_LIMITS.embedTitle;
  const parts = splitMessage(titled ? withoutHeading(pieces) : pieces, { limit: PAGE - NOTE_RESERVE, note: null });
  const messages = chunk(parts.map((p) => p.text), PAGES_PER_MESSAGE);
  return messages.map((texts, m) => texts.map((description, i) => {
    const last = i === texts.length - 1 && m < messages.length - 1;
    const page: DiscordEmbed = { description: last ? `${description}\n\n${continuedNote(m + 1, messages.length)}` : description, color: CARD_COLOR };
    return m === 0 && i === 0 && titled ? { title, ...page } : page;
  }));
}

/** A page's characters: two pages and a title stay within a message's 6,000 characters of embeds. */
const PAGE = Math.floor((DISCORD_LIMITS.embedsPerMessageChars - DISCORD_LIMITS.embedTitle) / 2);
const PAGES_PER_MESSAGE = 2;
/** Room for the note that says where the rest is. */
const NOTE_RESERVE = 40;

/** The reply's first block as a card's title, when it is a heading; "" otherwise. */
function headingTitle(blocks: readonly Block[]): string {
  const [first] = blocks;
  return first?.kind === "heading" ? inlineMarkdown(first.text).replace(/\s*\n\s*/g, " ").trim() : "";
}

/** The pieces without the leading heading's line (blockPieces keeps a heading with the block under it). */
function withoutHeading(pieces: string[][]): string[][] {
  const [first, ...rest] = pieces;
  if (!first) return [];
  const [lead = "", ...items] = first;
  const body = lead.slice(lead.indexOf("\n") + 1);
  return lead.includes("\n") ? [[body, ...items], ...rest] : rest;
}

/** The card shows the drawn math, else the first image the reply carries. */
function cardImage(files: readonly DiscordAttachment[]): Pick<DiscordEmbed, "image"> {
  const shown = files.find((f) => f.contentType === "image/png" && f.description !== undefined);
  return shown ? { image: { url: `attachment://${shown.name}` } } : {};
}

/** Rendered blocks (as items a split should rather not cut), a heading kept with the block under it. */
function blockPieces(blocks: readonly Block[]): string[][] {
  const pieces: string[][] = [];
  let heading: string | null = null;
  for (const block of blocks) {
    const items = blockItems(block).filter((item) => item !== "");
    if (items.length === 0) continue;
    if (heading !== null) items[0] = `${heading}\n${items[0]}`;
    heading = null;
    if (block.kind === "heading") heading = items[0]!;
    else pieces.push(items);
  }
  if (heading !== null) pieces.push([heading]);
  return pieces;
}

function buttons(list: readonly ReplyButton[], customId: (button: ReplyButton, index: number) => string): DiscordButton[] {
  const seen = new Set<string>();
  return list.map((button, index) => {
    const id = customId(button, index);
    // The adapter decodes custom_id to run the action: cutting it would run something else, so a bad one is a bug.
    if (id.length === 0 || id.length > DISCORD_LIMITS.customId || seen.has(id)) {
      throw new Error(`Discord custom_id must be 1-${DISCORD_LIMITS.customId} characters and unique in a message: ${JSON.stringify(id)}`);
    }
    seen.add(id);
    const label = truncate(stripControl(button.label).replace(/\s+/g, " ").trim(), DISCORD_LIMITS.buttonLabel);
    return { type: 2, style: STYLES[button.style ?? "secondary"], label: label || `Option ${index + 1}`, custom_id: id };
  });
}

/** The drawn math first (the card shows it), then the reply's images, then its files. */
function attachments(reply: VisibleReply, mathImage: MathImage | undefined): DiscordAttachment[] {
  const math = mathPicture(reply.blocks, mathImage);
  return [
    ...(math ? [{ name: MATH_IMAGE_NAME, data: math.png, contentType: "image/png", description: truncate(stripControl(math.alt), DISCORD_LIMITS.attachmentDescription) }] : []),
    ...(reply.images ?? []).map((image) => ({
      name: fileName(image.name.endsWith(".png") ? image.name : `${image.name}.png`),
      data: image.png,
      contentType: "image/png",
      description: truncate(stripControl(image.alt), DISCORD_LIMITS.attachmentDescription),
    })),
    ...(reply.files ?? []).map((file) => ({ name: fileName(file.name), data: file.data, contentType: file.contentType })),
  ];
}

/** A file name Discord shows as given: no folders, no control characters. */
function fileName(name: string): string {
  return stripControl(name).replace(/[\\/]/g, "_") || "file";
}
