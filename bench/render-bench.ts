import { pathToFileURL } from "node:url";
import { clearRenderCache, renderLatexPng } from "../src/render/latex-to-png.ts";
import { histogramBins, renderHistogram } from "../src/render/histogram-png.ts";
import { latexToText } from "../src/render/latex-to-text.ts";
import { latexToSvg } from "../src/render/mathjax-svg.ts";
import { type BenchSection, printSection, row } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

// Formulas from the midterm's prompts and solutions (2c, 1c, bonus).
const FORMULAS = [
  String.raw`\frac{\partial \mathcal{L}}{\partial \mathbf{u}} = \mathbb{1}(\mathbf{u}) \odot \frac{\partial \mathcal{L}}{\partial \mathbf{v}}`,
  String.raw`\mathcal{L} = \sum_{i=1}^m \left(\log \sum_{j=1}^c e^{a_j(x^{(i)})} - a_{y^{(i)}}(x^{(i)}) \right)`,
  String.raw`\mathbb{1}(\mathbf{u}) = \begin{cases} 1, & \mathbf{u}_i \geq 0 \\ 0, & \mathbf{u}_i < 0 \end{cases}`,
  String.raw`\mathcal{L}(\theta) = \frac{1}{N} \sum_{j=1}^N \left[y^{(j)} \log \hat{y}^{(j)} + (1 - y^{(j)}) \log(1 - \hat{y}^{(j)}) \right]`,
];
const RUNS = 40;

/** Deterministic scores shaped like the seed's statistics (mean ~91, sd ~9, high 106). */
function sampleScores(n: number): number[] {
  let state = 7;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => {
    const normal = Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
    return Math.max(0, Math.min(106, Math.round((91 + 8.6 * normal) * 2) / 2));
  });
}

/** Times of LaTeX -> PNG (first in process, uncached, cached), LaTeX -> text, and the histogram. */
export async function runRenderBench(): Promise<BenchSection> {
  clearRenderCache();
  const [first = NaN] = await timeRuns(1, () => renderLatexPng(FORMULAS[0] ?? ""));
  // Uncached: vary the scale so every run misses the cache but MathJax is already loaded.
  const cold = await timeRuns(RUNS, (i) => renderLatexPng(FORMULAS[i % FORMULAS.length] ?? "", { scale: 2 + (i + 1) / 1000 }));
  const warm = await timeRuns(RUNS * 25, () => renderLatexPng(FORMULAS[0] ?? ""));
  const text = await timeRuns(RUNS * 25, (i) => latexToText(FORMULAS[i % FORMULAS.length] ?? ""));
  const bins = histogramBins(sampleScores(250));
  const histogram = await timeRuns(RUNS, (i) => renderHistogram({ title: `Midterm scores (run ${i})`, bins, xLabel: "score", yLabel: "students" }));
  // The reference: MathJax alone (TeX -> SVG, the layout the PNG starts from), same formulas, no cache involved.
  const mathjax = await timeRuns(RUNS, (i) => latexToSvg(FORMULAS[i % FORMULAS.length] ?? ""));
  const png = renderHistogram({ title: "Midterm scores", bins, xLabel: "score", yLabel: "students" });
  const size = renderLatexPng(FORMULAS[0] ?? "");

  const alone = { name: "MathJax alone (TeX -> SVG), median", value: quantile(mathjax, 0.5) };
  const rows = [
    row("render: LaTeX -> PNG, uncached, median", quantile(cold, 0.5), "ms", alone, { text: "< 50 ms", met: quantile(cold, 0.5) < 50 }),
    row("render: LaTeX -> PNG, uncached, p95", quantile(cold, 0.95), "ms", { name: "MathJax alone, p95", value: quantile(mathjax, 0.95) }),
    row("render: LaTeX -> PNG, cached, median", quantile(warm, 0.5), "ms", alone, { text: "< 1 ms", met: quantile(warm, 0.5) < 1 }),
    row("render: LaTeX -> Unicode text, median", quantile(text, 0.5), "ms", alone),
    row("render: first LaTeX -> PNG in the process (loads MathJax)", first, "ms"),
    row(`render: histogram PNG, ${bins.length} bins, 250 scores, median`, quantile(histogram, 0.5), "ms", undefined, { text: "< 150 ms", met: quantile(histogram, 0.5) < 150 }),
  ];
  const lines = [
    `${RUNS} uncached renders (prompt formulas 2c, 1c, bonus; scale 2, varied by 0.001 to miss the cache), ${RUNS * 25} cached; formula PNG ${size.length} bytes`,
    `histogram p95 ${ms(quantile(histogram, 0.95))}, ${png.length} bytes; no reference beside it (no other charting library is installed)`,
  ];
  return { title: "Rendering (math and charts)", rows, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runRenderBench());
}
