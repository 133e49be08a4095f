// The display formulas of a reply, drawn once as a PNG: Discord shows images, so math that Unicode
// renders poorly (fractions, sums with limits, aligned derivations) is worth a picture.
import { parseMarkup } from "../../core/chat/markup.ts";
import type { Block } from "../../core/chat/reply.ts";
import { renderMathText } from "../../render/latex-to-text.ts";
import { splitMathSegments } from "../../render/math-segments.ts";

/** Draws formulas (LaTeX, without delimiters) as one PNG; throws when the TeX does not parse. */
export type MathImage = (formulas: readonly string[]) => Buffer;

/** The image of a reply's display math, with its Unicode text as the alt text. */
export interface RenderedMath {
  png: Buffer;
  alt: string;
}

/** At most this many formulas in one picture: a long derivation still reads as a card. */
const MAX_FORMULAS = 8;

/**
 * Display math (`$$...$$`, `\[...\]`) in the tutor's and the bank's prose: text, list and field
 * blocks. What a person typed (verbatim), code, quotes and tables are never drawn: typed text must
 * show as typed, and a student's `$$` is not the bank's formula.
 */
export function displayFormulas(blocks: readonly Block[]): string[] {
  const prose = blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case "text":
        return [block.text];
      case "list":
        return block.items;
      case "fields":
        return block.fields.flatMap((f) => [f.name, f.value]);
      default:
        return [];
    }
  });
  const formulas = prose
    .flatMap((markup) => parseMarkup(markup).filter((s) => s.style === "plain" || s.style === "bold"))
    .flatMap((span) => splitMathSegments(span.text).flatMap((seg) => (seg.kind === "display" && seg.latex.trim() ? [seg.latex.trim()] : [])));
  return [...new Set(formulas)].slice(0, MAX_FORMULAS);
}

/**
 * The reply's display math as one picture, or null when it has none or the TeX does not draw (the
 * text keeps its Unicode rendering either way, so nothing is lost).
 */
export function mathPicture(blocks: readonly Block[], draw: MathImage | undefined): RenderedMath | null {
  if (!draw) return null;
  const formulas = displayFormulas(blocks);
  if (formulas.length === 0) return null;
  try {
    return { png: draw(formulas), alt: formulas.map((f) => renderMathText(`$$${f}$$`).trim()).join("\n") };
  } catch {
    return null;
  }
}
