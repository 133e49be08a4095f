// SVG -> PNG with resvg, and helpers to place MathJax output inside a larger SVG.
import { Resvg } from "@resvg/resvg-js";
import type { MathSvg } from "./mathjax-svg.ts";

/** Widest PNG we produce; chat clients downscale anyway and huge images cost memory. */
export const MAX_PNG_WIDTH = 4000;

/** Rasterize an SVG document to PNG bytes. All text must already be paths: no fonts are loaded. */
export function svgToPng(svg: string, options: { background?: string } = {}): Buffer {
  const resvg = new Resvg(svg, {
    background: options.background,
    // System fonts are never used (text is drawn as paths); skipping the scan saves ~10-100 ms.
    font: { loadSystemFonts: false },
    fitTo: { mode: "original" },
  });
  return resvg.render().asPng();
}

/**
 * The MathJax box `math` scaled to `emPx` pixels per em, with its left edge at `x` and its
 * baseline at `baseline`, as a `<g>` ready to drop into an SVG document.
 */
export function placeMath(math: MathSvg, x: number, baseline: number, emPx: number, color?: string): string {
  const scale = emPx / 1000;
  const left = x - math.viewBox[0] * scale;
  const paint = color ? ` fill="${color}" stroke="${color}"` : "";
  const body = color ? math.body.replace(/#000000/g, color) : math.body;
  return `<g transform="translate(${round(left)} ${round(baseline)}) scale(${round(scale, 5)})"${paint}>${body}</g>`;
}

/** Height above the baseline, in pixels, of a MathJax box drawn at `emPx` per em. */
export function ascentPx(math: MathSvg, emPx: number): number {
  return (-math.viewBox[1] / 1000) * emPx;
}

/** Round for compact, stable SVG output. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Escape text for an XML attribute or text node. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
