import { NATIONAL_DEFAULT_POLICY } from '@shared/domain/deadline-policy';
import { computeObligations, nextDeadline } from '@shared/domain/deadlines';
import { ACCIDENT_CATEGORIES, type CategoryCode, type Grade } from '@shared/domain/incident-types';
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database';
import { obligationRow } from '../../server/modules/incidents/repo';
import type { IncidentObligationsTable, IncidentsTable } from '../../server/modules/incidents/table';
import { insertBatches, type Random } from './random';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `count` incidents still open at `now`, received over the `spanHours` before it, none reported
 * yet: their stored obligations (首报 due, some already overdue) as the deadline rules make them.
 */
export async function seedOpenIncidents(
  db: Db,
  r: Random,
  count: number,
  now: Date,
  spanHours: number,
  zone: string,
) {
  const incidents: Insertable<IncidentsTable>[] = [];
  const obligations: Insertable<IncidentObligationsTable>[] = [];
  for (let id = 1; id <= count; id++) {
    const received = now.getTime() - Math.floor(r.next() * spanHours * 60 * MIN);
    const category: CategoryCode = r.pick(ACCIDENT_CATEGORIES);
    const grade: Grade = r.weighted([
      ['IV', 85],
      ['III', 10],
      ['II', 4],
      ['I', 1],
    ] as const);
    const stage = r.weighted([
      ['received', 30],
      ['verified', 30],
      ['handling', 40],
    ] as const);
    const acknowledged = r.chance(0.8);
    const due = computeObligations(
      {
        category,
        grade,
        nearMiss: false,
        occurredAt: iso(received - 10 * MIN),
        receivedAt: iso(received),
        figureChanges: [],
        reports: [],
        closedAt: null,
        zone,
      },
      NATIONAL_DEFAULT_POLICY,
    );
    incidents.push({
      id,
      category,
      occurred_at: iso(received - 10 * MIN),
      received_at: iso(received),
      address: `测试路 ${id} 号`,
      lat: null,
      lng: null,
      caller: JSON.stringify({ name: '报警人', phone: '13800000000' }),
      summary: `基准测试事件 ${id}`,
      casualties: JSON.stringify({ deaths: r.int(0, 2), seriousInjuries: r.int(0, 3) }),
      direct_loss_yuan: null,
      burned_area_ha: null,
      source: 'phone',
      manual_grade: null,
      grade_reason: null,
      serious_pollution: 0,
      key_facility_danger: 0,
      grade,
      grade_basis: 'regulation_493',
      grade_reasons: '[]',
      near_miss: 0,
      drill: 0,
      late_discovery: null,
      stage,
      verified_at: stage === 'received' ? null : iso(received + 5 * MIN),
      acknowledged_at: acknowledged ? iso(received + 3 * MIN) : null,
      acknowledged_by: acknowledged ? 'leader' : null,
      closed_at: null,
      outcome: null,
      figure_changes: '[]',
      next_due_at: nextDeadline(due, now)?.dueAt ?? null,
      created_by: 'bench',
      created_at: iso(received),
      updated_at: iso(received),
    });
    for (const o of due)
      obligations.push({
        ...obligationRow(id, o),
        overdue_raised_at: o.dueAt && o.dueAt < iso(now.getTime()) ? iso(now.getTime()) : null,
      });
  }
  await db.transaction().execute(async (trx) => {
    await insertBatches(incidents, 500, (rows) => trx.insertInto('incidents').values(rows).execute());
    await insertBatches(obligations, 2000, (rows) =>
      trx.insertInto('incident_obligations').values(rows).execute(),
    );
  });
  return { incidents: incidents.length, obligations: obligations.length };
}
