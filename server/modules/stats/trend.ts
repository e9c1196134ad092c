import type { LateCase, StatsBucket, TrendRow } from '@shared/schemas/stats';
import { bucketIndex, bucketsOf } from './buckets';
import type { IncidentTimes } from './judged';
import { ACCIDENTS } from './scope';

/**
 * Received, accidents and late accidents per local bucket (late by the 首报 judgement: the
 * 首报及时率's late cases); empty buckets included, so charts stay continuous.
 */
export function trend(
  incidents: IncidentTimes[],
  lateCases: LateCase[],
  period: { from: Date; to: Date; zone: string; bucket: StatsBucket },
): TrendRow[] {
  const buckets = bucketsOf(period.from, period.to, period.zone, period.bucket);
  const out = buckets.map((b) => ({ bucket: b.label, received: 0, accidents: 0, late: 0 }));
  const at = (instant: string) => out[bucketIndex(buckets, Date.parse(instant))];
  for (const i of incidents) {
    const row = at(i.receivedAt);
    if (!row) continue;
    row.received += 1;
    if (ACCIDENTS.includes(i.category)) row.accidents += 1;
  }
  for (const c of lateCases) {
    const row = at(c.receivedAt);
    if (row) row.late += 1;
  }
  return out;
}
