// Score histograms as PNG for the TA statistics post. The SVG is built by a pure function
// (histogramSvg) so tests can inspect it; text is drawn as glyph paths (see chart-text.ts).
import { svgText, textWidthPx } from "./chart-text.ts";
import { escapeXml, svgToPng } from "./svg-raster.ts";

/** One bin of a histogram: scores in [from, to) (the last bin also includes `to`). */
export interface HistogramBin {
  label: string;
  from: number;
  to: number;
  count: number;
}

/** What to draw: one bar per bin, in order. */
export interface HistogramInput {
  title: string;
  bins: Array<{ label: string; count: number }>;
  xLabel?: string;
  yLabel?: string;
}

/** How to bin scores: bin width and the range covered (defaults: 5, 0, and 100 or past the top score). */
export interface BinOptions {
  width?: number;
  min?: number;
  max?: number;
}

/** Colour of the bars, exported so image tests can find them by colour. */
export const HISTOGRAM_BAR_COLOR = "#4e79a7";

const MAX_BINS = 200;

/**
 * Count scores into equal-width bins from `min` to `max`: `[0,5) [5,10) ... [105,110]` by default
 * for an exam out of 100 with bonus points. The range grows to hold every score unless given;
 * scores outside a given range land in the first or last bin, so counts always sum to n.
 * Non-finite scores are ignored.
 */
export function histogramBins(scores: number[], options: BinOptions = {}): HistogramBin[] {
  const finite = scores.filter((score) => Number.isFinite(score));
  const width = options.width !== undefined && options.width > 0 && Number.isFinite(options.width)
    ? options.width : 5;
  const lowest = finite.length > 0 ? Math.min(...finite) : 0;
  const highest = finite.length > 0 ? Math.max(...finite) : 0;
  const min = options.min ?? Math.min(0, Math.floor(lowest / width) * width);
  let max = options.max ?? Math.max(100, Math.ceil(highest / width) * width);
  if (!(max > min)) max = min + width;
  const count = Math.min(MAX_BINS, Math.max(1, Math.ceil((max - min) / width - 1e-9)));
  const step = (max - min) / count; // equals width unless MAX_BINS capped the count
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => {
    const from = min + i * step;
    const to = i === count - 1 ? max : min + (i + 1) * step;
    return { label: `${formatNumber(from)}–${formatNumber(to)}`, from, to, count: 0 };
  });
  for (const score of finite) {
    const index = Math.min(count - 1, Math.max(0, Math.floor((score - min) / step)));
    (bins[index] as HistogramBin).count++;
  }
  return bins;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

// Geometry in CSS pixels; the PNG is drawn at twice this for sharp text on high-DPI screens.
const SLOT = 34;
const BAR_FRACTION = 0.78;
const PLOT_HEIGHT = 260;
const MIN_PLOT_WIDTH = 360;
const MARGIN = { top: 56, right: 24, left: 64 };
const PIXEL_RATIO = 2;
const TEXT = { title: 18, tick: 12, count: 11, axis: 13 };

/**
 * The histogram as an SVG document: one `<rect class="bar">` per bin with a count above zero
 * (an empty bin keeps its slot and label but has no bar), its count above it, bin labels under
 * the axis, y ticks at round numbers, and the title. Pure: same input, same markup.
 */
