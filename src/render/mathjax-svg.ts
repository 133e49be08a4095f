// TeX -> standalone SVG with MathJax 4, glyphs drawn as paths so no font is needed to rasterize.
//
// Why CommonJS through createRequire: MathJax 4 splits its font into "dynamic" files (double-struck,
// calligraphic, ...) that it loads on first use through `mathjax.asyncLoad`. With `require` as the
// loader and `asyncIsSynchronous`, those loads happen inline and a conversion is synchronous, so the
// PNG and chart renderers can be plain functions. The ESM build would force every caller to await.
// Using the CJS build for *all* MathJax modules matters: a dynamic font file registers itself on the
// font class it requires, which must be the same class instance the SVG output uses.
import { createRequire } from "node:module";
import type * as MathjaxModule from "@mathjax/src/js/mathjax.js";
import type * as TexModule from "@mathjax/src/js/input/tex.js";
import type * as SvgModule from "@mathjax/src/js/output/svg.js";
import type * as LiteAdaptorModule from "@mathjax/src/js/adaptors/liteAdaptor.js";
import type * as HtmlHandlerModule from "@mathjax/src/js/handlers/html.js";
import type { LiteAdaptor } from "@mathjax/src/js/adaptors/liteAdaptor.js";
import type { LiteElement } from "@mathjax/src/js/adaptors/lite/Element.js";
import type { MathDocument } from "@mathjax/src/js/core/MathDocument.js";

/** A formula laid out by MathJax: the inner SVG markup and its box, in em (1 em = font size). */
export interface MathSvg {
  /** `<g>` markup with the glyph paths, in MathJax units (1000 per em), y pointing up. */
  body: string;
  /** viewBox of `body` as [minX, minY, width, height] in MathJax units. */
  viewBox: [number, number, number, number];
  /** Width and height in em. */
  widthEm: number;
  heightEm: number;
  /** Depth below the baseline in em (how far the box reaches under the text line). */
  depthEm: number;
}

/** Raised when TeX cannot be parsed (unbalanced braces, bad environment): callers fall back to text. */
export class LatexRenderError extends Error {
  readonly code = "LATEX_PARSE";
}

/** Longest TeX source we lay out; longer input is refused rather than tying up the event loop. */
export const MAX_LATEX_LENGTH = 8000;

interface Engine {
  adaptor: LiteAdaptor;
  doc: MathDocument<LiteElement, unknown, unknown>;
}

let engine: Engine | undefined;

function loadEngine(): Engine {
  const require = createRequire(import.meta.url);
  const { mathjax } = require("@mathjax/src/js/mathjax.js") as typeof MathjaxModule;
  const { TeX } = require("@mathjax/src/js/input/tex.js") as typeof TexModule;
  const { SVG } = require("@mathjax/src/js/output/svg.js") as typeof SvgModule;
  const { liteAdaptor } = require("@mathjax/src/js/adaptors/liteAdaptor.js") as typeof LiteAdaptorModule;
  const { RegisterHTMLHandler } = require("@mathjax/src/js/handlers/html.js") as typeof HtmlHandlerModule;
  // Each configuration registers itself when required; the TeX jax then looks them up by name.
  for (const pkg of ["base/BaseConfiguration", "ams/AmsConfiguration", "newcommand/NewcommandConfiguration",
    "noundefined/NoUndefinedConfiguration", "boldsymbol/BoldsymbolConfiguration"]) {
    require(`@mathjax/src/js/input/tex/${pkg}.js`);
  }
  // Font files are requested by package path (e.g. @mathjax/mathjax-newcm-font/js/svg/dynamic/...),
  // resolved from MathJax's own location so a non-hoisted install still works.
  const fromMathjax = createRequire(require.resolve("@mathjax/src/js/mathjax.js"));
  mathjax.asyncLoad = (name: string) => fromMathjax(name) as unknown;
  mathjax.asyncIsSynchronous = true;

  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: ["base", "ams", "newcommand", "noundefined", "boldsymbol"],
    formatError: (_jax: unknown, err: Error) => {
      throw new LatexRenderError(err.message);
    },
  });
  const svg = new SVG({ fontCache: "none" });
  const doc = mathjax.document("", { InputJax: tex, OutputJax: svg }) as MathDocument<LiteElement, unknown, unknown>;
  return { adaptor, doc };
}

/** The MathJax engine, created on first use and shared afterwards. */
function getEngine(): Engine {
  engine ??= loadEngine();
  return engine;
}

/** Load MathJax now (about 300 ms) instead of on the first formula; for the composition root. */
export function preloadMathJax(): void {
  getEngine();
}

/** Lay out TeX with MathJax; throws LatexRenderError on TeX that does not parse. */
export function latexToSvg(latex: string, display = true): MathSvg {
  if (latex.length > MAX_LATEX_LENGTH) {
    throw new LatexRenderError(`formula longer than ${MAX_LATEX_LENGTH} characters`);
  }
  const { adaptor, doc } = getEngine();
  const node = doc.convert(latex, { display }) as LiteElement;
  const svgNode = adaptor.firstChild(node) as LiteElement;
  const viewBox = parseViewBox(String(adaptor.getAttribute(svgNode, "viewBox") ?? ""));
  const inner = adaptor.innerHTML(svgNode);
  return {
    body: cleanMarkup(inner),
    viewBox,
    widthEm: viewBox[2] / 1000,
    heightEm: viewBox[3] / 1000,
    // The viewBox starts at the top of the box (minY < 0 is above the baseline).
    depthEm: (viewBox[3] + viewBox[1]) / 1000,
  };
}

function parseViewBox(value: string): [number, number, number, number] {
  const [x = 0, y = 0, w = 0, h = 0] = value.trim().split(/\s+/).map(Number);
  return [x, y, w, h];
}

/**
 * resvg is a strict XML parser: MathJax's data-* attributes carry the TeX source with raw `<`,
 * and `currentColor` depends on CSS that resvg does not see. Drop the former, pin the latter.
 */
function cleanMarkup(markup: string): string {
  return markup
    .replace(/\sdata-[\w-]+="[^"]*"/g, "")
    .replace(/currentColor/g, "#000000");
}
