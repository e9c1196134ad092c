import type { StatsBucket, TrendRow } from '@shared/schemas/stats';
import { bucketIndex, bucketsOf } from './buckets';
import type { JudgedRow } from './judged';

/** Received, accidents and late accidents per local bucket; empty buckets included, so charts stay continuous. */
export function trend(rows: JudgedRow[], from: Date, to: Date, zone: string, size: StatsBucket): TrendRow[] {
  const buckets = bucketsOf(from, to, zone, size);
  const out = buckets.map((b) => ({ bucket: b.label, received: 0, accidents: 0, late: 0 }));
  for (const r of rows) {
    const row = out[bucketIndex(buckets, Date.parse(r.receivedAt))];
    if (!row) continue;
    row.received += 1;
    if (r.accident) {
      row.accidents += 1;
      if (r.late) row.late += 1;
    }
  }
  return out;
}
