import type { LateCase, Stats } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { judgedIncidents } from './judged';
import { INITIAL_KINDS, lateOrOverdue, num, type StatsScope } from './scope';

/** rate = onTime / (onTime + late): pending accidents are not judged yet, drills never count. */
export async function directReport(db: DbOrTrx, scope: StatsScope): Promise<Stats['directReport']> {
  const totals = await db
    .selectFrom(judgedIncidents(db, scope).as('j'))
    .where('j.accident', '=', 1)
    .select((eb) => [
      eb.fn.countAll().as('accidents'),
      eb.fn.sum('j.late').as('late'),
      eb.fn.sum('j.pending').as('pending'),
    ])
    .executeTakeFirstOrThrow();
  const accidents = num(totals.accidents);
  const late = num(totals.late);
  const pending = num(totals.pending);
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

/** Each late accident once, with the first initial deadline it missed. */
async function lateCases(db: DbOrTrx, scope: StatsScope): Promise<LateCase[]> {
  const rows = await db
    .selectFrom(judgedIncidents(db, scope).as('j'))
    .innerJoin('incident_obligations', 'incident_obligations.incident_id', 'j.id')
    .where('j.accident', '=', 1)
    .where('j.late', '=', 1)
    .where('incident_obligations.kind', 'in', INITIAL_KINDS)
    .where((eb) => lateOrOverdue(eb, scope.now))
    .select([
      'j.id',
      'j.category',
      'j.received_at',
      'incident_obligations.kind',
      'incident_obligations.due_at',
      'incident_obligations.done_at',
    ])
    .orderBy('j.received_at')
    .orderBy('j.id')
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
