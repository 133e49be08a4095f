// Blocks to Slack Block Kit sections in mrkdwn, with everything a person typed made literal.
import { parseMarkup, stripControl } from "../../core/chat/markup.ts";
import type { Block } from "../../core/chat/reply.ts";
import { boldWith, type InlineDialect, PLAIN_TEXT, renderInline } from "../../render/inline-dialect.ts";
import { renderMathText } from "../../render/latex-to-text.ts";
import { splitMessage, wrapLine } from "../../render/split-message.ts";
import { textTable } from "../../render/text-table.ts";

/** Block Kit's limits (reference: blocks, block elements, composition objects). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  blocksPerMessage: 50,
  /** A view: a modal or the App Home tab. */
  blocksPerView: 100,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
} as const;

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji: boolean;
}

/** `verbatim: true`: Slack does not turn bare `@channel`, `#name` or URLs in it into links or mentions. */
export interface MrkdwnText {
  type: "mrkdwn";
  text: string;
  verbatim: true;
}

export interface SlackButton {
  type: "button";
  text: PlainText;
  action_id: string;
  value?: string;
  style?: "primary" | "danger";
}

export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: MrkdwnText }
  | { type: "section"; fields: MrkdwnText[] }
  | { type: "context"; elements: MrkdwnText[] }
  | { type: "actions"; elements: SlackButton[] };

const ZWSP = "\u200B";
/** Slack quotes a line that starts with `>` or `&gt;`; a soft hyphen before it is invisible and stops that. */
const SHY = "\u00AD";

export const mrkdwn = (text: string): MrkdwnText => ({ type: "mrkdwn", text, verbatim: true });

/** `&`, `<`, `>` as entities: Slack's only escapes; this also makes `<!channel>` and `<@U123>` plain text. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Bare `@channel`, `@here`, `@everyone`: a zero-width space after `@` keeps any client from notifying. */
function neutraliseMentions(text: string): string {
  return text.replace(/@(?=(?:channel|here|everyone)\b)/gi, `@${ZWSP}`);
}

/**
 * Text as typed in mrkdwn. Slack has no backslash escape, so each `*`, `_`, `~` and backtick gets a
 * zero-width space on both sides: an opening marker needs a boundary before it and a non-space after
 * it, a closing one the reverse, and whether Slack counts U+200B as space or as a letter, one side
 * fails, so no pair ever forms; the characters copy out unchanged apart from the invisible spaces.
 */
