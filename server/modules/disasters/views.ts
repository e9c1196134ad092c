import { dueLocalText } from '@shared/domain/disaster-clocks';
import {
  type DisasterRecipient,
  type DisasterState,
  type DisasterType,
  type FilingKind,
  sumFigures,
} from '@shared/domain/disasters';
import type {
  Disaster,
  DisasterHeader,
  DisasterLinks,
  DisasterObligation,
  DisasterSummary,
  Filing,
} from '@shared/schemas/disasters';
import type { DbOrTrx } from '../../db/database';
import { isWithin } from '../units/service';
import { districtFigures, ownFigures, parseFigures } from './figures';
import { affectedTownships, displayNames, unitNames } from './lookups';
import { belowTownship, disasterInSight, isDistrict, sightPath, townshipOfPath } from './scope';
import type { DisasterCaller, DisasterRow, FilingRow, ObligationRow } from './types';
import { listVictims } from './victims';

/** The photos attached to each filing (written by the reports part; read here for the filing's view). */
async function photosOfFilings(db: DbOrTrx, filingIds: number[]): Promise<Map<number, number[]>> {
  const byFiling = new Map<number, number[]>();
  if (filingIds.length === 0) return byFiling;
  const rows = await db
    .selectFrom('disaster_photos')
    .select(['id', 'filing_id'])
    .where('filing_id', 'in', filingIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const filingId = Number(r.filing_id);
    byFiling.set(filingId, [...(byFiling.get(filingId) ?? []), Number(r.id)]);
  }
  return byFiling;
}

export async function toFilings(db: DbOrTrx, rows: FilingRow[]): Promise<Filing[]> {
  const photos = await photosOfFilings(
    db,
    rows.map((r) => Number(r.id)),
  );
  const [units, names] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => Number(r.unit_id)),
    ),
    displayNames(
      db,
      rows.map((r) => r.filed_by),
    ),
  ]);
  return rows.map((r) => ({
    id: Number(r.id),
    disasterId: Number(r.disaster_id),
    unitId: Number(r.unit_id),
    unitName: units.get(Number(r.unit_id)) ?? '',
    kind: r.kind as FilingKind,
    forDate: r.for_date,
    figures: parseFigures(r.figures),
    nothingNew: Number(r.nothing_new) === 1,
    note: r.note,
    onBehalf: Number(r.on_behalf) === 1,
    filedBy: r.filed_by,
    filedByName: names.get(r.filed_by) ?? r.filed_by,
    filedAt: r.filed_at,
    photoIds: photos.get(Number(r.id)) ?? [],
  }));
}

export function toObligation(r: ObligationRow, now: Date, zone: string): DisasterObligation {
  const doneAt = r.done_at;
  return {
    key: r.key,
    kind: r.kind as DisasterObligation['kind'],
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    recipient: (r.recipient as DisasterRecipient | null) ?? null,
    dueAt: r.due_at,
    dueLocal: dueLocalText(r.due_at, zone),
    doneAt,
    onTime: doneAt === null ? null : Date.parse(doneAt) <= Date.parse(r.due_at),
    overdue: doneAt === null && Date.parse(r.due_at) < now.getTime(),
  };
}

/** The obligations a caller sees: all for the district, its township's own for a unit. */
async function obligationsFor(
  db: DbOrTrx,
  disasterId: number,
  caller: Pick<DisasterCaller, 'unitPath'> | null,
): Promise<ObligationRow[]> {
  let q = db.selectFrom('disaster_obligations').selectAll().where('disaster_id', '=', disasterId);
  if (caller && !isDistrict(caller))
    q = q.where('unit_id', '=', belowTownship(caller) ? -1 : (townshipOfPath(caller.unitPath) ?? -1));
  return q.orderBy('due_at').orderBy('key').execute();
}

function headerOf(
  row: DisasterRow,
  townships: { id: number; name: string }[],
  obligations: ObligationRow[],
  now: Date,
): Omit<DisasterSummary, 'totals'> {
  const open = obligations.filter((o) => o.done_at === null);
  const next = open.map((o) => o.due_at).sort()[0] ?? null;
  return {
    id: Number(row.id),
    type: row.type as DisasterType,
    subtype: row.subtype,
    title: row.title,
    beganAt: row.began_at,
    state: row.state as DisasterState,
    major: row.major_since !== null,
    severe: row.severe_since !== null,
    townships: townships.map((t) => ({ id: t.id, name: t.name })),
    nextDueAt: next,
    overdue: open.filter((o) => Date.parse(o.due_at) < now.getTime()).length,
  };
}

