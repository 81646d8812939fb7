/** Order statistics for the benchmark: nearest-rank quantiles, so every figure is a measured value. */

export interface Summary {
  n: number;
  median: number | null;
  p95: number | null;
  max: number | null;
}

/** Nearest-rank quantile (q in 0..1) of the finite values; null when there are none. */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

export function summarize(values: readonly (number | null | undefined)[]): Summary {
  const list = finite(values);
  return {
    n: list.length,
    median: quantile(list, 0.5),
    p95: quantile(list, 0.95),
    max: list.length ? Math.max(...list) : null,
  };
}

/**
 * The fastest of repeated runs of one measure: on a shared machine noise only ever adds time
 * (a neighbour's job, a GC pause), so the minimum is the steadiest estimate of the work itself.
 */
export function fastestOf(runs: readonly number[]): number | null {
  return runs.length ? Math.min(...runs) : null;
}

/** Rounds to `digits` decimals, keeping null. */
export function round(value: number | null, digits = 2): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}
