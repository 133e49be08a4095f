import { describe, expect, it } from "vitest";
import { HISTOGRAM_BAR_COLOR, histogramBins, histogramSvg, renderHistogram } from "../../../src/render/histogram-png.ts";
import { countBars, decodePng, isPng, pngSize } from "../../fakes/png-reader.ts";

describe("histogramBins", () => {
  it("makes 5-point bins from 0 to 110 when bonus points push scores past 100", () => {
    const bins = histogramBins([106, 92.5, 91, 100, 0, 4.99, 5, 110]);
    expect(bins).toHaveLength(22);
    expect(bins[0]).toEqual({ label: "0–5", from: 0, to: 5, count: 2 });
    expect(bins[1]?.count).toBe(1);
    expect(bins.find((bin) => bin.from === 90)?.count).toBe(2);
    expect(bins.find((bin) => bin.from === 100)?.count).toBe(1);
    expect(bins[21]).toEqual({ label: "105–110", from: 105, to: 110, count: 2 });
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(8);
  });

  it("covers 0-100 by default, ignores non-finite scores and clamps into a given range", () => {
    expect(histogramBins([50, Number.NaN, Infinity])).toHaveLength(20);
    const bins = histogramBins([-3, 50, 130], { width: 10, min: 0, max: 100 });
    expect(bins).toHaveLength(10);
    expect(bins[0]?.count).toBe(1);
    expect(bins[9]?.count).toBe(1);
    expect(histogramBins([], { width: 0 })).toHaveLength(20);
  });
});

describe("histogram rendering", () => {
  const bins = [
    { label: "70–80", count: 3 }, { label: "80–90", count: 0 }, { label: "90–100", count: 41 },
    { label: "100–110", count: 1 }, { label: "110–120", count: 0 },
  ];
  const input = { title: "Midterm scores", bins, xLabel: "score", yLabel: "students" };

  it("draws one bar for each non-empty bin and labels every bin", () => {
    const svg = histogramSvg(input);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    for (const bin of bins) expect(svg).toContain(`data-text="${bin.label}"`);
    expect(svg).toContain('data-text="41"');
    expect(svg).not.toContain("<text");
  });

  it("rasterizes to a PNG whose pixels show the same bars", () => {
    const png = renderHistogram(input);
    expect(isPng(png)).toBe(true);
    expect(pngSize(png).width).toBeGreaterThan(300);
    expect(countBars(decodePng(png), HISTOGRAM_BAR_COLOR)).toBe(3);
  });

  it("counts bars in the pixels of a 22-bin score histogram", () => {
    const scores = [106, 103, 99, 97, 95, 93, 92.5, 92, 90, 88, 85, 84, 80, 71, 55];
    const scoreBins = histogramBins(scores);
    const png = renderHistogram({ title: "C247 (n = 15)", bins: scoreBins });
    const nonEmpty = scoreBins.filter((bin) => bin.count > 0).length;
    expect(countBars(decodePng(png), HISTOGRAM_BAR_COLOR)).toBe(nonEmpty);
  });

  it("handles an empty histogram", () => {
    const png = renderHistogram({ title: "No scores yet", bins: [] });
    expect(countBars(decodePng(png), HISTOGRAM_BAR_COLOR)).toBe(0);
  });
});
