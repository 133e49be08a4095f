import type { Blank } from "../bank/schema.ts";
import { parseDimensions } from "./dimensions-grader.ts";
import { splitTopLevel } from "./formula-text.ts";

/**
 * How an answer to several blanks is cut into parts and each part given to a blank: by its label or
 * alias (matched loosely), by a label shared with the next part ("W1 / Ws: m x n"), or in order. Used
 * by blanks-grader.ts, which checks the values.
 */

/** Label spelling ignoring case, spaces, `_`, `-`, `\`, braces and ∂ vs d. */
export function looseLabel(label: string): string {
  return label.toLowerCase().replace(/∂/g, "d").replace(/\\partial/g, "d").replace(/[\s_\-\\{}$^]/g, "");
}

/** What joins a label to its value: `:`, `=`, `∈`, "is", or an arrow (`12 -> slot 3`). */
const SEPARATOR = /\s*(?:->|=>|→|⇒|↦|:|(?<![<>=!])=(?!=)|∈|\\in\b|\s+is\s+|\s+are\s+)\s*/;
/** Words that place a value, read as the link only in a part with no separator: `12 at index 3`, `12 goes to 3`. */
const PLACING = /\s+(?:(?:goes|go|went|lands?|landed|ends?\s+up|ended\s+up|is\s+placed|placed|sits|is\s+stored|stored)\s+)?(?:to|in|into|at|on)\s+/i;

/** A part of an answer, and whether ` / ` set it apart from the part before it on the same line. */
interface Part {
  text: string;
  afterSlash: boolean;
}

function splitParts(blanks: readonly Blank[], text: string): Part[] {
  // ` / ` and ` | ` separate parts in chat ("16 / 7x7x3"); `dL/dW` and `32/2` have no spaces.
  const pieces = text.split(/[;\n]/).flatMap((line) => line.split(/\s[/|]\s/).flatMap((p, i) => valueThenLabel(blanks, { text: p.trim(), afterSlash: i > 0 })));
  const parts = sharedLabels(blanks, pieces.filter((p) => p.text !== ""));
  if (parts.length !== 1) return parts;
  // "and" first, and never a thousands comma: "depth is 16 and parameters = 4,608" is two parts.
  // A split into labelled parts stands even when one label names two blanks ("W1 and Ws are m x n, W2 is l x m").
  // Sentences before commas ("depth 16. 3*3*16 = 144 per filter, times 32 gives 4608"): a decimal
  // point has no space after it.
  for (const sep of [/\s+and\s+/iy, /\.\s+/y, /,(?!\d{3}(?!\d))\s*/y]) {
    const split = splitTopLevel(parts[0]?.text ?? "", sep);
    if (split.length === blanks.length) return split.map((p) => ({ text: p, afterSlash: false }));
    if (split.length > 1 && split.every((p) => labelOf(blanks, p) !== undefined)) return split.map((p) => ({ text: p, afterSlash: false }));
  }
  return parts;
}

/** "16 / 26, size: 7x7x3": a bare value before a comma and a labelled part is a part of its own. */
function valueThenLabel(blanks: readonly Blank[], part: Part): Part[] {
  const m = /^([\w.]+),\s+(\S.*)$/.exec(part.text);
  if (!m || labelOf(blanks, m[2]!) === undefined || labelOf(blanks, part.text)?.exact) return [part];
  return [{ text: m[1]!, afterSlash: part.afterSlash }, { text: m[2]!, afterSlash: false }];
}

/** "W1 / Ws: m x n": a part that is only a blank's label shares the value of the labelled part after it. */
function sharedLabels(blanks: readonly Blank[], parts: Part[]): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.text;
    const next = parts[i + 1];
    const onlyLabel = blanks.some((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === looseLabel(part)));
    if (next !== undefined && !SEPARATOR.test(part) && onlyLabel && labelOf(blanks, next.text) !== undefined) {
      parts[i + 1] = { text: `${part}, ${next.text}`, afterSlash: parts[i]!.afterSlash };
    } else out.push(parts[i]!);
  }
  return out;
}

/** A label is a part's first words: "the depth is 16", not "each filter has 3*3*16 = 144 weights". */
const MAX_LABEL_WORDS = 3;

/** The blanks a part's label names ("W1", "W1 and Ws", "W1, Ws"), and where its value starts. */
interface Label {
  indices: number[];
  valueStart: number;
  /** The label is a blank's own label or alias, not a sentence with its name in it ("16 filters of"). */
  exact: boolean;
}

function labelOf(blanks: readonly Blank[], part: string): Label | undefined {
  // A colon or `=` links the words before it to the value ("depth in the first layer: 16"); an arrow
  // may be work inside the value ("W2 goes m→l so l by m").
  if (SEPARATOR.test(part)) return labelBefore(blanks, part, SEPARATOR) ?? (/[:=]/.test(part) ? undefined : firstWordLabel(blanks, part));
  // "depth 16", "params 32*3*3*16": a label then its value with only a space between; "W2 goes m→l
  // so l by m": a part that starts with a blank's own label.
  return labelBefore(blanks, part, PLACING) ?? labelBefore(blanks, part, BARE_VALUE) ?? firstWordLabel(blanks, part);
}

