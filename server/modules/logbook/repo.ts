import type { DraftLogEntry } from '@shared/domain/handover-lines';
import type { LogEntry, LogQuery } from '@shared/schemas/logbook';
import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { readRows } from '../../db/dialect';
import type { LogbookEntriesTable } from './table';

type EntryRow = Selectable<LogbookEntriesTable>;
/** An entry as stored; whether its shift was sealed is the handover module's to say. */
export type StoredEntry = Omit<LogEntry, 'sealedIn'>;

export function toEntry(row: EntryRow): StoredEntry {
  return {
    id: Number(row.id),
    kind: row.kind,
    at: row.at,
    callerName: row.caller_name,
    callerUnit: row.caller_unit,
    callerPost: row.caller_post,
    callerPhone: row.caller_phone,
    content: row.content,
    alreadyTold: row.already_told,
    handling: row.handling,
    incidentId: row.incident_id === null ? null : Number(row.incident_id),
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertEntry(db: DbOrTrx, row: Insertable<LogbookEntriesTable>): Promise<StoredEntry> {
  return toEntry(await db.insertInto('logbook_entries').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findEntry(db: DbOrTrx, id: number): Promise<StoredEntry | undefined> {
  const row = await db.selectFrom('logbook_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

export async function updateEntry(
  db: DbOrTrx,
  id: number,
  patch: Updateable<LogbookEntriesTable>,
): Promise<StoredEntry> {
  await db.updateTable('logbook_entries').set(patch).where('id', '=', id).execute();
  return (await findEntry(db, id))!;
}

/** Links an entry to its incident once: of two racing conversions only one updates the row. */
export async function linkIncident(
  db: DbOrTrx,
  id: number,
  incidentId: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('logbook_entries')
    .set({ incident_id: incidentId, updated_at: at })
    .where('id', '=', id)
    .where('incident_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The columns a draft line uses, in the order of `DraftRow`. */
const DRAFT_COLUMNS = [
  'kind',
  'at',
  'caller_name',
  'caller_unit',
  'caller_post',
  'caller_phone',
  'content',
  'already_told',
  'handling',
  'incident_id',
] as const;
type DraftRow = [
  DraftLogEntry['kind'],
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  number | null,
];

/**
 * The entries of [from, to) as a handover draft writes them: only the columns its lines use, in
 * time order, entries of the same instant newest first (as the list shows them). Thousands of
 * entries come as arrays (readRows: one JSON value on SQLite), not a row object each.
 */
export async function draftEntries(
  db: DbOrTrx,
  from: string,
  to: string,
  limit: number,
): Promise<DraftLogEntry[]> {
  const window = db
    .selectFrom('logbook_entries')
    .select(['id', ...DRAFT_COLUMNS])
    .where('at', '>=', new Date(from).toISOString())
    .where('at', '<', new Date(to).toISOString())
    .orderBy('at')
    .orderBy('id', 'desc')
    .limit(limit);
  return readRows(db, window, DRAFT_COLUMNS, sql`at, id desc`, (values) => {
    const row = values as DraftRow;
    return {
      kind: row[0],
      at: row[1],
      callerName: row[2],
      callerUnit: row[3],
      callerPost: row[4],
      callerPhone: row[5],
      content: row[6],
      alreadyTold: row[7],
      handling: row[8],
      incidentId: row[9] === null ? null : Number(row[9]),
    };
  });
}

/** `%`, `_` and the escape itself taken literally; case folded the same way on both dialects. */
function contains(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

export async function listEntries(db: DbOrTrx, query: LogQuery, limit: number): Promise<StoredEntry[]> {
  let q = db.selectFrom('logbook_entries').selectAll();
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<', new Date(query.to).toISOString());
  if (query.kind) q = q.where('kind', '=', query.kind);
  const text = query.q?.trim();
  if (text) {
    q = q.where((eb) =>
      eb.or(
        ['content', 'caller_name', 'caller_unit', 'caller_phone', 'handling', 'already_told'].map((c) =>
          contains(c, text),
        ),
      ),
    );
  }
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}
