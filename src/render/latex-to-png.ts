// LaTeX (and prose with math) -> PNG for chat platforms that show images (Discord, Slack messages).
// MathJax lays out the math as SVG paths, resvg rasterizes; results are cached by content.
import { latexToSvg } from "./mathjax-svg.ts";
export { LatexRenderError, preloadMathJax } from "./mathjax-svg.ts";
import type { MathSvg } from "./mathjax-svg.ts";
import { bufferCache, cacheKey } from "./lru-cache.ts";
import { MAX_PNG_WIDTH, ascentPx, placeMath, svgToPng } from "./svg-raster.ts";
import { splitMathSegments } from "./math-segments.ts";
import { latexToText } from "./latex-to-text.ts";

/** How to draw a formula. */
export interface LatexPngOptions {
  /** Display style (big operators, limits below Σ); default true. */
  display?: boolean;
  /** Pixel density: 1 draws an em as 18 px; default 2, crisp on high-DPI screens. */
  scale?: number;
}

/** How to draw prose with math. */
export interface MathTextPngOptions {
  scale?: number;
  /** Wrap prose lines at about this many characters; default 72. */
  lineChars?: number;
}

const EM_PX = 18;
const PADDING_EM = 0.6;
const ROW_GAP_EM = 0.3;
/** Lines of prose get at least a text line's height, so rows without tall math are evenly spaced. */
const MIN_ASCENT_EM = 0.8;
const MIN_DEPTH_EM = 0.3;
/**
 * Black on a white card: math on a transparent PNG would be black-on-black in Discord's dark
 * theme, and white-on-transparent would vanish in the light one.
 */
const BACKGROUND = "#ffffff";

/**
 * Pictures by content: a bank's prompts and solutions are drawn once for the whole class. 8 MB
 * holds a bank's worth; what one student's reply alone holds (their report) is rarely asked
 * again, and a larger cache only kept those, 30 MB of a 300 MB exam night (docs/PERFORMANCE.md).
 */
const cache = bufferCache(256, 8 * 1024 * 1024);

/**
 * Render a LaTeX formula to PNG bytes. Cached by content and options: a repeat returns the same
 * Buffer (treat it as read-only). Throws LatexRenderError when the TeX does not parse.
 */
export function renderLatexPng(latex: string, options: LatexPngOptions = {}): Buffer {
  const display = options.display ?? true;
  const scale = clampScale(options.scale);
  const key = cacheKey("latex", latex, { display, scale });
  const hit = cache.get(key);
  if (hit) return hit;
  const png = rowsToPng([{ math: latexToSvg(latex, display), centered: false }], scale);
  cache.set(key, png);
  return png;
}

/**
 * Render prose with `$...$` / `$$...$$` math to one PNG: prose wrapped into lines (set with \text),
 * display math on lines of its own, centred. Cached like renderLatexPng.
 */
export function renderMathTextPng(text: string, options: MathTextPngOptions = {}): Buffer {
  const scale = clampScale(options.scale);
  const lineChars = Math.max(20, options.lineChars ?? 72);
  const key = cacheKey("mathtext", text, { scale, lineChars });
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = mathTextRows(text, lineChars).map((row) =>
    row.display
      ? { math: latexToSvg(row.latex, true), centered: true }
      : { math: latexToSvg(row.latex, false), centered: false });
  const png = rowsToPng(rows, scale);
  cache.set(key, png);
  return png;
}

/** Forget cached images (for benchmarks measuring cold renders). */
export function clearRenderCache(): void {
  cache.clear();
}

interface Row {
  math: MathSvg;
  centered: boolean;
}

function clampScale(scale: number | undefined): number {
  const value = scale ?? 2;
  return Number.isFinite(value) ? Math.min(6, Math.max(0.5, value)) : 2;
}

