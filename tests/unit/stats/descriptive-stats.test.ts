import { describe, expect, it } from "vitest";
import { pearson, pearsonFromSums, summarize } from "../../../src/core/stats/descriptive-stats.ts";

describe("summarize", () => {
  it("gives n, high, mean, median and the population standard deviation", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(s).toMatchObject({ n: 8, high: 9, low: 2, mean: 5, median: 4.5 });
    expect(s.sd).toBeCloseTo(2, 12); // the textbook population example
  });

  it("takes the middle value for an odd count and leaves its input unsorted", () => {
    const values = [106, 80, 93];
    expect(summarize(values)!.median).toBe(93);
    expect(values).toEqual([106, 80, 93]);
  });

  it("is null for no scores and has sd 0 for one", () => {
    expect(summarize([])).toBeNull();
    expect(summarize([91])).toMatchObject({ n: 1, mean: 91, median: 91, sd: 0 });
  });

  it("matches the seed's sections: population sds 8.3 and 9.4 combine to the overall 8.6", () => {
    // Build two sections with the seed's means and sds, in the seed's proportion (about 4:1).
    const section = (n: number, mean: number, sd: number) => Array.from({ length: n }, (_, i) => mean + (i % 2 === 0 ? sd : -sd));
    const c247 = section(200, 91.6, 8.3);
    const c147 = section(50, 89.0, 9.4);
    const all = summarize([...c247, ...c147])!;
    expect(all.mean.toFixed(1)).toBe("91.1");
    expect(all.sd.toFixed(1)).toBe("8.6");
  });
});

describe("pearson", () => {
  it("is 1 for a linear relation, -1 for an inverse one, null without variation", () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull();
  });

  it("from sums agrees with the direct computation", () => {
    const xs = [0, 5, 3, 5, 1, 4];
    const ys = [40, 95, 70, 88, 52, 90];
    const sums = { n: 6, sumX: 18, sumY: 435, sumXX: xs.reduce((s, x) => s + x * x, 0), sumYY: ys.reduce((s, y) => s + y * y, 0), sumXY: xs.reduce((s, x, i) => s + x * ys[i]!, 0) };
    expect(pearsonFromSums(sums)).toBeCloseTo(pearson(xs, ys)!, 12);
  });
});
