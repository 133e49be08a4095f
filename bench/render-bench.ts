import { pathToFileURL } from "node:url";
import { clearRenderCache, renderLatexPng } from "../src/render/latex-to-png.ts";
import { histogramBins, renderHistogram } from "../src/render/histogram-png.ts";
import { latexToText } from "../src/render/latex-to-text.ts";
import type { BenchSection } from "./bench-section.ts";
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
  const png = renderHistogram({ title: "Midterm scores", bins, xLabel: "score", yLabel: "students" });
  const size = renderLatexPng(FORMULAS[0] ?? "");

  const lines = [
    `first LaTeX -> PNG in the process (loads MathJax): ${ms(first)}`,
    `LaTeX -> PNG uncached (prompt formulas, scale 2): median ${ms(quantile(cold, 0.5))}, p95 ${ms(quantile(cold, 0.95))} (target median < 50 ms)`,
    `LaTeX -> PNG cached: median ${ms(quantile(warm, 0.5))} (target < 1 ms); PNG ${size.length} bytes`,
    `LaTeX -> Unicode text: median ${ms(quantile(text, 0.5))}`,
    `histogram PNG, ${bins.length} bins, 250 scores: median ${ms(quantile(histogram, 0.5))}, p95 ${ms(quantile(histogram, 0.95))} (target median < 150 ms); ${png.length} bytes`,
  ];
  const ok = quantile(cold, 0.5) < 50 && quantile(warm, 0.5) < 1 && quantile(histogram, 0.5) < 150;
  return { title: "Rendering (math and charts)", lines, ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const section = await runRenderBench();
  console.log(`## ${section.title}\n${section.lines.map((l) => `- ${l}`).join("\n")}`);
}