export function histogramSvg(input: HistogramInput): string {
  const bins = input.bins.map((bin) => ({ label: bin.label, count: Math.max(0, Math.floor(bin.count) || 0) }));
  // Few bins get wider slots, so a three-bar chart is not a sliver next to its axis.
  const slot = Math.max(SLOT, MIN_PLOT_WIDTH / Math.max(1, bins.length));
  const plotWidth = Math.max(1, bins.length) * slot;
  // Rotate bin labels when they would not fit side by side.
  const widestLabel = Math.max(0, ...bins.map((bin) => textWidthPx(bin.label, TEXT.tick)));
  const rotate = widestLabel > slot - 4;
  const bottom = (rotate ? 22 + widestLabel * Math.SQRT1_2 : 30) + (input.xLabel ? 30 : 0);
  const titleWidth = textWidthPx(input.title, TEXT.title, true);
  const width = Math.ceil(Math.max(MARGIN.left + plotWidth + MARGIN.right, titleWidth + 40));
  const height = Math.ceil(MARGIN.top + PLOT_HEIGHT + bottom);
  // A title wider than the plot widens the picture; keep the plot centred under it.
  const left = MARGIN.left + Math.floor((width - (MARGIN.left + plotWidth + MARGIN.right)) / 2);
  const baseline = MARGIN.top + PLOT_HEIGHT;
  const { step, top } = yScale(Math.max(0, ...bins.map((bin) => bin.count)));
  const yOf = (value: number): number => baseline - (value / top) * PLOT_HEIGHT;
  const parts: string[] = [];

  for (let tick = 0; tick <= top; tick += step) {
    const y = Math.round(yOf(tick));
    if (tick > 0) parts.push(`<line class="grid" x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="#e3e3e3" stroke-width="1" shape-rendering="crispEdges"/>`);
    parts.push(svgText(String(tick), left - 8, y + 4, { size: TEXT.tick, anchor: "end" }));
  }
  bins.forEach((bin, i) => {
    const center = left + (i + 0.5) * slot;
    if (bin.count > 0) {
      const barWidth = Math.round(slot * BAR_FRACTION);
      const x = Math.round(center - barWidth / 2);
      // A count of one stays visible however tall the tallest bar is.
      const y = Math.min(baseline - 2, Math.round(yOf(bin.count)));
      parts.push(`<rect class="bar" data-label="${escapeXml(bin.label)}" data-count="${bin.count}" x="${x}" y="${y}" `
        + `width="${barWidth}" height="${baseline - y}" fill="${HISTOGRAM_BAR_COLOR}" shape-rendering="crispEdges"/>`);
      parts.push(svgText(String(bin.count), center, y - 4, { size: TEXT.count, anchor: "middle", color: "#333333" }));
    }
    parts.push(rotate
      ? svgText(bin.label, center + 4, baseline + 12, { size: TEXT.tick, anchor: "end", rotate: -45 })
      : svgText(bin.label, center, baseline + 18, { size: TEXT.tick, anchor: "middle" }));
  });
  parts.push(`<line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${baseline}" y2="${baseline}" stroke="#333333" stroke-width="1.5"/>`);
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${MARGIN.top}" y2="${baseline}" stroke="#333333" stroke-width="1.5"/>`);

  parts.push(svgText(input.title, width / 2, 32, { size: TEXT.title, anchor: "middle", bold: true, color: "#111111" }));
  if (input.xLabel) {
    parts.push(svgText(input.xLabel, left + plotWidth / 2, height - 12, { size: TEXT.axis, anchor: "middle" }));
  }
  if (input.yLabel) {
    parts.push(svgText(input.yLabel, 20, MARGIN.top + PLOT_HEIGHT / 2, { size: TEXT.axis, anchor: "middle", rotate: -90 }));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * PIXEL_RATIO}" height="${height * PIXEL_RATIO}" `
    + `viewBox="0 0 ${width} ${height}">`
    + `<title>${escapeXml(input.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>`
    + parts.join("") + "</svg>";
}

/** Round y-axis ticks: a step of 1, 2 or 5 times a power of ten, with at most 6 steps. */
function yScale(maxCount: number): { step: number; top: number } {
  if (maxCount <= 0) return { step: 1, top: 1 };
  const rough = maxCount / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  return { step, top: Math.ceil(maxCount / step) * step };
}

/** Render a histogram to PNG bytes (white background, 2x pixel density). */
export function renderHistogram(input: HistogramInput): Buffer {
  return svgToPng(histogramSvg(input));
}
