import type { ZeroFigures, ZeroFiling, ZeroRequestHeader } from '@shared/schemas/zero-reports';
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { ZeroFilingsTable, ZeroMarksTable, ZeroRequestsTable } from './table';

export type RequestRow = Selectable<ZeroRequestsTable>;
export type FilingRow = Selectable<ZeroFilingsTable>;

/** A unit asked by a request, as the round shows it. */
export interface AskedUnit {
  unitId: number;
  name: string;
  path: string;
}

export function toHeader(row: RequestRow): ZeroRequestHeader {
  return {
    id: Number(row.id),
    title: row.title,
    reason: row.reason,
    refId: row.ref_id === null ? null : Number(row.ref_id),
    disasterId: row.disaster_id === null ? null : Number(row.disaster_id),
    cutoff: row.cutoff,
    remindMinutes: Number(row.remind_minutes),
    firstDate: row.first_date,
    lastDate: row.last_date,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toFiling(row: FilingRow, unitName: string): ZeroFiling {
  return {
    id: Number(row.id),
    requestId: Number(row.request_id),
    unitId: Number(row.unit_id),
    unitName,
    forDate: row.for_date,
    nothingNew: Number(row.nothing_new) === 1,
    figures: row.figures === null ? null : (JSON.parse(row.figures) as ZeroFigures),
    note: row.note,
    filedBy: row.filed_by,
    filedAt: row.filed_at,
    updatedAt: row.updated_at,
    late: Number(row.late) === 1,
  };
}

export async function insertRequest(
  db: DbOrTrx,
  row: Insertable<ZeroRequestsTable>,
  unitIds: number[],
): Promise<RequestRow> {
  const inserted = await db.insertInto('zero_requests').values(row).returningAll().executeTakeFirstOrThrow();
  await db
    .insertInto('zero_request_units')
    .values(unitIds.map((unit_id) => ({ request_id: Number(inserted.id), unit_id })))
    .execute();
  return inserted;
}

export async function findRequest(db: DbOrTrx, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('zero_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends a request not ended yet; its header after, or undefined when it had ended already. */
export async function endRow(
  trx: DbOrTrx,
  id: number,
  at: string,
  by: string,
): Promise<ZeroRequestHeader | undefined> {
  const r = await trx
    .updateTable('zero_requests')
    .set({ ended_at: at, ended_by: by })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return undefined;
  return toHeader((await findRequest(trx, id))!);
}

/** Requests, newest first; `active`: not ended (true) or ended (false). */
export async function listRequestRows(db: DbOrTrx, active?: boolean): Promise<RequestRow[]> {
  let q = db.selectFrom('zero_requests').selectAll();
  if (active === true) q = q.where('ended_at', 'is', null);
  if (active === false) q = q.where('ended_at', 'is not', null);
  return q.orderBy('id', 'desc').limit(200).execute();
}

/** The units each request asks, in tree order. */
export async function unitsOf(db: DbOrTrx, requestIds: number[]): Promise<Map<number, AskedUnit[]>> {
  const out = new Map<number, AskedUnit[]>();
  if (requestIds.length === 0) return out;
  const rows = await db
    .selectFrom('zero_request_units')
    .innerJoin('units', 'units.id', 'zero_request_units.unit_id')
    .select(['zero_request_units.request_id', 'units.id', 'units.name', 'units.path'])
    .where('zero_request_units.request_id', 'in', requestIds)
    .orderBy('units.path')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.request_id)) ?? [];
    list.push({ unitId: Number(r.id), name: r.name, path: r.path });
    out.set(Number(r.request_id), list);
  }
  return out;
}

/** The ids of requests asking any unit at or below `path`. */
export async function requestIdsAsking(db: DbOrTrx, path: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('zero_request_units')
    .innerJoin('units', 'units.id', 'zero_request_units.unit_id')
    .select('zero_request_units.request_id')
    .where('units.path', 'like', `${path}%`)
    .execute();
  return new Set(rows.map((r) => Number(r.request_id)));
}

/** Filings of these requests for one date. */
export async function filingsOn(db: DbOrTrx, requestIds: number[], date: string): Promise<FilingRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('zero_filings')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .where('for_date', '=', date)
    .execute();
}

export async function findFiling(
  db: DbOrTrx,
  requestId: number,
  unitId: number,
  date: string,
): Promise<FilingRow | undefined> {
  return db
    .selectFrom('zero_filings')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('unit_id', '=', unitId)
    .where('for_date', '=', date)
    .executeTakeFirst();
}

/** The marks already raised for a request and date: `${kind}:${unitId}`. */
export async function marksOn(db: DbOrTrx, requestId: number, date: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('zero_marks')
    .select(['unit_id', 'kind'])
    .where('request_id', '=', requestId)
    .where('for_date', '=', date)
    .execute();
  return new Set(rows.map((r) => `${r.kind}:${Number(r.unit_id)}`));
}

/** Claims a reminder or a miss: inserted once, whoever scans first. */
export async function claimMark(db: DbOrTrx, mark: ZeroMarksTable): Promise<boolean> {
  const rows = await db
    .insertInto('zero_marks')
    .values(mark)
    .onConflict((oc) => oc.columns(['request_id', 'unit_id', 'for_date', 'kind']).doNothing())
    .returning('request_id')
    .execute();
  return rows.length === 1;
}
