// LaTeX -> readable Unicode text, for places that cannot show images (console, Slack ephemerals).
import { LRUCache } from "lru-cache";
import { tokenize } from "./latex-tokens.ts";
import { Reader } from "./latex-reader.ts";
import { splitMathSegments } from "./math-segments.ts";

/**
 * Render LaTeX math as readable Unicode text: `\mathbf{W}_1 \in \mathbb{R}^{p \times n}` -> `W₁ ∈ ℝ^(p×n)`.
 * Bold is dropped (terminals rarely have it), unknown commands lose their backslash; never throws.
 */
export function latexToText(latex: string): string {
  try {
    const { text } = new Reader(tokenize(latex)).sequence(false, false);
    return tidy(text);
  } catch {
    // Only a bug can land here; plain source beats an exception in a chat reply.
    return latex.replace(/\\([a-zA-Z]+)/g, "$1").replace(/[{}\\]/g, "");
  }
}

/**
 * Render prose with `$...$` / `$$...$$` math as Unicode text: math segments are converted, display
 * math gets lines of its own, prose is kept. Bare commands in prose (`the gradient of \mathcal{L}`,
 * as the bank's source has them) count as inline math (see splitMathSegments).
 */
export function renderMathText(text: string): string {
  let out = rendered.get(text);
  if (out === undefined) {
    out = convertMathText(text);
    rendered.set(text, out);
  }
  return out;
}

/**
 * Texts already converted: the same prompts, solutions and feedback go to every student (300 exam
 * reports are 6,000 solutions, 20 distinct), and converting is most of a long reply's rendering.
 */
const rendered = new LRUCache<string, string>({ max: 4096, maxSize: 8_000_000, sizeCalculation: (value, key) => Math.max(1, value.length + key.length) });

function convertMathText(text: string): string {
  let out = "";
  let afterDisplay = false;
  for (const segment of splitMathSegments(text)) {
    let piece: string;
    if (segment.kind === "display") {
      piece = latexToText(segment.latex);
      // Display math starts a line of its own unless the prose already broke the line.
      out = out === "" || /\n[ \t]*$/.test(out) ? out.replace(/[ \t]+$/, "") : out.trimEnd() + "\n";
    } else {
      piece = segment.kind === "inline" ? latexToText(segment.latex) : segment.text;
      if (afterDisplay && !/^[ \t]*\n/.test(piece)) piece = "\n" + piece.replace(/^[ \t]+/, "");
    }
    out += piece;
    afterDisplay = segment.kind === "display";
  }
  return out;
}

/** Tidy each line: no space just inside brackets, no trailing space. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/(?<=\S)[ ]+(?=[)\]⟩])/g, "").replace(/([([⟨])[ ]+(?=\S)/g, "$1").trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}
