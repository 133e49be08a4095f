import { VERBATIM_CLOSE, VERBATIM_OPEN } from "./reply.ts";

/**
 * A run of inline text. `plain` and `bold` may hold math (`$...$`) for the renderer to convert;
 * `code` is shown monospace as is; `verbatim` is what a person typed, shown exactly as typed.
 */
export interface Span {
  style: "plain" | "bold" | "code" | "verbatim";
  text: string;
}

/**
 * Splits the tutor's markup (`**bold**`, `` `code` ``, `verbatim()` text, math left in place) into
 * spans. An unclosed `**` or backtick is plain text, so a stray star never swallows a reply.
 */
export function parseMarkup(markup: string): Span[] {
  const spans: Span[] = [];
  let plain = "";
  const push = (style: Span["style"], text: string) => {
    if (plain) spans.push({ style: "plain", text: plain });
    plain = "";
    if (text) spans.push({ style, text });
  };
  let i = 0;
  while (i < markup.length) {
    const c = markup[i]!;
    if (c === VERBATIM_OPEN) {
      const end = markup.indexOf(VERBATIM_CLOSE, i + 1);
      const stop = end < 0 ? markup.length : end;
      push("verbatim", markup.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    if (c === "`" || markup.startsWith("**", i)) {
      const mark = c === "`" ? "`" : "**";
      const end = markup.indexOf(mark, i + mark.length);
      // Verbatim text inside is kept as a whole span of its own: never split it at a marker.
      const inner = end < 0 ? "" : markup.slice(i + mark.length, end);
      if (end > i + mark.length && !inner.includes(VERBATIM_OPEN)) {
        push(mark === "`" ? "code" : "bold", inner);
        i = end + mark.length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  push("plain", "");
  return spans;
}

/**
 * Control characters a person may have typed, whole terminal sequences first (CSI such as colours,
 * OSC such as a window title), then NUL, DEL, C1 and bidi overrides; tab and newline stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B\[[0-?]*[ -/]*[@-~]|\u001B[@-_]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Drops control characters: nothing a person typed may move a terminal's cursor or hide text. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, "");
}

/** Markup with the marks around typed text taken out: for plain-text outputs such as `tutor grade --json`. */
export function withoutVerbatimMarks(markup: string): string {
  return markup.replace(/[\uE000\uE001]/g, "");
}
