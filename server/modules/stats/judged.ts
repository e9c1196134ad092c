import type { ExpressionBuilder } from 'kysely';
import type { Database, DbOrTrx } from '../../db/database';
import { ACCIDENTS, INITIAL_KINDS, lateOrOverdue, num, received, running, type StatsScope } from './scope';

/**
 * The worst state of an accident's initial obligations (initial_phone, initial_written) now:
 * 2 late (met after the deadline, or unmet past it), 1 still running, 0 all met on time, null none owed.
 */
function worstInitial(eb: ExpressionBuilder<Database, 'incidents'>, now: string) {
  return eb
    .selectFrom('incident_obligations')
    .whereRef('incident_obligations.incident_id', '=', 'incidents.id')
    .where('incident_obligations.kind', 'in', INITIAL_KINDS)
    .select((o) =>
      o.fn
        .max(
          o
            .case()
            .when(lateOrOverdue(o, now))
            .then(o.lit(2))
            .when(running(o, now))
            .then(o.lit(1))
            .else(o.lit(0))
            .end(),
        )
        .as('worst'),
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
  // Grouped by the worst state, so the correlated subquery runs once per accident on either dialect.
  const groups = await db
    .selectFrom('incidents')
    .where((eb) => received(eb, scope))
    .where('incidents.category', 'in', ACCIDENTS)
    .select((eb) => [worstInitial(eb, scope.now).as('worst'), eb.fn.countAll().as('n')])
    .groupBy('worst')
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
  category: string;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  firstInitialAt: string | null;
}

/** Per incident in the period, the instants durations and local buckets are computed from in JS. */
export async function incidentTimes(db: DbOrTrx, scope: StatsScope): Promise<IncidentTimes[]> {
  const rows = await db
    .selectFrom('incidents')
    .where((eb) => received(eb, scope))
    .select((eb) => [
      'incidents.category',
      'incidents.received_at',
      'incidents.acknowledged_at',
      'incidents.closed_at',
      eb
        .selectFrom('incident_reports')
        .whereRef('incident_reports.incident_id', '=', 'incidents.id')
        .where('incident_reports.kind', '=', 'initial')
        .select((r) => r.fn.min('incident_reports.sent_at').as('at'))
        .as('first_initial_at'),
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
