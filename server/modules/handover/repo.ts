import { incidentTitle } from '@shared/domain/handover-lines';
import type { Amendment, CarriedItem, Handover, HandoverQuery, PendingItem } from '@shared/schemas/handover';
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { HandoverAmendmentsTable, HandoversTable } from './table';

type Row = Selectable<HandoversTable> & {
  outgoing_name: string | null;
  incoming_name: string | null;
  anchor_seq: number | null;
  anchor_hash: string | null;
};

/** With the audit checkpoint recorded when it was sealed (the audit module writes it). */
function rows(db: DbOrTrx) {
  return db
    .selectFrom('handovers')
    .leftJoin('users as o', 'o.id', 'handovers.outgoing_user_id')
    .leftJoin('users as i', 'i.id', 'handovers.incoming_user_id')
    .leftJoin('audit_checkpoints as cp', 'cp.handover_id', 'handovers.id')
    .selectAll('handovers')
    .select(['o.display_name as outgoing_name', 'i.display_name as incoming_name'])
    .select(['cp.seq as anchor_seq', 'cp.hash as anchor_hash']);
}

function toAmendment(row: Selectable<HandoverAmendmentsTable>): Amendment {
  return {
    id: Number(row.id),
    handoverId: Number(row.handover_id),
    text: row.text,
    author: row.author,
    authorName: row.author_name,
    signedAt: row.signed_at,
  };
}

function toHandover(row: Row, zone: string, amendments: Amendment[]): Handover {
  const signer = (id: number | null, name: string | null) =>
    id === null ? null : { userId: Number(id), name: name ?? String(id) };
  return {
    id: Number(row.id),
    shift: { dutyDate: row.duty_date, start: row.shift_start, end: row.shift_end, zone },
    status: row.status,
    outgoing: signer(row.outgoing_user_id, row.outgoing_name),
    incoming: signer(row.incoming_user_id, row.incoming_name),
    content: JSON.parse(row.content),
    carried: JSON.parse(row.carried),
    pending: JSON.parse(row.pending),
    notes: row.notes,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    submittedByName: row.submitted_by_name,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    acceptedByName: row.accepted_by_name,
    earlyReason: row.early_reason,
    acceptedEarlyReason: row.accepted_early_reason,
    alarms: row.alarms === null ? null : JSON.parse(row.alarms),
    amendments,
    anchor: row.anchor_seq === null ? null : { seq: Number(row.anchor_seq), hash: row.anchor_hash ?? '' },
  };
}

async function withAmendments(db: DbOrTrx, found: Row[], zone: string): Promise<Handover[]> {
  if (found.length === 0) return [];
  const all = await db
    .selectFrom('handover_amendments')
    .selectAll()
    .where(
      'handover_id',
      'in',
      found.map((r) => Number(r.id)),
    )
    .orderBy('id')
    .execute();
  return found.map((r) =>
    toHandover(r, zone, all.filter((a) => Number(a.handover_id) === Number(r.id)).map(toAmendment)),
  );
}

export async function findHandover(db: DbOrTrx, id: number, zone: string): Promise<Handover | undefined> {
  const row = await rows(db).where('handovers.id', '=', id).executeTakeFirst();
  return row ? (await withAmendments(db, [row], zone))[0] : undefined;
}

export async function findByShift(
  db: DbOrTrx,
  start: string,
  end: string,
): Promise<{ id: number; status: string } | undefined> {
  const row = await db
    .selectFrom('handovers')
    .select(['id', 'status'])
    .where('shift_start', '=', start)
    .where('shift_end', '=', end)
    .executeTakeFirst();
  return row ? { id: Number(row.id), status: row.status } : undefined;
}

/** Sealed handovers of shifts that ended after `after`, the earliest end first. */
export async function sealedEndingAfter(
  db: DbOrTrx,
  after: string,
): Promise<{ id: number; start: string; end: string }[]> {
  const found = await db
    .selectFrom('handovers')
    .select(['id', 'shift_start', 'shift_end'])
    .where('status', '=', 'sealed')
    .where('shift_end', '>', after)
    .orderBy('shift_end')
    .execute();
  return found.map((r) => ({ id: Number(r.id), start: r.shift_start, end: r.shift_end }));
}

