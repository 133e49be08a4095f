import { describe, expect, it } from "vitest";
import { renderLatexPng, renderMathTextPng, mathTextRows } from "../../../src/render/latex-to-png.ts";
import { LatexRenderError, latexToSvg } from "../../../src/render/mathjax-svg.ts";
import { decodePng, isPng, pixelAt, pngSize } from "../../fakes/png-reader.ts";

const INDICATOR = String.raw`\frac{\partial \mathcal{L}}{\partial \mathbf{u}} = \mathbb{1}(\mathbf{u}) \odot \frac{\partial \mathcal{L}}{\partial \mathbf{v}}`;

describe("renderLatexPng", () => {
  it("renders a prompt formula with \\mathbb{1} and \\odot to a PNG with ink on white", () => {
    const png = renderLatexPng(INDICATOR);
    expect(isPng(png)).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThan(1200);
    expect(height).toBeGreaterThan(60);
    expect(height).toBeLessThan(200);
    const image = decodePng(png);
    expect(pixelAt(image, 0, 0)).toEqual([255, 255, 255, 255]);
    let dark = 0;
    for (let i = 0; i < image.rgba.length; i += 4) if ((image.rgba[i] ?? 255) < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it("draws 𝟙 as glyph paths (no font needed): the SVG has no <text>", () => {
    const svg = latexToSvg(String.raw`\mathbb{1}(\mathbf{u}) \odot \mathbb{R}^{p \times n}`);
    expect(svg.body).toContain("<path");
    expect(svg.body).not.toContain("<text");
    expect(svg.widthEm).toBeGreaterThan(3);
  });

  // The same Buffer proves the cache answered; how fast it answers is `npm run bench -- render`.
  it("returns the cached Buffer for the same formula and options", () => {
    const first = renderLatexPng(String.raw`\mathcal{L} = \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2`);
    const again = renderLatexPng(String.raw`\mathcal{L} = \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2`);
    expect(again).toBe(first);
    const larger = renderLatexPng(String.raw`\mathcal{L} = \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2`, { scale: 3 });
    expect(larger).not.toBe(first);
    expect(pngSize(larger).width).toBeGreaterThan(pngSize(first).width);
  });

  it("renders aligned and cases environments", () => {
    const png = renderLatexPng(String.raw`\begin{aligned} \hat{y}^{(j)} &= \sigma(\theta, \mathbf{x}^{(j)}) \\ &= \frac{1}{1 + \exp(-\theta^T \mathbf{x}^{(j)})} \end{aligned}`);
    expect(pngSize(png).height).toBeGreaterThan(100);
  });

  it("throws LatexRenderError on TeX that does not parse, and renders unknown macros", () => {
    expect(() => renderLatexPng(String.raw`\frac{a`)).toThrow(LatexRenderError);
    expect(isPng(renderLatexPng(String.raw`\unknownmacro{x}`))).toBe(true);
  });
});

describe("renderMathTextPng", () => {
  it("wraps prose, keeps inline math on the line and display math on its own", () => {
    const rows = mathTextRows(String.raw`where $(\mathbf{x}^{(i)}, y^{(i)})$ are data pairs. $$\mathcal{L} = 0$$ done`, 72);
    expect(rows).toEqual([
      { latex: String.raw`\text{where }{(\mathbf{x}^{(i)}, y^{(i)})}\text{ are data pairs.}`, display: false },
      { latex: String.raw`\mathcal{L} = 0`, display: true },
      { latex: String.raw`\text{done}`, display: false },
    ]);
  });

  it("renders a prompt paragraph to a PNG taller than one line", () => {
    const text = String.raw`The loss function of a softmax classifier can be written as:

$$\mathcal{L} = \sum_{i=1}^m \left(\log \sum_{j=1}^c e^{a_j(x^{(i)})} - a_{y^{(i)}}(x^{(i)}) \right)$$

where $a_j(x^{(i)}) = \mathbf{w}_j^T \mathbf{x}^{(i)} + b_j$ is the score of class j. It costs \$5 {really}.`;
    const png = renderMathTextPng(text);
    expect(isPng(png)).toBe(true);
    expect(pngSize(png).height).toBeGreaterThan(200);
    expect(renderMathTextPng(text)).toBe(png);
  });
});