/** The header every unit may read (the disaster.* events' payload): no clocks, they are the district's. */
export async function publicHeader(db: DbOrTrx, id: number, now: Date): Promise<DisasterHeader> {
  const row = (await db.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst())!;
  const {
    nextDueAt: _due,
    overdue: _overdue,
    ...header
  } = headerOf(row, await affectedTownships(db, id), [], now);
  return header;
}

export async function linksOf(db: DbOrTrx, disasterId: number): Promise<DisasterLinks> {
  const links = await db
    .selectFrom('disaster_links')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .execute();
  const incidentIds = links.filter((l) => l.kind === 'incident').map((l) => Number(l.ref_id));
  const warningIds = links.filter((l) => l.kind === 'warning').map((l) => Number(l.ref_id));
  const incidents =
    incidentIds.length === 0
      ? []
      : await db
          .selectFrom('incidents')
          .select(['id', 'summary'])
          .where('id', 'in', incidentIds)
          .orderBy('id')
          .execute();
  const warnings =
    warningIds.length === 0
      ? []
      : await db
          .selectFrom('warnings')
          .select(['id', 'type', 'level'])
          .where('id', 'in', warningIds)
          .orderBy('id')
          .execute();
  return {
    incidents: incidents.map((i) => ({ id: Number(i.id), summary: i.summary })),
    warnings: warnings.map((w) => ({ id: Number(w.id), type: w.type, level: w.level })),
  };
}

/** GET /api/disasters: the headers and totals the caller sees (a unit's own township's). */
export async function listDisasters(
  db: DbOrTrx,
  caller: DisasterCaller,
  state: DisasterState | undefined,
  now: Date,
): Promise<DisasterSummary[]> {
  let q = db.selectFrom('disasters').selectAll();
  if (state) q = q.where('state', '=', state);
  if (!isDistrict(caller)) {
    const township = townshipOfPath(caller.unitPath) ?? -1;
    q = q.where(
      'id',
      'in',
      db.selectFrom('disaster_units').select('disaster_id').where('unit_id', '=', township),
    );
  }
  const rows = await q.orderBy('began_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  const out: DisasterSummary[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    const [townships, obligations, figures] = await Promise.all([
      affectedTownships(db, id),
      obligationsFor(db, id, caller),
      districtFigures(db, id),
    ]);
    const totals = isDistrict(caller)
      ? figures.totals
      : belowTownship(caller)
        ? await ownFigures(db, id, caller.unitId)
        : sumFigures(
            figures.townships
              .filter((t) => t.unitId === townshipOfPath(caller.unitPath))
              .map((t) => t.figures),
          );
    out.push({ ...headerOf(row, townships, obligations, now), totals });
  }
  return out;
}

/** The scoped view of one disaster (404 when the caller may not see it). */
export async function loadDisaster(
  db: DbOrTrx,
  id: number,
  caller: DisasterCaller,
  now: Date,
  zone: string,
): Promise<Disaster> {
  const row = await disasterInSight(db, caller, id);
  const own = isDistrict(caller) ? null : townshipOfPath(caller.unitPath);
  const [townships, obligations, figures, victims, links, below] = await Promise.all([
    affectedTownships(db, id),
    obligationsFor(db, id, caller),
    districtFigures(db, id),
    listVictims(db, id, caller),
    linksOf(db, id),
    db
      .selectFrom('disaster_filings')
      .selectAll()
      .where('disaster_id', '=', id)
      .where('unit_path', 'like', '/%/%/%/')
      .orderBy('filed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),
  ]);
  const community = belowTownship(caller);
  const rows =
    own === null ? figures.townships : community ? [] : figures.townships.filter((t) => t.unitId === own);
  const header = headerOf(row, townships, obligations, now);
  return {
    ...header,
    townships: rows,
    totals:
      own === null
        ? figures.totals
        : community
          ? await ownFigures(db, id, caller.unitId)
          : sumFigures(rows.map((r) => r.figures)),
    obligations: obligations.map((o) => toObligation(o, now, zone)),
    victims,
    fromBelow: await toFilings(
      db,
      below.filter((f) => isWithin(sightPath(caller), f.unit_path)),
    ),
    links,
    disasterText: row.disaster_text,
    reliefText: row.relief_text,
    majorSince: row.major_since,
    severeSince: row.severe_since,
    stableAt: row.stable_at,
    closedAt: row.closed_at,
  };
}
