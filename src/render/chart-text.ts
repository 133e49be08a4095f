// Text for charts drawn as MathJax glyph paths: resvg then needs no font file, in CI or anywhere.
import { latexToSvg } from "./mathjax-svg.ts";
import type { MathSvg } from "./mathjax-svg.ts";
import { escapeXml, placeMath, round } from "./svg-raster.ts";

/** How to place a piece of chart text. */
export interface TextStyle {
  /** Font size in px (one em). */
  size: number;
  /** Which point of the text (x, y) names: its start, middle or end, on the baseline. */
  anchor?: "start" | "middle" | "end";
  color?: string;
  bold?: boolean;
  /** Rotation in degrees about (x, y), clockwise as in SVG. */
  rotate?: number;
}

// Chart labels repeat across renders ("0–5", "students"): keep their layouts, within a bound.
const layouts = new Map<string, MathSvg>();
const MAX_LAYOUTS = 2000;

/** Layout of plain text in MathJax's text font (upright, or bold). */
export function textLayout(text: string, bold = false): MathSvg {
  const key = (bold ? "b:" : "r:") + text;
  const known = layouts.get(key);
  if (known) return known;
  const escaped = text.replace(/\\/g, "\\\\").replace(/([{}$])/g, "\\$1");
  const layout = latexToSvg(bold ? `\\textbf{${escaped}}` : `\\text{${escaped}}`, false);
  if (layouts.size >= MAX_LAYOUTS) layouts.clear();
  layouts.set(key, layout);
  return layout;
}

/** Width in px of `text` at font size `size`. */
export function textWidthPx(text: string, size: number, bold = false): number {
  return textLayout(text, bold).widthEm * size;
}

/**
 * SVG markup drawing `text` at (x, y). The group carries the text in `data-text` so tests and
 * screen readers of the SVG can find labels without reading glyph outlines.
 */
export function svgText(text: string, x: number, y: number, style: TextStyle): string {
  if (text === "") return "";
  const layout = textLayout(text, style.bold);
  const width = layout.widthEm * style.size;
  const shift = style.anchor === "middle" ? -width / 2 : style.anchor === "end" ? -width : 0;
  const rotate = style.rotate ? ` rotate(${style.rotate})` : "";
  return `<g class="text" data-text="${escapeXml(text)}" transform="translate(${round(x)} ${round(y)})${rotate}">`
    + placeMath(layout, shift, 0, style.size, style.color ?? "#222222")
    + "</g>";
}