/**
 * What a draft takes from the last handover of a shift that started before `start`: its id, what it
 * carried and what it left to do; not its record (the sealed content of a busy shift is large).
 */
export async function lastBefore(
  db: DbOrTrx,
  start: string,
): Promise<{ id: number; carried: CarriedItem[]; pending: PendingItem[] } | undefined> {
  const row = await db
    .selectFrom('handovers')
    .select(['id', 'carried', 'pending'])
    .where('shift_start', '<', start)
    .orderBy('shift_start', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { id: Number(row.id), carried: JSON.parse(row.carried), pending: JSON.parse(row.pending) }
    : undefined;
}

export async function insertHandover(db: DbOrTrx, row: Insertable<HandoversTable>): Promise<number> {
  const { id } = await db.insertInto('handovers').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a handover that is still awaiting its signature; false when it was sealed meanwhile. */
export async function updateSubmitted(
  db: DbOrTrx,
  id: number,
  patch: Updateable<HandoversTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('handovers')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAmendment(
  db: DbOrTrx,
  row: Insertable<HandoverAmendmentsTable>,
): Promise<Amendment> {
  return toAmendment(
    await db.insertInto('handover_amendments').values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

function contains(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

export async function listHandovers(
  db: DbOrTrx,
  query: HandoverQuery & { status?: 'submitted' | 'sealed' },
  zone: string,
  limit: number,
): Promise<Handover[]> {
  let q = rows(db);
  if (query.from) q = q.where('handovers.duty_date', '>=', query.from);
  if (query.to) q = q.where('handovers.duty_date', '<=', query.to);
  if (query.status) q = q.where('handovers.status', '=', query.status);
  const person = query.person?.trim();
  if (person) {
    const id = /^\d{1,9}$/.test(person) ? Number(person) : -1;
    q = q.where((eb) =>
      eb.or([
        eb('handovers.outgoing_user_id', '=', id),
        eb('handovers.incoming_user_id', '=', id),
        eb('o.username', '=', person),
        eb('i.username', '=', person),
        eb('handovers.accepted_by', '=', person),
        contains('o.display_name', person),
        contains('i.display_name', person),
        contains('handovers.accepted_by_name', person),
      ]),
    );
  }
  const text = query.q?.trim();
  if (text)
    q = q.where((eb) => eb.or([contains('handovers.content', text), contains('handovers.notes', text)]));
  const found = await q.orderBy('handovers.shift_start', 'desc').limit(limit).execute();
  return withAmendments(db, found, zone);
}

/**
 * The titles of incidents `ids` as the event log recorded them in [start, end): from the last
 * `incident.reported` (with its report) or leader's instruction (`incident.action`) about each.
 */
export async function titlesRecorded(
  db: DbOrTrx,
  start: string,
  end: string,
  ids: number[],
): Promise<Record<number, string>> {
  const found = await db
    .selectFrom('events')
    .select(['type', 'payload'])
    .where(
      'subject',
      'in',
      ids.map((id) => `incident:${id}`),
    )
    .where('type', 'in', ['incident.reported', 'incident.action'])
    .where('at', '>=', start)
    .where('at', '<', end)
    .orderBy('seq')
    .execute();
  const titles: Record<number, string> = {};
  for (const row of found) {
    const { incident, report, action } = JSON.parse(row.payload);
    const counted = row.type === 'incident.reported' ? Boolean(report) : action?.type === 'instruction';
    // A member missing from an older payload reads as SQL's null did.
    if (counted)
      titles[Number(incident?.id ?? null)] = incidentTitle({
        category: incident?.category ?? null,
        location: { address: incident?.location?.address ?? null },
      });
  }
  return titles;
}
