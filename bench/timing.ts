/** Runs `fn` `n` times and returns each run's duration in milliseconds. */
export async function timeRuns(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** The q-quantile (0..1) of `values`, by nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const ms = (v: number): string => `${v < 1 ? v.toFixed(3) : v.toFixed(2)} ms`;
