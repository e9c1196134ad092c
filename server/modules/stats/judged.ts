import type { ExpressionBuilder } from 'kysely';
import type { Database, DbOrTrx } from '../../db/database';
import { ACCIDENTS, INITIAL_KINDS, lateOrOverdue, received, running, type StatsScope } from './scope';

/**
 * Per incident received in the period (drills never): its times, the first 首报, and how its initial
 * obligations (initial_phone, initial_written) stand now, as correlated counts over the indexed
 * (incident_id, …) keys.
 */
function facts(db: DbOrTrx, scope: StatsScope) {
  const initials = (eb: ExpressionBuilder<Database, 'incidents'>) =>
    eb
      .selectFrom('incident_obligations')
      .whereRef('incident_obligations.incident_id', '=', 'incidents.id')
      .where('incident_obligations.kind', 'in', INITIAL_KINDS);
  return db
    .selectFrom('incidents')
    .where((eb) => received(eb, scope))
    .select((eb) => [
      'incidents.id',
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
      initials(eb)
        .where((o) => lateOrOverdue(o, scope.now))
        .select((o) => o.fn.countAll().as('n'))
        .as('initial_late'),
      initials(eb)
        .where((o) => running(o, scope.now))
        .select((o) => o.fn.countAll().as('n'))
        .as('initial_running'),
      initials(eb)
        .select((o) => o.fn.countAll().as('n'))
        .as('initial_total'),
    ]);
}

/**
 * The direct-report judgement (直报率), for accidents (near misses included):
 * - late: any initial obligation met after its deadline, or unmet and past it now — an accident
 *   with no 首报 whose deadline has passed is late;
 * - pending: none late, but one still running (or, under an edited policy, none owed at all):
 *   not judged yet, so outside the rate's denominator;
 * - on time: every initial obligation met, none late.
 * `accident`, `late` and `pending` are 0/1 so that SUM counts them on both dialects.
 */
export function judgedIncidents(db: DbOrTrx, scope: StatsScope) {
  return db.selectFrom(facts(db, scope).as('f')).select((eb) => [
    'f.id',
    'f.category',
    'f.received_at',
    'f.acknowledged_at',
    'f.closed_at',
    'f.first_initial_at',
    eb.case().when('f.category', 'in', ACCIDENTS).then(eb.lit(1)).else(eb.lit(0)).end().as('accident'),
    eb.case().when('f.initial_late', '>', 0).then(eb.lit(1)).else(eb.lit(0)).end().as('late'),
    eb
      .case()
      .when('f.initial_late', '>', 0)
      .then(eb.lit(0))
      .when(eb.or([eb('f.initial_running', '>', 0), eb('f.initial_total', '=', 0)]))
      .then(eb.lit(1))
      .else(eb.lit(0))
      .end()
      .as('pending'),
  ]);
}

export interface JudgedRow {
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  firstInitialAt: string | null;
  accident: boolean;
  late: boolean;
}

/** The judged incidents as rows, for what SQL cannot do the same on both dialects: durations, local buckets. */
export async function judgedRows(db: DbOrTrx, scope: StatsScope): Promise<JudgedRow[]> {
  const rows = await db
    .selectFrom(judgedIncidents(db, scope).as('j'))
    .select([
      'j.received_at',
      'j.acknowledged_at',
      'j.closed_at',
      'j.first_initial_at',
      'j.accident',
      'j.late',
    ])
    .execute();
  return rows.map((r) => ({
    receivedAt: r.received_at,
    acknowledgedAt: r.acknowledged_at,
    closedAt: r.closed_at,
    firstInitialAt: (r.first_initial_at as string | null) ?? null,
    accident: Number(r.accident) === 1,
    late: Number(r.late) === 1,
  }));
}
