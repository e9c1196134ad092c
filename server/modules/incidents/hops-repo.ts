import type { HopRecord } from '@shared/domain/incident-types';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { IncidentHopsTable } from './table';

export type HopRow = Selectable<IncidentHopsTable>;

export async function hopRows(db: DbOrTrx, incidentId: number): Promise<HopRow[]> {
  return db
    .selectFrom('incident_hops')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute();
}

/** The hops as the deadline rules read them. */
export async function hopRecords(db: DbOrTrx, incidentId: number): Promise<HopRecord[]> {
  return (await hopRows(db, incidentId)).map((h) => ({
    hop: h.hop,
    receivedAt: h.received_at,
    takenAt: h.taken_at,
  }));
}
