import { addDays, localDateOf, localToInstant } from '@shared/domain/duty-day';
import type { StatsBucket } from '@shared/schemas/stats';

export interface Bucket {
  label: string;
  /** The bucket's first instant, ms. */
  start: number;
}

function firstOf(date: string, size: StatsBucket): string {
  if (size === 'month') return `${date.slice(0, 7)}-01`;
  if (size === 'day') return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

function nextOf(date: string, size: StatsBucket): string {
  if (size === 'day') return addDays(date, 1);
  if (size === 'week') return addDays(date, 7);
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The buckets covering [from, to) in the bureau's zone: local calendar days, ISO weeks labelled by
 * their Monday, or months labelled YYYY-MM; each starts at local midnight, so DST days are 23 or 25 h.
 */
export function bucketsOf(from: Date, to: Date, zone: string, size: StatsBucket): Bucket[] {
  const buckets: Bucket[] = [];
  for (let date = firstOf(localDateOf(from, zone), size); ; date = nextOf(date, size)) {
    const start = localToInstant(`${date}T00:00`, zone).getTime();
    if (start >= to.getTime()) break;
    buckets.push({ label: size === 'month' ? date.slice(0, 7) : date, start });
  }
  return buckets;
}

/** The index of the bucket holding `at` (ms), by binary search; -1 before the first. */
export function bucketIndex(buckets: Bucket[], at: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (buckets[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
