import type { Stats, StatsQuery } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import { directReport } from './direct-report';
import { dutyRecord } from './duty';
import { incidentCounts } from './incident-counts';
import { incidentTimes } from './judged';
import type { StatsScope } from './scope';
import { durations, followups, lateByKind } from './timeliness';
import { trend } from './trend';

const MAX_DAYS = 400;
const DAY = 86_400_000;

export function scopeOf(query: StatsQuery, now: Date, unitPath?: string): StatsScope {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to))
    throw new DutyError('DUTY_ERR_VALIDATION', 'querystring.to must be after querystring.from');
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY)
    throw new DutyError('DUTY_ERR_VALIDATION', `querystring.to must be at most ${MAX_DAYS} days after from`);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    now: now.toISOString(),
    category: query.category,
    grade: query.grade,
    source: query.source,
    unitPath,
  };
}

/**
 * Every figure of the statistics page, straight from the stored records: incidents received in the
 * period (drills only in drillsExcluded), the direct-report rate, timeliness, the trend and the
 * duty record. Overdue is judged against `now`.
 */
export async function statsFor(
  db: DbOrTrx,
  query: StatsQuery,
  opts: { zone: string; now: Date; unitPath?: string },
): Promise<Stats> {
  const scope = scopeOf(query, opts.now, opts.unitPath);
  const bucket = query.bucket ?? 'day';
  // Independent reads: PostgreSQL runs them on several pooled connections at once.
  const [times, incidents, direct, lateReportsByKind, followupsMet, duty] = await Promise.all([
    incidentTimes(db, scope),
    incidentCounts(db, scope),
    directReport(db, scope),
    lateByKind(db, scope),
    followups(db, scope),
    dutyRecord(db, scope, opts.zone),
  ]);
  return {
    period: { from: scope.from, to: scope.to, zone: opts.zone, bucket },
    incidents,
    directReport: direct,
    timeliness: { ...durations(times), lateReportsByKind, followupsMet },
    trend: trend(times, direct.lateCases, {
      from: new Date(scope.from),
      to: new Date(scope.to),
      zone: opts.zone,
      bucket,
    }),
    duty,
  };
}
