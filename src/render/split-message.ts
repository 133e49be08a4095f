// One splitter for every platform: rendered text in, messages within a character limit out.

/** One message of a split: what to send, and the slice of the input it carries. */
export interface MessagePart {
  /** The message: a reopened code fence, the slice, a closing fence, and the note saying where the rest is. */
  text: string;
  /** The exact slice of the input this message carries; the slices of all parts concatenate to the input. */
  slice: string;
}

export interface SplitOptions {
  /** Most UTF-16 code units in one message (Discord and Slack count no more than that). */
  limit: number;
  /**
   * Ends every message but the last, to say where the rest is; `null` for none (e.g. sections of one
   * Slack message). Default: `(continued below, 1/2)`.
   */
  note?: ((part: number, total: number) => string) | null;
}

/** Where the rest of a split reply is; short enough to cost little of a message. */
export const continuedNote = (part: number, total: number): string => `(continued below, ${part}/${total})`;

const FENCE = "```";
/** A closing fence, with the line break it may need: reserved in every part that might end inside a fence. */
const CLOSE_RESERVE = FENCE.length + 1;

/**
 * Splits rendered blocks (joined by `separator`) into messages of at most `limit` characters. It
 * prefers to split between blocks, then between paragraphs, items (a block given as an array of
 * items, e.g. list entries, joined by line breaks), lines and words, and only then inside a word
 * (never inside an escape, an entity or a surrogate pair). A code fence (a line starting with ```)
 * open at a split is closed and reopened with its opening line, so every message renders alone.
 */
export function splitMessage(
  blocks: readonly (string | readonly string[])[],
  options: SplitOptions & { separator?: string },
): MessagePart[] {
  const separator = options.separator ?? "\n\n";
  const starts = { blocks: [] as number[], items: [] as number[] };
  let text = "";
  blocks.forEach((block, i) => {
    if (i > 0) {
      text += separator;
      starts.blocks.push(text.length);
    }
    (typeof block === "string" ? [block] : block).forEach((item, j) => {
      if (j > 0) {
        text += "\n";
        starts.items.push(text.length);
      }
      text += item;
    });
  });
  return splitText(text, options, starts.blocks, starts.items);
}

/** Splits one text as `splitMessage` does; `blockStarts` and `itemStarts` are offsets where blocks and items start. */
export function splitText(
  text: string,
  options: SplitOptions,
  blockStarts: readonly number[] = [],
  itemStarts: readonly number[] = [],
): MessagePart[] {
  const { limit } = options;
  if (text.length <= limit) return [{ text, slice: text }];
  const note = options.note === undefined ? continuedNote : options.note;
  // The note's length depends on the number of parts, unknown until the end: reserve the longest it can be.
  const noteReserve = note ? note(text.length, text.length).length + 1 : 0;
  const scan = new Scan(text, new Set(blockStarts), new Set(itemStarts));
  const chunks: { prefix: string; slice: string; suffix: string }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const opener = scan.openFenceAt(pos);
    const prefix = opener === null ? "" : `${opener}\n`;
    if (prefix.length + text.length - pos <= limit) {
      chunks.push({ prefix, slice: text.slice(pos), suffix: "" });
      break;
    }
    const budget = limit - prefix.length - noteReserve - CLOSE_RESERVE;
    if (budget < 8) throw new RangeError(`splitText: a limit of ${limit} leaves no room for text`);
    const end = scan.cut(pos, pos + budget);
    const slice = text.slice(pos, end);
    const suffix = scan.openFenceAt(end) === null ? "" : `${slice.endsWith("\n") ? "" : "\n"}${FENCE}`;
    chunks.push({ prefix, slice, suffix });
    pos = end;
  }
  return chunks.map((chunk, i) => {
    let body = chunk.prefix + chunk.slice + chunk.suffix;
    if (note && i < chunks.length - 1) body += `${body.endsWith("\n") ? "" : "\n"}${note(i + 1, chunks.length)}`;
    return { text: body, slice: chunk.slice };
  });
}

/**
 * Breaks one long line into lines of at most `width` characters, at spaces when it can (the space
 * stays at the end of its line), never inside an escape: for prefixed lines (a quote's `> `) that a
 * split must not cut, since the rest of a cut line would lose its prefix.
 */
