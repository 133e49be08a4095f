// Split prose with embedded math ($...$, $$...$$, \(...\), \[...\]) into segments.
import { isKnownCommand } from "./latex-symbols.ts";

/** A piece of mixed text: prose, inline math or display math (the latter without delimiters). */
export type MathSegment =
  | { kind: "text"; text: string }
  | { kind: "inline"; latex: string }
  | { kind: "display"; latex: string };

/**
 * Segments of `text` in order. A single `$` opens math only as Pandoc has it (a non-space follows,
 * the closing `$` has a non-space before it and no digit after) and only up to the next `$`, so
 * "costs $5 and $6" stays prose. A known command standing in prose with its arguments and scripts
 * (`the gradient of \mathcal{L}`, `\mathbf{W}_3`: the seed has such) is inline math too.
 * `\$` is a literal dollar. Unclosed delimiters are prose.
 */
export function splitMathSegments(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let prose = "";
  const flush = (): void => {
    if (prose !== "") segments.push({ kind: "text", text: prose });
    prose = "";
  };
  let i = 0;
  while (i < text.length) {
    const found = matchMath(text, i);
    if (found) {
      flush();
      segments.push(found.segment);
      i = found.end;
      continue;
    }
    if (text.startsWith("\\$", i)) {
      prose += "$";
      i += 2;
      continue;
    }
    prose += text[i];
    i++;
  }
  flush();
  return segments;
}

function matchMath(text: string, at: number): { segment: MathSegment; end: number } | undefined {
  if (text.startsWith("$$", at)) return delimited(text, at, "$$", "$$", "display");
  if (text.startsWith("\\[", at)) return delimited(text, at, "\\[", "\\]", "display");
  if (text.startsWith("\\(", at)) return delimited(text, at, "\\(", "\\)", "inline");
  if (text[at] === "$") return inlineDollar(text, at);
  if (text[at] === "\\") return bareCommand(text, at);
  return undefined;
}

function delimited(
  text: string, at: number, open: string, close: string, kind: "inline" | "display",
): { segment: MathSegment; end: number } | undefined {
  const start = at + open.length;
  const end = findUnescaped(text, close, start);
  if (end < 0) return undefined;
  return { segment: { kind, latex: text.slice(start, end).trim() }, end: end + close.length };
}

function inlineDollar(text: string, at: number): { segment: MathSegment; end: number } | undefined {
  const first = text[at + 1];
  if (first === undefined || /\s/.test(first)) return undefined;
  // Inline math never contains a bare $: the next one closes it, or there is no math here.
  const close = findUnescaped(text, "$", at + 1);
  if (close < 0) return undefined;
  const content = text.slice(at + 1, close);
  const before = text[close - 1] ?? "";
  const after = text[close + 1] ?? "";
  // Inline math does not cross a paragraph break.
  if (/\s/.test(before) || /\d/.test(after) || content.includes("\n\n")) return undefined;
  return { segment: { kind: "inline", latex: content }, end: close + 1 };
}

function findUnescaped(text: string, needle: string, from: number): number {
  let j = text.indexOf(needle, from);
  while (j > 0 && text[j - 1] === "\\" && needle !== "\\]" && needle !== "\\)") {
    j = text.indexOf(needle, j + 1);
  }
  return j;
}

function bareCommand(text: string, at: number): { segment: MathSegment; end: number } | undefined {
  const match = /^\\([a-zA-Z]+)/.exec(text.slice(at, at + 40));
  if (!match || !isKnownCommand(match[1] ?? "")) return undefined;
  const end = fragmentEnd(text, at + match[0].length);
  return { segment: { kind: "inline", latex: text.slice(at, end) }, end };
}

/** Where a bare command's fragment ends: after its {groups} and any _x / ^{...} scripts. */
function fragmentEnd(text: string, from: number): number {
  let j = from;
  for (;;) {
    if (text[j] === "{") {
      j = groupEnd(text, j);
    } else if ((text[j] === "_" || text[j] === "^") && j + 1 < text.length) {
      j = text[j + 1] === "{" ? groupEnd(text, j + 1) : j + 2;
    } else {
      return j;
    }
  }
}

function groupEnd(text: string, open: number): number {
  let level = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === "{") level++;
    if (text[j] === "}" && --level === 0) return j + 1;
  }
  return text.length;
}
