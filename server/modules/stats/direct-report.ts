import type { LateCase, Stats } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { judgeAccidents } from './judged';
import { ACCIDENTS, INITIAL_KINDS, lateOrOverdue, received, type StatsScope } from './scope';

/** rate = onTime / (onTime + late): pending accidents are not judged yet, drills never count. */
export async function directReport(db: DbOrTrx, scope: StatsScope): Promise<Stats['directReport']> {
  const { accidents, late, pending } = await judgeAccidents(db, scope);
  const onTime = accidents - late - pending;
  return {
    accidents,
    onTime,
    late,
    pending,
    rate: onTime + late === 0 ? null : onTime / (onTime + late),
    lateCases: await lateCases(db, scope),
  };
}

/**
 * Each late accident once, with the first initial deadline it missed: the accidents with a late or
 * overdue initial obligation, which is what makes one late.
 */
async function lateCases(db: DbOrTrx, scope: StatsScope): Promise<LateCase[]> {
  const rows = await db
    .selectFrom('incident_obligations')
    .innerJoin('incidents', 'incidents.id', 'incident_obligations.incident_id')
    .where((eb) => received(eb, scope))
    .where('incidents.category', 'in', ACCIDENTS)
    .where('incident_obligations.kind', 'in', INITIAL_KINDS)
    .where((eb) => lateOrOverdue(eb, scope.now))
    .select([
      'incidents.id',
      'incidents.category',
      'incidents.received_at',
      'incident_obligations.kind',
      'incident_obligations.due_at',
      'incident_obligations.done_at',
    ])
    .orderBy('incidents.received_at')
    .orderBy('incidents.id')
    .orderBy('incident_obligations.due_at')
    .execute();
  const seen = new Set<number>();
  const cases: LateCase[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    if (seen.has(id) || r.due_at === null) continue;
    seen.add(id);
    cases.push({
      id,
      category: r.category as LateCase['category'],
      receivedAt: r.received_at,
      dueAt: r.due_at,
      doneAt: r.done_at,
      kind: r.kind as LateCase['kind'],
    });
  }
  return cases;
}
