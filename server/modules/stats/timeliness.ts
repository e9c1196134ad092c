import type { Stats } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import type { IncidentTimes } from './judged';
import { countWhere, FOLLOWUP_KINDS, lateOrOverdue, matching, num, received, type StatsScope } from './scope';
import { secondsBetween, spread } from './spread';

const KINDS = ['initial_phone', 'initial_written', 'followup_daily', 'followup_change', 'final'] as const;

/**
 * How fast the bureau reported, over every non-drill incident received in the period (not only
 * accidents; filter by category for those): receipt → first 首报, → leader's acknowledgement, → close.
 */
export function durations(
  rows: IncidentTimes[],
): Pick<Stats['timeliness'], 'toInitialReport' | 'toLeaderAck' | 'toClose'> {
  return {
    toInitialReport: spread(rows.map((r) => secondsBetween(r.receivedAt, r.firstInitialAt))),
    toLeaderAck: spread(rows.map((r) => secondsBetween(r.receivedAt, r.acknowledgedAt))),
    toClose: spread(rows.map((r) => secondsBetween(r.receivedAt, r.closedAt))),
  };
}

/** Obligations of the period's incidents met late or overdue now, by kind (every kind listed). */
export async function lateByKind(
  db: DbOrTrx,
  scope: StatsScope,
): Promise<Stats['timeliness']['lateReportsByKind']> {
  const groups = await db
    .selectFrom('incident_obligations')
    .innerJoin('incidents', 'incidents.id', 'incident_obligations.incident_id')
    .where((eb) => received(eb, scope))
    .where((eb) => lateOrOverdue(eb, scope.now))
    .select((eb) => ['incident_obligations.kind', eb.fn.countAll().as('n')])
    .groupBy('incident_obligations.kind')
    .execute();
  const counts = new Map(groups.map((g) => [g.kind, num(g.n)]));
  return KINDS.map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}

/** 续报 obligations falling due within the period, of any non-drill incident matching the filters. */
export async function followups(
  db: DbOrTrx,
  scope: StatsScope,
): Promise<Stats['timeliness']['followupsMet']> {
  const row = await db
    .selectFrom('incident_obligations')
    .innerJoin('incidents', 'incidents.id', 'incident_obligations.incident_id')
    .where((eb) => matching(eb, scope))
    .where('incident_obligations.kind', 'in', FOLLOWUP_KINDS)
    .where('incident_obligations.due_at', '>=', scope.from)
    .where('incident_obligations.due_at', '<', scope.to)
    .select((eb) => [
      eb.fn.countAll().as('due'),
      countWhere(
        eb,
        eb.and([eb('incident_obligations.done_at', 'is not', null), eb('incident_obligations.late', '=', 0)]),
      ).as('met'),
      countWhere(eb, lateOrOverdue(eb, scope.now)).as('late'),
    ])
    .executeTakeFirstOrThrow();
  return { due: num(row.due), met: num(row.met), late: num(row.late) };
}