/** Stack rows of math on a padded white card and rasterize. */
function rowsToPng(rows: Row[], scale: number): Buffer {
  const widestEm = Math.max(1, ...rows.map((row) => row.math.widthEm));
  // Shrink rather than exceed the width limit: a very long formula still comes out whole.
  const emPx = Math.min(EM_PX * scale, (MAX_PNG_WIDTH - 1) / (widestEm + 2 * PADDING_EM));
  const pad = PADDING_EM * emPx;
  const width = Math.ceil(widestEm * emPx + 2 * pad);
  let y = pad;
  const parts: string[] = [];
  rows.forEach((row, index) => {
    if (index > 0) y += ROW_GAP_EM * emPx;
    const x = row.centered ? (width - row.math.widthEm * emPx) / 2 : pad;
    const ascent = Math.max(ascentPx(row.math, emPx), MIN_ASCENT_EM * emPx);
    const depth = Math.max(row.math.depthEm, MIN_DEPTH_EM) * emPx;
    parts.push(placeMath(row.math, x, y + ascent, emPx));
    y += ascent + depth;
  });
  const height = Math.ceil(y + pad);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" `
    + `viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${BACKGROUND}"/>`
    + `${parts.join("")}</svg>`;
  return svgToPng(svg);
}

/** A line of the picture: TeX for one row, and whether it is a centred display. */
interface TextRow {
  latex: string;
  display: boolean;
}

/** A word of prose or an inline formula, placed on a line. */
type LineItem = { prose: true; text: string } | { prose: false; latex: string };

/** Greedy word wrap of prose and inline math into rows; widths estimated from the text rendering. */
export function mathTextRows(text: string, lineChars: number): TextRow[] {
  const rows: TextRow[] = [];
  let line: LineItem[] = [];
  let used = 0;
  const breakLine = (keepEmpty = false): void => {
    if (line.length > 0 || keepEmpty) rows.push({ latex: lineTex(line), display: false });
    line = [];
    used = 0;
  };
  const add = (item: LineItem, width: number): void => {
    if (used > 0 && used + 1 + width > lineChars) breakLine();
    line.push(item);
    used += (used > 0 ? 1 : 0) + width;
  };
  for (const segment of splitMathSegments(text)) {
    if (segment.kind === "display") {
      breakLine();
      rows.push({ latex: segment.latex, display: true });
    } else if (segment.kind === "inline") {
      add({ prose: false, latex: segment.latex }, Math.max(1, latexToText(segment.latex).length));
    } else {
      for (const part of segment.text.split(/(\n)/)) {
        if (part === "\n") {
          breakLine(line.length === 0 && rows.length > 0);
          continue;
        }
        for (const word of part.split(/[ \t]+/).filter((w) => w !== "")) add({ prose: true, text: word }, word.length);
      }
    }
  }
  breakLine();
  return collapseBlankRows(rows);
}

/**
 * TeX for one line. Runs of words become one \text{...}; in math mode TeX drops spaces between
 * items, so the spaces around inline math go inside the text. Inside \text MathJax reads only
 * \$, \{, \}, \\ and $ specially, so those are escaped.
 */
function lineTex(items: LineItem[]): string {
  let tex = "";
  let words: string[] = [];
  const flushWords = (more: boolean): void => {
    if (words.length === 0) return;
    const text = (tex === "" ? "" : " ") + words.join(" ") + (more ? " " : "");
    tex += `\\text{${text.replace(/\\/g, "\\\\").replace(/([{}$])/g, "\\$1")}}`;
    words = [];
  };
  for (const item of items) {
    if (item.prose) {
      words.push(item.text);
    } else {
      flushWords(true);
      tex += `{${item.latex}}`;
    }
  }
  flushWords(false);
  return tex === "" ? EMPTY_ROW : tex;
}

const EMPTY_ROW = "\\text{}";

/** One blank row marks a paragraph break; more, at the edges or beside display math is just space. */
function collapseBlankRows(rows: TextRow[]): TextRow[] {
  const blank = (row: TextRow | undefined): boolean => row?.latex === EMPTY_ROW;
  const kept = rows.filter((row, i) =>
    !(blank(row) && (blank(rows[i - 1]) || rows[i - 1]?.display || rows[i + 1]?.display)));
  while (blank(kept[0])) kept.shift();
  while (blank(kept[kept.length - 1])) kept.pop();
  return kept;
}
