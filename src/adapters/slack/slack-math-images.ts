// Display math of a message everyone sees, as PNGs to upload beside it: Slack's mrkdwn has no math,
// and a fraction or a matrix reads poorly as Unicode. Ephemeral replies cannot carry files and keep
// the Unicode text only.
import { parseMarkup } from "../../core/chat/markup.ts";
import type { Reply, ReplyImage } from "../../core/chat/reply.ts";
import { latexToText } from "../../render/latex-to-text.ts";
import { renderLatexPng } from "../../render/latex-to-png.ts";
import { splitMathSegments } from "../../render/math-segments.ts";

/** Formulas uploaded with one message at most; an announcement is not a problem set. */
const MAX_IMAGES = 4;

/**
 * One PNG per display formula (`$$...$$`, `\[...\]`) in the tutor's own text of a reply: headings,
 * text, lists and fields. What a person typed (verbatim), code and quotes are never math. A
 * formula MathJax cannot lay out is left as the Unicode text already in the message.
 */
export function displayMathImages(reply: Reply): ReplyImage[] {
  const latex = new Set<string>();
  for (const block of reply.blocks) {
    const markups = block.kind === "heading" || block.kind === "text" ? [block.text]
      : block.kind === "list" ? block.items
        : block.kind === "fields" ? block.fields.flatMap((f) => [f.name, f.value])
          : [];
    for (const markup of markups) {
      for (const span of parseMarkup(markup)) {
        if (span.style !== "plain" && span.style !== "bold") continue;
        for (const segment of splitMathSegments(span.text)) if (segment.kind === "display" && segment.latex) latex.add(segment.latex);
      }
    }
  }
  const images: ReplyImage[] = [];
  for (const formula of latex) {
    if (images.length === MAX_IMAGES) break;
    try {
      images.push({ name: `formula-${images.length + 1}.png`, alt: latexToText(formula), png: renderLatexPng(formula) });
    } catch {
      // Not laid out: the message already shows it as Unicode text.
    }
  }
  return images;
}
