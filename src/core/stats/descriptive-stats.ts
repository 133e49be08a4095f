/**
 * Descriptive statistics of a list of scores, as the TAs' statistics post gives them.
 * The standard deviation is the population one (divide by n): the seed's overall 8.6 is exactly
 * what its two sections (8.3 and 9.4, means 91.6 and 89.0) combine to under that formula, whatever
 * the class size, while the sample formula agrees only for large classes.
 */
export interface Summary {
  n: number;
  high: number;
  low: number;
  mean: number;
  median: number;
  /** Population standard deviation (÷ n). */
  sd: number;
}

/** The summary of `values`, or null when there are none. Does not modify `values`. */
export function summarize(values: readonly number[]): Summary | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  // Two passes: the one-pass formula loses precision when scores are large and close together.
  let squares = 0;
  for (const v of sorted) squares += (v - mean) ** 2;
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n, high: sorted[n - 1]!, low: sorted[0]!, mean, median, sd: Math.sqrt(squares / n) };
}

/** Running sums from which a Pearson correlation is computed, e.g. as aggregated in SQL. */
export interface PairSums {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

/**
 * The Pearson correlation from sums; null when either variable does not vary (every student got
 * the same score on a question: it cannot discriminate).
 */
export function pearsonFromSums(s: PairSums): number | null {
  const covariance = s.n * s.sumXY - s.sumX * s.sumY;
  const varX = s.n * s.sumXX - s.sumX * s.sumX;
  const varY = s.n * s.sumYY - s.sumY * s.sumY;
  // Relative threshold: sums of squares of identical scores cancel only up to rounding.
  const eps = 1e-9;
  if (s.n < 2 || varX <= eps * Math.max(1, s.n * s.sumXX) || varY <= eps * Math.max(1, s.n * s.sumYY)) return null;
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varX * varY)));
}

/** The Pearson correlation of two equally long lists; null when either does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`pearson: ${xs.length} x values but ${ys.length} y values`);
  const s: PairSums = { n: xs.length, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 };
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    s.sumX += x;
    s.sumY += y;
    s.sumXX += x * x;
    s.sumYY += y * y;
    s.sumXY += x * y;
  }
  return pearsonFromSums(s);
}
