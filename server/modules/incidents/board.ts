import { boardCaller, boardCasualties } from '@shared/domain/board-fields';
import type { Casualties } from '@shared/domain/incident-types';
import type { BoardIncident, IncidentQuery } from '@shared/schemas/incidents';
import type { DbOrTrx } from '../../db/database';
import { filteredIncidents } from './queries';

/**
 * The board's list: the columns its cards, filter and columns read, with the next deadline's kind
 * and the overdue mark worked out by the database (two index look-ups per incident), not from
 * every obligation of thousands of incidents.
 */
export async function boardIncidents(
  db: DbOrTrx,
  query: IncidentQuery,
  now: string,
  underPath?: string,
): Promise<BoardIncident[]> {
  const select = db
    .selectFrom('incidents')
    .select([
      'incidents.id',
      'incidents.category',
      'incidents.received_at',
      'incidents.address',
      'incidents.caller',
      'incidents.summary',
      'incidents.casualties',
      'incidents.grade',
      'incidents.near_miss',
      'incidents.drill',
      'incidents.late_discovery',
      'incidents.stage',
      'incidents.acknowledged_at',
      'incidents.closed_at',
      'incidents.created_by',
      'incidents.next_due_at',
    ])
    .select((eb) => [
      // As the detail page finds it: the unmet obligation due at next_due_at, by deadline then key.
      eb
        .selectFrom('incident_obligations as o')
        .select('o.kind')
        .whereRef('o.incident_id', '=', 'incidents.id')
        .where('o.done_at', 'is', null)
        .whereRef('o.due_at', '=', 'incidents.next_due_at')
        .orderBy('o.key')
        .limit(1)
        .as('next_kind'),
      eb
        .exists(
          eb
            .selectFrom('incident_obligations as o')
            .select('o.key')
            .whereRef('o.incident_id', '=', 'incidents.id')
            .where('o.done_at', 'is', null)
            .where('o.due_at', '<', now),
        )
        .as('overdue'),
    ]);
  const rows = await filteredIncidents(select, query, underPath).execute();
  return rows.map((r) => {
    return {
      id: Number(r.id),
      category: r.category,
      receivedAt: r.received_at,
      location: { address: r.address },
      caller: boardCaller(JSON.parse(r.caller)),
      summary: r.summary,
      casualties: boardCasualties(JSON.parse(r.casualties) as Casualties),
      grade: r.grade,
      nearMiss: r.near_miss === 1,
      drill: r.drill === 1,
      lateDiscovery: r.late_discovery,
      stage: r.stage,
      acknowledgedAt: r.acknowledged_at,
      closedAt: r.closed_at,
      createdBy: r.created_by,
      nextDueAt: r.next_due_at,
      nextKind: (r.next_kind ?? null) as BoardIncident['nextKind'],
      // SQLite answers 0/1, PostgreSQL a boolean.
      overdue: Boolean(r.overdue),
    };
  });
}