/** A space before a value (a digit or a bracket), for a label written with no separator. */
const BARE_VALUE = /\s+(?=[\d(])/;

/** A part whose first word is exactly a blank's label or alias (not a word of it): the rest is its value. */
function firstWordLabel(blanks: readonly Blank[], part: string): Label | undefined {
  const first = /^(\S+)\s+/.exec(part);
  if (!first) return undefined;
  const loose = looseLabel(first[1] ?? "");
  const index = blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === loose));
  // The rest must hold something a value is made of: a digit, a bracket or a one-letter name.
  const rest = part.slice(first[0].length);
  return index >= 0 && /\d|[([]|(?<![A-Za-z])[A-Za-z](?![A-Za-z])/.test(rest) ? { indices: [index], valueStart: first[0].length, exact: true } : undefined;
}

function labelBefore(blanks: readonly Blank[], part: string, separator: RegExp): Label | undefined {
  const sep = separator.exec(part);
  if (!sep || sep.index === 0) return undefined;
  // Reasoning, then "so depth = 16": the label is what follows the last "so".
  const before = part.slice(0, sep.index).trim().replace(/^[\s\S]*\b(?:so|thus|hence|therefore)\s+(?=\S)/i, "").replace(/^the\s+/i, "");
  // "depth isn't 3, it's 16": the denial belongs to the value (see afterDenial), not to the label.
  const denial = LABEL_DENIAL.exec(before);
  const label = denial ? before.slice(0, denial.index) : before;
  if (label === "" || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  const names = findBlank(blanks, label) >= 0 ? [label] : label.split(/\s*(?:,|&|\band\b)\s*/i).filter((p) => p !== "");
  const pieces = names.map((p) => findBlank(blanks, p));
  if (pieces.length === 0 || pieces.some((i) => i < 0)) return undefined;
  const exact = names.every((name, k) => [blanks[pieces[k]!]!.label, ...blanks[pieces[k]!]!.aliases].some((l) => looseLabel(l) === looseLabel(name)));
  return { indices: pieces, valueStart: denial ? part.lastIndexOf(denial[1]!, sep.index) : sep.index + sep[0].length, exact };
}

/** A label then a denial with no separator: "depth isn't 3", "depth not 3". */
const LABEL_DENIAL = /\s+((?:is\s+not|isn['’]t|is\s*n['’]t|not))$/i;

function findBlank(blanks: readonly Blank[], label: string): number {
  const loose = looseLabel(label);
  const exact = blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => looseLabel(l) === loose));
  if (exact >= 0) return exact;
  // "number of filters" names the blank "filters": a whole word of the label, 3+ letters.
  const words = label.toLowerCase().split(/[^a-z0-9]+/);
  return blanks.findIndex((b) => [b.label, ...b.aliases].some((l) => l.length >= 3 && /^[a-z ]+$/i.test(l) && words.includes(l.toLowerCase())));
}

/** Assigns parts to blanks: labelled ones by label, the rest in order. Exported for tests. */
export function assignParts(blanks: readonly Blank[], text: string): { values: Array<string | undefined>; ignored: string[]; labelled: boolean[]; exact: boolean[] } {
  const values: Array<string | undefined> = new Array(blanks.length).fill(undefined);
  const labelled: boolean[] = new Array(blanks.length).fill(false);
  const exact: boolean[] = new Array(blanks.length).fill(false);
  const unlabelled: Array<{ part: Part; index: number }> = [];
  const ignored: string[] = [];
  const parts = splitParts(blanks, text);
  // The blank each part went to, so a value set apart by ` / ` with no blank left joins the one before.
  const placed: Array<number | undefined> = new Array(parts.length).fill(undefined);
  parts.forEach((part, index) => {
    const label = labelOf(blanks, part.text);
    if (!label) {
      unlabelled.push({ part, index });
      return;
    }
    const free = label.indices.filter((i) => values[i] === undefined);
    if (free.length === 0) ignored.push(part.text);
    for (const i of free) {
      values[i] = part.text.slice(label.valueStart);
      labelled[i] = true;
      exact[i] = label.exact;
    }
    placed[index] = free.length === 1 ? free[0] : undefined;
  });
  // Unlabelled parts go to the blanks they can be, before position: a shape (a×b) to a shape blank,
  // a single value to a blank that is not a shape.
  for (const { part, index } of unlabelled) {
    const free = blanks.map((_, i) => i).filter((i) => values[i] === undefined);
    const shape = (parseDimensions(part.text)?.length ?? 0) > 1;
    const slot = free.find((i) => (blanks[i]!.kind === "dimensions") === shape) ?? free[0];
    const before = index > 0 ? placed[index - 1] : undefined;
    if (slot !== undefined) {
      values[slot] = part.text;
      placed[index] = slot;
    } else if (part.afterSlash && before !== undefined && blanks[before]!.kind !== "expression" && /^[\w.,]+$/.test(part.text)) {
      // "depth 16 / 32 / 3": more values than blanks, set apart by slashes after a value, are more
      // answers for that blank (a hedge), but "size: 7 / 7 / 3" is one shape written with slashes.
      const target = blanks[before]!;
      // Once a hedge, always a hedge: the value is not parsed again, so a long run of slashes stays linear.
      const growing = target.kind === "dimensions" && !values[before]!.includes(" or ") &&
        (parseDimensions(values[before]!)?.length ?? 0) < target.value.length && parseDimensions(part.text)?.length === 1;
      values[before] = `${values[before]}${growing ? " x " : " or "}${part.text}`;
      placed[index] = before;
    } else ignored.push(part.text);
  }
  return { values, ignored, labelled, exact };
}
