/** Order statistics for small samples. */

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the two nearest
 * ranks (the "type 7" definition used by numpy and R's default). With 15 runs
 * p95 lies between the two slowest.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of an empty sample');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile out of range: ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function p95(samples: readonly number[]): number {
  return quantile(samples, 0.95);
}

export interface Summary {
  median: number;
  p95: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { median: median(samples), p95: p95(samples), runs: samples.length };
}
