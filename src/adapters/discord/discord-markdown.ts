// Blocks to Discord Markdown, with everything a person typed (and the bank's prose) made literal.
import type { Block } from "../../core/chat/reply.ts";
import { stripControl } from "../../core/chat/markup.ts";
import { boldWith, type InlineDialect, renderInline } from "../../render/inline-dialect.ts";
import { renderMathText } from "../../render/latex-to-text.ts";
import { wrapLine } from "../../render/split-message.ts";
import { textTable } from "../../render/text-table.ts";

const ZWSP = "\u200B";

/**
 * Makes mentions inert even where Markdown is not parsed (code): a zero-width space after `@` of
 * `@everyone`/`@here` and after `<` of `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `<t:…>`, `</cmd:id>`.
 * `allowed_mentions` already stops the ping; this also stops the blue pill that names a person.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=(?:everyone|here)\b)/gi, `@${ZWSP}`).replace(/<(?=\S)/g, `<${ZWSP}`);
}

/**
 * Escapes Discord Markdown so text shows as typed: `**`, `||spoiler||`, backticks, `[text](url)`
 * masked links, `# heading`, `> quote`, `-# subtext`, lists. Discord accepts a backslash before any
 * ASCII punctuation; `#` and `>` are escaped anywhere, since a split may start a message mid-line.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(
    text
      .replace(/[\\*_~`|>#[\]]/g, "\\$&")
      .replace(/^([ \t]*)([-+])(?=[ \t]|\\#|$)/gm, "$1\\$2")
      .replace(/^([ \t]*\d+)\.(?=[ \t]|$)/gm, "$1\\."),
  );
}

/** Text inside a code block or span: no Markdown applies there, but a fence in it would end the block. */
export function escapeCode(text: string): string {
  return neutraliseMentions(stripControl(text).replace(/`(?=`)/g, `\`${ZWSP}`));
}

/** `**text**` with the spaces outside: Discord does not bold `** text**`. */
const bold = boldWith("**");

/** Discord Markdown as an inline dialect: math as Unicode, everything else escaped to show as written. */
const MARKDOWN: InlineDialect = {
  prose: (text) => escapeMarkdown(renderMathText(stripControl(text))),
  typed: escapeMarkdown,
  code: (text) => `\`${escapeCode(text)}\``,
  bold,
};

/** The tutor's markup (bold, code, math, verbatim) as Discord Markdown. */
export function inlineMarkdown(markup: string, options: { bold?: boolean } = {}): string {
  return renderInline(markup, MARKDOWN, options);
}

/**
 * Longest quote line: a split then never cuts a line and loses its `> `. Four such lines fill a
 * message, so a long quote wastes little of each.
 */
const QUOTE_LINE = 480;

/**
 * One block as Discord Markdown, in the items a split should rather not cut (list entries, field
 * lines); one item for other blocks. Joined by line breaks they are the block.
 */
export function blockItems(block: Block): string[] {
  switch (block.kind) {
    case "heading":
      return [`### ${inlineMarkdown(block.text).replace(/\s*\n\s*/g, " ")}`];
    case "text":
      return [inlineMarkdown(block.text)];
    case "list":
      return block.items.map((item) => `- ${inlineMarkdown(item).replace(/\n/g, "\n  ")}`);
    case "quote":
      return [
        stripControl(block.text)
          .split("\n")
          .flatMap((line) => wrapLine(escapeMarkdown(line), QUOTE_LINE))
          // An empty `> ` line would end the quote; a zero-width space keeps it going.
          .map((line) => `> ${line || ZWSP}`)
          .join("\n"),
      ];
    case "fields":
      return block.fields.map((f) => `${bold(inlineMarkdown(f.name, { bold: false }))}: ${inlineMarkdown(f.value)}`);
    case "table":
      return [fenced(textTable(block.columns, block.rows, { cell: tableCell }).join("\n"))];
    case "code":
      return [fenced(escapeCode(block.text))];
  }
}

/** A table cell in a code block: math as Unicode, nothing that could close the block or mention anyone. */
const tableCell = (text: string) => escapeCode(renderMathText(stripControl(text)));

function fenced(content: string): string {
  return `\`\`\`\n${content.replace(/\n+$/, "")}\n\`\`\``;
}
