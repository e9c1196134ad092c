import type { Spread } from '@shared/schemas/stats';

/** Whole seconds from `from` to `to` (stored UTC ISO instants); null when either is missing. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 1000);
}

/**
 * Median (the mean of the middle two for an even count) and 90th percentile by nearest rank (the
 * smallest value with at least 90% of them at or below it), in seconds; null over no values.
 */
export function spread(values: (number | null)[]): Spread {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: null, p90: null, n };
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p90: sorted[Math.ceil(0.9 * n) - 1]!, n };
}