export function escapeMrkdwn(text: string): string {
  return neutraliseMentions(
    escapeEntities(text)
      .replace(/&gt;/g, `${SHY}&gt;`)
      .replace(/[*_~`]/g, (c) => `${ZWSP}${c}${ZWSP}`),
  );
}

/** Text inside a code block or span: mrkdwn does not apply there, but entities do and a fence would end it. */
export function escapeCode(text: string): string {
  return neutraliseMentions(escapeEntities(stripControl(text)).replace(/`(?=`)/g, `\`${ZWSP}`));
}

/** `*text*` with the spaces outside: Slack does not bold `* text*`. */
const bold = boldWith("*");

/** mrkdwn as an inline dialect: math as Unicode, everything else made literal. */
const MRKDWN: InlineDialect = {
  prose: (text) => escapeMrkdwn(renderMathText(stripControl(text))),
  typed: escapeMrkdwn,
  code: (text) => `\`${escapeCode(text)}\``,
  bold,
};

/** The tutor's markup (bold, code, math, verbatim) as mrkdwn. */
export function inlineMrkdwn(markup: string, options: { bold?: boolean } = {}): string {
  return renderInline(markup, MRKDWN, options);
}

/** The markup as plain words (math as Unicode, no formatting): for a header or the notification text. */
export function plainWords(markup: string): string {
  return renderInline(markup, PLAIN_TEXT);
}

/**
 * Longest quote line: a split between sections then never cuts a line and loses its `> `. Four such
 * lines fill a section, so a long quote wastes little of each.
 */
const QUOTE_LINE = 740;

/** One block as Block Kit blocks: sections of at most 3,000 characters, fields ten to a section. */
export function slackBlocks(block: Block): SlackBlock[] {
  switch (block.kind) {
    case "heading":
      return heading(block.text);
    case "text":
      return sections(inlineMrkdwn(block.text));
    case "list":
      return sections(block.items.map((item) => `• ${inlineMrkdwn(item).replace(/\n/g, "\n    ")}`), "\n");
    case "quote":
      return sections(
        stripControl(block.text)
          .split("\n")
          .flatMap((line) => wrapLine(escapeMrkdwn(line), QUOTE_LINE))
          .map((line) => `> ${line || ZWSP}`),
        "\n",
      );
    case "fields":
      return fieldSections(block.fields.map((f) => `${bold(inlineMrkdwn(f.name, { bold: false }))}\n${inlineMrkdwn(f.value)}`));
    case "table":
      return sections(fenced(textTable(block.columns, block.rows, { cell: tableCell }).join("\n")));
    case "code":
      return sections(fenced(escapeCode(block.text)));
  }
}

/** A header when the heading is short plain words; else a bold section (a header cannot hold formatting). */
function heading(markup: string): SlackBlock[] {
  const spans = parseMarkup(markup);
  const words = plainWords(markup).replace(/\s+/g, " ").trim();
  const plain = spans.every((s) => s.style === "plain") && !/[&<>]/.test(words);
  if (plain && words && words.length <= SLACK_LIMITS.headerText) {
    return [{ type: "header", text: { type: "plain_text", text: words, emoji: false } }];
  }
  return sections(bold(inlineMrkdwn(markup, { bold: false }).replace(/\s*\n\s*/g, " ").trim()));
}

/** Sections for text of any length, split (and code fences reopened) at 3,000 characters. */
function sections(pieces: string | string[], separator = "\n\n"): SlackBlock[] {
  const list = typeof pieces === "string" ? [pieces] : pieces;
  return splitMessage(list, { limit: SLACK_LIMITS.sectionText, note: null, separator })
    // The line break a split falls on ends one section; the next section starts a new line anyway.
    .map((part) => part.text.replace(/\n+$/, ""))
    .filter((text) => text.trim() !== "")
    .map((text) => ({ type: "section", text: mrkdwn(text) }));
}

/** Fields ten to a section; a field too long for one becomes sections of its own, in its place. */
function fieldSections(texts: string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let group: MrkdwnText[] = [];
  const flush = () => {
    if (group.length) blocks.push({ type: "section", fields: group });
    group = [];
  };
  for (const text of texts) {
    if (text.length > SLACK_LIMITS.fieldText) {
      flush();
      blocks.push(...sections(text));
      continue;
    }
    group.push(mrkdwn(text));
    if (group.length === SLACK_LIMITS.fieldsPerSection) flush();
  }
  flush();
  return blocks;
}

/** A table cell in a code block: math as Unicode, nothing that could close the block or mention anyone. */
const tableCell = (text: string) => escapeCode(renderMathText(stripControl(text)));

function fenced(content: string): string {
  return `\`\`\`\n${content.replace(/\n+$/, "")}\n\`\`\``;
}

/** The first words of a reply, for notifications (Slack's `text` beside `blocks`). */
export function notificationText(blocks: readonly Block[], max: number): string {
  const words = blocks
    .map((block) => {
      switch (block.kind) {
        case "heading":
        case "text":
          return plainWords(block.text);
        case "list":
          return block.items.map(plainWords).join("; ");
        case "fields":
          return block.fields.map((f) => `${plainWords(f.name)}: ${plainWords(f.value)}`).join("; ");
        case "quote":
          return stripControl(block.text);
        default:
          return "";
      }
    })
    .filter((text) => text.trim() !== "")
    .join(" — ")
    .replace(/\s+/g, " ")
    .trim();
  // Cut the plain words, then escape: a cut escaped text could end inside `&amp;`.
  const cut = words.length > max ? `${Array.from(words.slice(0, max - 1)).join("").replace(/[\uD800-\uDBFF]$/, "")}…` : words;
  return escapeMrkdwn(cut);
}
