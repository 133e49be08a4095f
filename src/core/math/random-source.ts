/** A small seeded generator (mulberry32): sample points are reproducible from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform value in [low, high) rounded to `digits` decimals, kept away from zero by `gap`. */
export function roundedUniform(random: () => number, low: number, high: number, digits = 3, gap = 0.05): number {
  for (;;) {
    const value = Number((low + (high - low) * random()).toFixed(digits));
    if (Math.abs(value) >= gap) return value;
  }
}