export function wrapLine(line: string, width: number): string[] {
  if (width < 8) throw new RangeError(`wrapLine: width ${width} is too small`);
  const scan = new Scan(line, new Set(), new Set());
  const lines: string[] = [];
  let pos = 0;
  while (line.length - pos > width) {
    const end = scan.cut(pos, pos + width);
    lines.push(line.slice(pos, end));
    pos = end;
  }
  lines.push(line.slice(pos));
  return lines;
}

/** Zero-width and joining characters: renderers use them to neutralise, so a cut must not separate them. */
const JOINER = /[\u00AD\u200B-\u200D\u2060]|\p{M}/u;
const ENTITY_HEAD = /&[#a-zA-Z0-9]{0,8}$/;
const ENTITY_TAIL = /^[#a-zA-Z0-9]*;/;

/** What a text looks like to the splitter: its fence lines and the places where a cut is welcome. */
class Scan {
  /** Fence lines in order: where each starts and ends, and the opening line when it opens a fence. */
  private readonly fences: { start: number; end: number; opener: string | null }[] = [];

  constructor(
    private readonly text: string,
    private readonly blockStarts: ReadonlySet<number>,
    private readonly itemStarts: ReadonlySet<number>,
  ) {
    let open: string | null = null;
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      if (text.startsWith(FENCE, start)) {
        open = open === null ? text.slice(start, end) : null;
        this.fences.push({ start, end, opener: open });
      }
      start = end + 1;
    }
  }

  /** The opening line of the fence open just before `at`, or null outside a fence. */
  openFenceAt(at: number): string | null {
    let opener: string | null = null;
    for (const fence of this.fences) {
      if (fence.start >= at) break;
      opener = fence.opener;
    }
    return opener;
  }

  /** Where to end a part that starts at `pos` and may run to `maxEnd`: the best boundary, late rather than early. */
  cut(pos: number, maxEnd: number): number {
    const t = this.text;
    const block = (c: number) => this.blockStarts.has(c);
    const paragraph = (c: number) => t[c - 1] === "\n" && t[c - 2] === "\n";
    const item = (c: number) => this.itemStarts.has(c);
    const line = (c: number) => t[c - 1] === "\n";
    const word = (c: number) => (t[c - 1] === " " || t[c - 1] === "\t") && !/\s/.test(t[c] ?? "");
    // A boundary in the second half of the room beats a better kind of boundary that would leave a short part.
    const half = pos + Math.ceil((maxEnd - pos) / 2);
    for (const kind of [block, paragraph, item, line, word]) {
      const c = this.latest(maxEnd, half, kind);
      if (c !== null) return c;
    }
    for (const kind of [line, word]) {
      const c = this.latest(half, pos + 1, kind);
      if (c !== null) return c;
    }
    return this.latest(maxEnd, Math.max(pos + 1, maxEnd - 16), (c) => this.safeInside(c))
      ?? this.latest(maxEnd, pos + 1, () => true)
      ?? maxEnd;
  }

  private latest(from: number, downTo: number, kind: (c: number) => boolean): number | null {
    for (let c = from; c >= downTo; c--) if (kind(c) && this.allowed(c)) return c;
    return null;
  }

  /** A cut inside a word keeps escapes, entities, surrogate pairs and neutralising characters whole. */
  private safeInside(c: number): boolean {
    const t = this.text;
    const before = t[c - 1] ?? "";
    const after = t[c] ?? "";
    if (before === "\\" || JOINER.test(after) || JOINER.test(before)) return false;
    if (/[\uD800-\uDBFF]/.test(before) && /[\uDC00-\uDFFF]/.test(after)) return false;
    return !(ENTITY_HEAD.test(t.slice(Math.max(0, c - 10), c)) && ENTITY_TAIL.test(t.slice(c, c + 10)));
  }

  /** Never inside a fence line, never leaving an empty code block on either side. */
  private allowed(c: number): boolean {
    for (const fence of this.fences) {
      if (fence.start >= c) {
        // A part that would start with the closing line of an open fence reopens it only to close it.
        return !(fence.start === c && fence.opener === null);
      }
      if (c <= fence.end) return false;
      // A part that would end just after an opening line shows an empty code block.
      if (fence.opener !== null && c === fence.end + 1) return false;
    }
    return true;
  }
}

/** At most `max` characters, never half a surrogate pair, with an ellipsis when cut: for labels and titles. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uDC00-\uDFFF]/.test(text[cut] ?? "")) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Items in groups of at most `size` (buttons in rows, attachments in messages). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
