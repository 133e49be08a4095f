/** `4.5/5`: the contract for scores in replies. Rounds to at most two decimals. */
export function formatScore(score: number, max: number): string {
  return `${round(score)}/${round(max)}`;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** `1:05:09` or `4:09`: a duration for people. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A bar of `width` cells filled in proportion to `ratio` (0..1), readable in any chat. */
export function bar(ratio: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, ratio)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}
