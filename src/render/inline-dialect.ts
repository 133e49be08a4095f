// The tutor's inline markup (bold, code, math, typed text) in a platform's dialect: one walk over the spans.
import { parseMarkup, stripControl } from "../core/chat/markup.ts";
import { renderMathText } from "./latex-to-text.ts";

/**
 * How a platform writes inline text: what it escapes and how it marks code and bold. Typed text and
 * code reach it with control characters already dropped; prose reaches it as written, since where
 * the dialect drops control characters (before or after converting math) is its own choice.
 */
export interface InlineDialect {
  /** The tutor's or the bank's prose (a plain or bold span) as written: math to convert, control characters to drop, text to escape. */
  prose(text: string): string;
  /** What a person typed (a `verbatim()` span): shown exactly as typed, never as formatting. */
  typed(text: string): string;
  /** A code span's text, written as the platform writes code. */
  code(text: string): string;
  /** Bold around prose the dialect has already written. */
  bold(text: string): string;
}

/**
 * Markup in a dialect. `bold: false` leaves bold spans unmarked, for text the caller makes bold as a
 * whole (a field's name, a heading) without nesting one bold inside another.
 */
export function renderInline(markup: string, dialect: InlineDialect, options: { bold?: boolean } = {}): string {
  return parseMarkup(markup)
    .map((span) => {
      switch (span.style) {
        case "verbatim":
          return dialect.typed(stripControl(span.text));
        case "code":
          return dialect.code(stripControl(span.text));
        case "bold":
          return options.bold === false ? dialect.prose(span.text) : dialect.bold(dialect.prose(span.text));
        case "plain":
          return dialect.prose(span.text);
      }
    })
    .join("");
}

/**
 * Bold by a marker (`**`, `*`) with the spaces outside it: chat clients do not bold `** text**`.
 * Text of spaces alone stays as it is.
 */
export function boldWith(marker: string): (text: string) => string {
  return (text) => {
    const [, lead = "", inner = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
    return inner ? `${lead}${marker}${inner}${marker}${trail}` : text;
  };
}

/**
 * Plain words: no markers, math as Unicode, typed text and code as they are, no control characters.
 * What a terminal shows, and a Slack header or notification.
 */
export const PLAIN_TEXT: InlineDialect = {
  // Math first, then control characters out of all it gives: nothing reaches a terminal unstripped.
  prose: (text) => stripControl(renderMathText(text)),
  typed: (text) => text,
  code: (text) => text,
  bold: (text) => text,
};
