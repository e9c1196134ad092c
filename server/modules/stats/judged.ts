import type { CategoryCode } from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { ACCIDENTS, INITIAL_KINDS, lateOrOverdue, num, received, running, type StatsScope } from './scope';

/**
 * Per accident received in the period, the worst state of its initial obligations (initial_phone,
 * initial_written) now: 2 late (met after the deadline, or unmet past it), 1 still running, 0 all met
 * on time, null none owed. A join and GROUP BY, which both planners do in one pass.
 */
function worstInitial(db: DbOrTrx, scope: StatsScope) {
  return (
    db
      .selectFrom('incidents')
      .leftJoin('incident_obligations', (join) =>
        join
          .onRef('incident_obligations.incident_id', '=', 'incidents.id')
          .on('incident_obligations.kind', 'in', INITIAL_KINDS),
      )
      .where((eb) => received(eb, scope))
      .where('incidents.category', 'in', ACCIDENTS)
      // In received_at order, the order of the index the period is searched by: no sort, no full scan.
      .groupBy(['incidents.received_at', 'incidents.id'])
      .select((eb) => [
        'incidents.id',
        eb.fn
          .max(
            eb
              .case()
              .when(lateOrOverdue(eb, scope.now))
              .then(eb.lit(2))
              .when(running(eb, scope.now))
              .then(eb.lit(1))
              .when('incident_obligations.kind', 'is not', null)
              .then(eb.lit(0))
              .end(),
          )
          .as('worst'),
      ])
  );
}

/**
 * The direct-report judgement (直报率) of the accidents received in the period, near misses included:
 * - late: an initial obligation met after its deadline, or unmet and past it now — an accident with
 *   no 首报 whose deadline has passed is late;
 * - pending: none late but one still running (or, under an edited policy, none owed at all): not
 *   judged yet, so outside the rate's denominator;
 * - on time: every initial obligation met, none late.
 */
export async function judgeAccidents(
  db: DbOrTrx,
  scope: StatsScope,
): Promise<{ accidents: number; late: number; pending: number }> {
  const groups = await db
    .selectFrom(worstInitial(db, scope).as('j'))
    .select((eb) => ['j.worst', eb.fn.countAll().as('n')])
    .groupBy('j.worst')
    .execute();
  const count = (worst: number | null) =>
    num(groups.find((g) => (g.worst === null ? null : Number(g.worst)) === worst)?.n);
  return {
    accidents: groups.reduce((sum, g) => sum + num(g.n), 0),
    late: count(2),
    pending: count(1) + count(null),
  };
}

export interface IncidentTimes {
  category: CategoryCode;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  firstInitialAt: string | null;
}

/** Per incident in the period, the instants durations and local buckets are computed from in JS. */
export async function incidentTimes(db: DbOrTrx, scope: StatsScope): Promise<IncidentTimes[]> {
  const rows = await db
    .selectFrom('incidents')
    .leftJoin('incident_reports', (join) =>
      join
        .onRef('incident_reports.incident_id', '=', 'incidents.id')
        .on('incident_reports.kind', '=', 'initial'),
    )
    .where((eb) => received(eb, scope))
    .groupBy([
      'incidents.received_at',
      'incidents.id',
      'incidents.category',
      'incidents.acknowledged_at',
      'incidents.closed_at',
    ])
    .select((eb) => [
      'incidents.category',
      'incidents.received_at',
      'incidents.acknowledged_at',
      'incidents.closed_at',
      eb.fn.min('incident_reports.sent_at').as('first_initial_at'),
    ])
    .execute();
  return rows.map((r) => ({
    category: r.category,
    receivedAt: r.received_at,
    acknowledgedAt: r.acknowledged_at,
    closedAt: r.closed_at,
    firstInitialAt: (r.first_initial_at as string | null) ?? null,
  }));
}
