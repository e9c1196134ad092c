import type { AnyDutyEvent } from '@shared/events';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { EventsTable } from './table';

export function toEvent(
  row: Pick<Selectable<EventsTable>, 'seq' | 'at' | 'type' | 'actor' | 'subject' | 'payload' | 'unit_path'>,
): AnyDutyEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    actor: row.actor,
    subject: row.subject,
    unit: row.unit_path,
    payload: JSON.parse(row.payload),
  } as AnyDutyEvent;
}

export async function eventsAfter(
  db: DbOrTrx,
  after: number,
  limit: number,
  type?: string,
): Promise<AnyDutyEvent[]> {
  let q = db
    .selectFrom('events')
    .select(['seq', 'at', 'type', 'actor', 'subject', 'unit_path', 'payload'])
    .where('seq', '>', after);
  if (type) q = q.where('type', '=', type);
  const rows = await q.orderBy('seq', 'asc').limit(limit).execute();
  return rows.map(toEvent);
}

/** The newest events first (before a seq, for older pages), for the audit page. */
export async function latestEvents(
  db: DbOrTrx,
  limit: number,
  type?: string,
  before?: number,
): Promise<AnyDutyEvent[]> {
  let q = db.selectFrom('events').select(['seq', 'at', 'type', 'actor', 'subject', 'unit_path', 'payload']);
  if (type) q = q.where('type', '=', type);
  if (before !== undefined) q = q.where('seq', '<', before);
  const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}

export async function headSeq(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}
