import { upgradePolicy } from '@shared/domain/deadline-policy';
import { type DisasterClockInput, disasterObligations, dueLocalText } from '@shared/domain/disaster-clocks';
import {
  DEFAULT_DISASTER_CLOCKS,
  type DisasterClockValues,
  type DisasterFigures,
  type DisasterRecipient,
  type DisasterReportKind,
  type DisasterState,
  type DisasterType,
  deadMissing,
  FIGURE_FIELDS,
  type FilingKind,
  roundFigure,
  sameFigures,
  sumFigures,
  WHOLE_FIGURES,
  ZERO_FIGURES,
} from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import { localDateOf } from '@shared/domain/duty-day';
import type {
  CreateDisasterBody,
  Disaster,
  DisasterHeader,
  DisasterLinks,
  DisasterObligation,
  DisasterSummary,
  Filing,
  FilingBody,
  TownshipFigures,
  UpdateDisasterBody,
  Victim,
  VictimBody,
  VictimPatchBody,
} from '@shared/schemas/disasters';
import { TOWNSHIP_KINDS } from '@shared/schemas/units';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Raiser, raiseOnce, type Timer } from '../../jobs/raise-once';
import { nowStored, toStored } from '../../time';
import { calendarData } from '../calendar/service';
import { getDeadlinePolicy } from '../incidents/service';
import { getUnit, isWithin, type Unit } from '../units/service';
import type {
  DisasterFilingsTable,
  DisasterObligationsTable,
  DisastersTable,
  DisasterVictimsTable,
} from './table';

/**
 * Natural disasters (灾害过程, DESIGN §2.6, PLAN-17): the process, per-township figures (快报表),
 * the 因灾死亡失踪人员 list, the clocks and the stored obligations. Other modules use it through
 * this file only.
 *
 * Scope: the district sees every disaster; a unit (township, community) sees a disaster only when
 * its township is affected. A township then sees only its own figures, filings, victims and
 * obligations (its totals are its own); a community or village only its own filings and figures.
 * An unseen id is a 404, never a 403.
 */

/** Who acts: a person of a unit (the district is unit 1). */
export interface DisasterCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
  roles: string[];
}

export type DisasterRow = Selectable<DisastersTable>;
type FilingRow = Selectable<DisasterFilingsTable>;
type VictimRow = Selectable<DisasterVictimsTable>;
type ObligationRow = Selectable<DisasterObligationsTable>;

/** A disaster may be recorded up to this far ahead of the server's clock (clock skew), no more. */
const FUTURE_SLACK_MS = 5 * 60_000;

const isDistrict = (caller: { unitPath: string }) => caller.unitPath === DISTRICT_PATH;

/** The township a unit path belongs to (`/1/4/` and `/1/4/12/` → 4); null for the district. */
export function townshipOfPath(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** The path of a township's own unit (`/1/4/`), from any path at or below it. */
function townshipPath(path: string): string {
  const ids = path.split('/').filter(Boolean);
  return `/${ids.slice(0, 2).join('/')}/`;
}

/** The filings a caller sees: every one for the district, its own unit's and those below it for a unit (§2.7). */
const sightPath = (caller: { unitPath: string }) => (isDistrict(caller) ? DISTRICT_PATH : caller.unitPath);

/**
 * The township's rows (its figures, victims and obligations) are the township's own: the district and
 * the township see them; a community or village under it sees only its own filings, never its
 * township's list of the dead nor a sibling community's report.
 */
const belowTownship = (caller: { unitPath: string }) =>
  !isDistrict(caller) && townshipPath(caller.unitPath) !== caller.unitPath;

/** A community's own figures: its latest filing's, or zeros. */
async function ownFigures(db: DbOrTrx, disasterId: number, unitId: number): Promise<DisasterFigures> {
  const last = await db
    .selectFrom('disaster_filings')
    .select('figures')
    .where('disaster_id', '=', disasterId)
    .where('unit_id', '=', unitId)
    .orderBy('filed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return last ? parseFigures(last.figures) : { ...ZERO_FIGURES };
}

function clockValues(row: DisasterRow): DisasterClockValues {
  try {
    return { ...DEFAULT_DISASTER_CLOCKS, ...(JSON.parse(row.policy) as Partial<DisasterClockValues>) };
  } catch {
    return DEFAULT_DISASTER_CLOCKS;
  }
}

function parseFigures(json: string): DisasterFigures {
  const raw = JSON.parse(json) as Partial<DisasterFigures>;
  const out = { ...ZERO_FIGURES };
  for (const f of FIGURE_FIELDS) out[f] = Number(raw[f] ?? 0);
  return out;
}

async function displayNames(db: DbOrTrx, usernames: string[]): Promise<Map<string, string>> {
  const names = [...new Set(usernames)];
  const map = new Map<string, string>([['system', '系统']]);
  if (names.length === 0) return map;
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', names)
    .execute();
  for (const r of rows) map.set(r.username, r.display_name);
  return map;
}

async function unitNames(db: DbOrTrx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

async function affectedTownships(
  db: DbOrTrx,
  disasterId: number,
): Promise<{ id: number; name: string; path: string }[]> {
  const rows = await db
    .selectFrom('disaster_units')
    .innerJoin('units', 'units.id', 'disaster_units.unit_id')
    .select(['units.id', 'units.name', 'units.path'])
    .where('disaster_units.disaster_id', '=', disasterId)
    .orderBy('units.path')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, path: r.path }));
}

// ---------------------------------------------------------------- scope

/** The disaster row when the caller may see it (the district; a unit whose township is affected); else 404. */
export async function disasterInSight(
  db: DbOrTrx,
  caller: Pick<DisasterCaller, 'unitPath'>,
  id: number,
): Promise<DisasterRow> {
  const row = await db.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) notFound(`disaster ${id}`);
  if (isDistrict(caller)) return row;
  const township = townshipOfPath(caller.unitPath);
  const affected =
    township !== null &&
    (await db
      .selectFrom('disaster_units')
      .select('unit_id')
      .where('disaster_id', '=', id)
      .where('unit_id', '=', township)
      .executeTakeFirst()) !== undefined;
  if (!affected) notFound(`disaster ${id}`);
  return row;
}

// ---------------------------------------------------------------- figures

/** The latest figures of each unit that filed (by unit id), from its last filing. */
async function lastFilings(db: DbOrTrx, disasterId: number): Promise<Map<number, FilingRow>> {
  const rows = await db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  const last = new Map<number, FilingRow>();
  for (const r of rows) last.set(Number(r.unit_id), r);
  return last;
}

/** Each affected township's latest figures (its own filings, or the district's on its behalf) and their sum. */
export async function districtFigures(
  db: DbOrTrx,
  disasterId: number,
): Promise<{ totals: DisasterFigures; townships: TownshipFigures[] }> {
  const [townships, last] = await Promise.all([
    affectedTownships(db, disasterId),
    lastFilings(db, disasterId),
  ]);
  const names = await displayNames(
    db,
    townships.map((t) => last.get(t.id)?.filed_by).filter((n): n is string => !!n),
  );
  const rows: TownshipFigures[] = townships.map((t) => {
    const f = last.get(t.id);
    return {
      unitId: t.id,
      name: t.name,
      figures: f ? parseFigures(f.figures) : { ...ZERO_FIGURES },
      lastFiledAt: f?.filed_at ?? null,
      lastFiledBy: f ? (names.get(f.filed_by) ?? f.filed_by) : null,
      onBehalf: f ? Number(f.on_behalf) === 1 : false,
      filed: f !== undefined,
    };
  });
  return { totals: sumFigures(rows.map((r) => r.figures)), townships: rows };
}

// ---------------------------------------------------------------- views

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

async function toFilings(db: DbOrTrx, rows: FilingRow[]): Promise<Filing[]> {
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

async function toVictims(db: DbOrTrx, rows: VictimRow[]): Promise<Victim[]> {
  const units = await unitNames(
    db,
    rows.map((r) => Number(r.unit_id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    disasterId: Number(r.disaster_id),
    unitId: Number(r.unit_id),
    unitName: units.get(Number(r.unit_id)) ?? '',
    name: r.name,
    status: r.status as Victim['status'],
    cause: r.cause,
    date: r.date,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function toObligation(r: ObligationRow, now: Date, zone: string): DisasterObligation {
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
async function publicHeader(db: DbOrTrx, id: number, now: Date): Promise<DisasterHeader> {
  const row = (await db.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst())!;
  const {
    nextDueAt: _due,
    overdue: _overdue,
    ...header
  } = headerOf(row, await affectedTownships(db, id), [], now);
  return header;
}

async function linksOf(db: DbOrTrx, disasterId: number): Promise<DisasterLinks> {
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

// ---------------------------------------------------------------- the process

async function checkTownships(db: DbOrTrx, ids: number[]): Promise<void> {
  for (const id of ids) {
    const unit = await getUnit(db, id);
    if (!unit || !TOWNSHIP_KINDS.includes(unit.kind) || unit.parentId !== 1 || !unit.enabled)
      fail(
        'DUTY_ERR_VALIDATION',
        `body.townships: unit ${id} is not an enabled township, street or development zone`,
      );
  }
}

async function checkLinks(db: DbOrTrx, incidentIds: number[], warningIds: number[]): Promise<void> {
  for (const id of incidentIds) {
    const found = await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) fail('DUTY_ERR_VALIDATION', `body.incidentIds: no incident ${id}`);
  }
  for (const id of warningIds) {
    const found = await db.selectFrom('warnings').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) fail('DUTY_ERR_VALIDATION', `body.warningIds: no warning ${id}`);
  }
}

async function setLinks(tx: Tx, id: number, kind: 'incident' | 'warning', refs: number[]): Promise<void> {
  await tx.trx.deleteFrom('disaster_links').where('disaster_id', '=', id).where('kind', '=', kind).execute();
  if (refs.length > 0)
    await tx.trx
      .insertInto('disaster_links')
      .values(refs.map((ref_id) => ({ disaster_id: id, kind, ref_id })))
      .execute();
}

/** A calendar date that exists (the schema checks the shape only: 2026-02-30 is refused here). */
function realDate(date: string | undefined | null, field: string): void {
  if (!date) return;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d)
    fail('DUTY_ERR_VALIDATION', `${field}: ${date} is not a calendar date`);
}

function notAhead(at: string, now: Date, field: string): void {
  if (Date.parse(at) > now.getTime() + FUTURE_SLACK_MS)
    fail(
      'DUTY_ERR_VALIDATION',
      `${field}: ${at} is in the future; a disaster is recorded when it has happened`,
    );
}

/** POST /api/disasters (the district). */
export async function createDisaster(tx: Tx, zone: string, body: CreateDisasterBody): Promise<Disaster> {
  const now = tx.clock.now();
  const beganAt = toStored(new Date(body.beganAt));
  notAhead(beganAt, now, 'body.beganAt');
  await checkTownships(tx.trx, body.townships);
  await checkLinks(tx.trx, body.incidentIds ?? [], body.warningIds ?? []);
  const values = upgradePolicy(await getDeadlinePolicy(tx.trx)).disasters ?? DEFAULT_DISASTER_CLOCKS;
  const stamp = nowStored(tx.clock);
  const severe = body.severeLoss === true;
  const major = body.major === true || severe;
  const inserted = await tx.trx
    .insertInto('disasters')
    .values({
      type: body.type,
      subtype: body.subtype ?? null,
      title: body.title,
      began_at: beganAt,
      state: 'developing',
      major: body.major === true ? 1 : 0,
      severe_loss: severe ? 1 : 0,
      major_since: major ? beganAt : null,
      severe_since: severe ? beganAt : null,
      stable_at: null,
      closed_at: null,
      disaster_text: body.disasterText ?? '',
      relief_text: body.reliefText ?? '',
      policy: JSON.stringify(values),
      next_due_at: null,
      created_by: tx.actor,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  await tx.trx
    .insertInto('disaster_units')
    .values(body.townships.map((unit_id) => ({ disaster_id: id, unit_id })))
    .execute();
  await setLinks(tx, id, 'incident', body.incidentIds ?? []);
  await setLinks(tx, id, 'warning', body.warningIds ?? []);
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.created',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now) },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(
    tx.trx,
    id,
    { userId: 0, username: tx.actor, unitId: 1, unitPath: DISTRICT_PATH, roles: [] },
    now,
    zone,
  );
}

/** Sets severe_since / major_since from the flags and the district's dead + missing, once each. */
async function settleSeverity(tx: Tx, row: DisasterRow, at: string): Promise<void> {
  const { totals } = await districtFigures(tx.trx, Number(row.id));
  const values = clockValues(row);
  const severeNow = Number(row.severe_loss) === 1 || deadMissing(totals) >= values.severeDeadMissing;
  const majorNow = severeNow || row.severe_since !== null || Number(row.major) === 1;
  const severeSince = row.severe_since ?? (severeNow ? at : null);
  const majorSince = majorNow ? (row.major_since ?? at) : null;
  if (severeSince !== row.severe_since || majorSince !== row.major_since)
    await tx.trx
      .updateTable('disasters')
      .set({ severe_since: severeSince, major_since: majorSince })
      .where('id', '=', Number(row.id))
      .execute();
}

/** PATCH /api/disasters/:id (the district). */
export async function updateDisaster(
  tx: Tx,
  zone: string,
  id: number,
  body: UpdateDisasterBody,
): Promise<Disaster> {
  const now = tx.clock.now();
  const caller = { unitPath: DISTRICT_PATH };
  const row = await disasterInSight(tx.trx, caller, id);
  if (row.state === 'closed') fail('DUTY_ERR_CONFLICT', `disaster ${id} is closed`);
  const changed: string[] = [];
  const set: Partial<Record<keyof DisastersTable, unknown>> = {};
  const change = (field: string, column: keyof DisastersTable, value: unknown, before: unknown) => {
    if (value === undefined || value === before) return;
    set[column] = value;
    changed.push(field);
  };
  change('title', 'title', body.title, row.title);
  change('subtype', 'subtype', body.subtype, row.subtype);
  change('disasterText', 'disaster_text', body.disasterText, row.disaster_text);
  change('reliefText', 'relief_text', body.reliefText, row.relief_text);
  change('major', 'major', body.major === undefined ? undefined : body.major ? 1 : 0, Number(row.major));
  change(
    'severeLoss',
    'severe_loss',
    body.severeLoss === undefined ? undefined : body.severeLoss ? 1 : 0,
    Number(row.severe_loss),
  );
  if (body.townships !== undefined) {
    const before = (await affectedTownships(tx.trx, id)).map((t) => t.id).sort((a, b) => a - b);
    const after = [...body.townships].sort((a, b) => a - b);
    if (before.join(',') !== after.join(',')) {
      await checkTownships(tx.trx, after);
      await tx.trx.deleteFrom('disaster_units').where('disaster_id', '=', id).execute();
      await tx.trx
        .insertInto('disaster_units')
        .values(after.map((unit_id) => ({ disaster_id: id, unit_id })))
        .execute();
      changed.push('townships');
    }
  }
  await checkLinks(tx.trx, body.incidentIds ?? [], body.warningIds ?? []);
  const links = await linksOf(tx.trx, id);
  const sameIds = (a: number[], b: number[]) =>
    [...a].sort((x, y) => x - y).join(',') === [...b].sort((x, y) => x - y).join(',');
  if (
    body.incidentIds !== undefined &&
    !sameIds(
      body.incidentIds,
      links.incidents.map((i) => i.id),
    )
  ) {
    await setLinks(tx, id, 'incident', body.incidentIds);
    changed.push('incidentIds');
  }
  if (
    body.warningIds !== undefined &&
    !sameIds(
      body.warningIds,
      links.warnings.map((x) => x.id),
    )
  ) {
    await setLinks(tx, id, 'warning', body.warningIds);
    changed.push('warningIds');
  }
  if (changed.length === 0) return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
  const stamp = nowStored(tx.clock);
  await tx.trx
    .updateTable('disasters')
    .set({ ...(set as object), updated_at: stamp })
    .where('id', '=', id)
    .execute();
  // Flags changed: severe / major from now (a severe one stays severe); unflagged major and not
  // severe is no longer major, and its open zero reports go.
  const updated = (await tx.trx.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst())!;
  await settleSeverity(tx, updated, stamp);
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.updated',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now), changed },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
}

function districtCaller(tx: Tx): DisasterCaller {
  return { userId: 0, username: tx.actor, unitId: 1, unitPath: DISTRICT_PATH, roles: [] };
}

/** POST /api/disasters/:id/state: developing ⇄ stable → closed (closing unstable sets stable too). */
export async function changeDisasterState(
  tx: Tx,
  zone: string,
  id: number,
  body: { state: DisasterState; at?: string },
): Promise<Disaster> {
  const now = tx.clock.now();
  const row = await disasterInSight(tx.trx, { unitPath: DISTRICT_PATH }, id);
  const from = row.state as DisasterState;
  if (from === 'closed') fail('DUTY_ERR_CONFLICT', `disaster ${id} is closed`);
  if (from === body.state) fail('DUTY_ERR_CONFLICT', `disaster ${id} is already ${from}`);
  const at = body.at ? toStored(new Date(body.at)) : nowStored(tx.clock);
  notAhead(at, now, 'body.at');
  if (Date.parse(at) < Date.parse(row.began_at))
    fail('DUTY_ERR_VALIDATION', `body.at: ${at} is before the disaster began (${row.began_at})`);
  const set =
    body.state === 'developing'
      ? { state: body.state, stable_at: null }
      : body.state === 'stable'
        ? { state: body.state, stable_at: at }
        : { state: body.state, closed_at: at, stable_at: row.stable_at ?? at };
  await tx.trx
    .updateTable('disasters')
    .set({ ...set, updated_at: nowStored(tx.clock) })
    .where('id', '=', id)
    .execute();
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.state_changed',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now), from },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
}

// ---------------------------------------------------------------- filings

/**
 * A unit's figures: an affected township, or a community / village under one, within the caller's
 * sight; the district's (or a township's for its community) is marked on behalf (代报). Omitted
 * figures keep the unit's last value; `nothingNew` carries them over. One event.
 */
export async function fileFigures(
  tx: Tx,
  zone: string,
  caller: DisasterCaller,
  disasterId: number,
  body: FilingBody,
): Promise<Filing> {
  const row = await disasterInSight(tx.trx, caller, disasterId);
  if (row.state === 'closed')
    fail('DUTY_ERR_CONFLICT', `disaster ${disasterId} is closed; its figures are final`);
  const unit = await getUnit(tx.trx, body.unitId);
  if (!unit || !isWithin(caller.unitPath, unit.path)) notFound(`unit ${body.unitId}`);
  const township = townshipOfPath(unit.path);
  const affected = (await affectedTownships(tx.trx, disasterId)).some((t) => t.id === township);
  if (township === null || !affected)
    fail('DUTY_ERR_VALIDATION', `body.unitId: ${unit.name} is not in a township this disaster affects`);
  realDate(body.forDate, 'body.forDate');
  const nothingNew = body.nothingNew === true;
  if ((body.figures !== undefined) === nothingNew)
    fail('DUTY_ERR_VALIDATION', 'body: send either figures or nothingNew: true, exactly one of them');
  for (const f of WHOLE_FIGURES) {
    const v = body.figures?.[f];
    if (v !== undefined && !Number.isInteger(v))
      fail('DUTY_ERR_VALIDATION', `body.figures.${f}: a whole number`);
  }
  const lastRow = await tx.trx
    .selectFrom('disaster_filings')
    .select('figures')
    .where('disaster_id', '=', disasterId)
    .where('unit_id', '=', unit.id)
    .orderBy('filed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const figures: DisasterFigures = lastRow ? parseFigures(lastRow.figures) : { ...ZERO_FIGURES };
  for (const f of FIGURE_FIELDS) {
    const v = body.figures?.[f];
    if (v !== undefined) figures[f] = roundFigure(v);
  }
  const now = tx.clock.now();
  const forDate = body.kind === 'daily' ? (body.forDate ?? localDateOf(now, zone)) : (body.forDate ?? null);
  const stamp = nowStored(tx.clock);
  const inserted = await tx.trx
    .insertInto('disaster_filings')
    .values({
      disaster_id: disasterId,
      unit_id: unit.id,
      unit_path: unit.path,
      kind: body.kind,
      for_date: forDate,
      figures: JSON.stringify(figures),
      nothing_new: nothingNew ? 1 : 0,
      note: body.note ?? '',
      on_behalf: caller.unitId !== unit.id ? 1 : 0,
      filed_by: tx.actor,
      filed_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await settleSeverity(tx, row, stamp);
  await tx.trx.updateTable('disasters').set({ updated_at: stamp }).where('id', '=', disasterId).execute();
  await refreshDisasterObligations(tx, disasterId, zone);
  const saved = await tx.trx
    .selectFrom('disaster_filings')
    .selectAll()
    .where('id', '=', Number(inserted.id))
    .executeTakeFirstOrThrow();
  const [filing] = await toFilings(tx.trx, [saved]);
  await tx.record({
    type: 'disaster.figures_filed',
    subject: `disaster:${disasterId}`,
    payload: { filing: filing! },
    unit: unit.path,
  });
  return filing!;
}

/** GET /api/disasters/:id/filings: the filings the caller sees (of one unit when asked), newest first. */
export async function listFilings(
  db: DbOrTrx,
  caller: DisasterCaller,
  disasterId: number,
  unitId: number | undefined,
): Promise<Filing[]> {
  await disasterInSight(db, caller, disasterId);
  let q = db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .where('unit_path', 'like', `${sightPath(caller)}%`);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  return toFilings(
    db,
    rows.filter((r) => isWithin(sightPath(caller), r.unit_path)),
  );
}

/** The daily filings of one local date, every unit's (for the zero-report tool). */
export async function dailyFilings(db: DbOrTrx, disasterId: number, forDate: string): Promise<Filing[]> {
  const rows = await db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .where('kind', '=', 'daily')
    .where('for_date', '=', forDate)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  return toFilings(db, rows);
}

// ---------------------------------------------------------------- victims

/** The 因灾死亡失踪人员 list the caller may see (a unit: its township's). */
export async function listVictims(
  db: DbOrTrx,
  disasterId: number,
  caller: Pick<DisasterCaller, 'unitPath'>,
): Promise<Victim[]> {
  let q = db.selectFrom('disaster_victims').selectAll().where('disaster_id', '=', disasterId);
  if (!isDistrict(caller))
    q = q.where('unit_id', '=', belowTownship(caller) ? -1 : (townshipOfPath(caller.unitPath) ?? -1));
  return toVictims(db, await q.orderBy('date').orderBy('id').execute());
}

/** The township a victim is recorded for: an affected one the caller may record for (the district, or itself). */
async function victimTownship(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  unitId: number,
): Promise<Unit> {
  const unit = await getUnit(tx.trx, unitId);
  if (!unit || !isWithin(townshipPath(caller.unitPath), unit.path)) notFound(`unit ${unitId}`);
  const affected = (await affectedTownships(tx.trx, disasterId)).some((t) => t.id === unit.id);
  if (!affected)
    fail('DUTY_ERR_VALIDATION', `body.unitId: ${unit.name} is not a township this disaster affects`);
  if (!isDistrict(caller) && caller.unitId !== unit.id)
    fail('DUTY_ERR_FORBIDDEN', 'the 因灾死亡失踪人员 list is kept by the township and the district');
  return unit;
}

async function victimInSight(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
): Promise<VictimRow> {
  await disasterInSight(tx.trx, caller, disasterId);
  const row = await tx.trx
    .selectFrom('disaster_victims')
    .selectAll()
    .where('id', '=', victimId)
    .where('disaster_id', '=', disasterId)
    .executeTakeFirst();
  if (!row || !isWithin(sightPath(caller), row.unit_path)) notFound(`victim ${victimId}`);
  if (!isDistrict(caller) && caller.unitId !== Number(row.unit_id))
    fail('DUTY_ERR_FORBIDDEN', 'the 因灾死亡失踪人员 list is kept by the township and the district');
  return row;
}

async function victimView(tx: Tx, id: number): Promise<Victim> {
  const row = await tx.trx
    .selectFrom('disaster_victims')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await toVictims(tx.trx, [row]))[0]!;
}

export async function addVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  body: VictimBody,
): Promise<Victim> {
  await disasterInSight(tx.trx, caller, disasterId);
  realDate(body.date, 'body.date');
  const unit = await victimTownship(tx, caller, disasterId, body.unitId);
  const stamp = nowStored(tx.clock);
  const inserted = await tx.trx
    .insertInto('disaster_victims')
    .values({
      disaster_id: disasterId,
      unit_id: unit.id,
      unit_path: unit.path,
      name: body.name,
      status: body.status,
      cause: body.cause,
      date: body.date,
      note: body.note ?? '',
      created_by: tx.actor,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const victim = await victimView(tx, Number(inserted.id));
  await tx.record({
    type: 'disaster.victim_recorded',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: unit.path,
  });
  return victim;
}

export async function updateVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
  body: VictimPatchBody,
): Promise<Victim> {
  const row = await victimInSight(tx, caller, disasterId, victimId);
  realDate(body.date, 'body.date');
  const unit = body.unitId !== undefined ? await victimTownship(tx, caller, disasterId, body.unitId) : null;
  await tx.trx
    .updateTable('disaster_victims')
    .set({
      ...(unit ? { unit_id: unit.id, unit_path: unit.path } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.cause !== undefined ? { cause: body.cause } : {}),
      ...(body.date !== undefined ? { date: body.date } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      updated_at: nowStored(tx.clock),
    })
    .where('id', '=', Number(row.id))
    .execute();
  const victim = await victimView(tx, victimId);
  await tx.record({
    type: 'disaster.victim_updated',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: unit?.path ?? row.unit_path,
  });
  return victim;
}

export async function removeVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
): Promise<Victim> {
  const row = await victimInSight(tx, caller, disasterId, victimId);
  const victim = await victimView(tx, victimId);
  await tx.trx.deleteFrom('disaster_victims').where('id', '=', Number(row.id)).execute();
  await tx.record({
    type: 'disaster.victim_removed',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: row.unit_path,
  });
  return victim;
}

// ---------------------------------------------------------------- obligations

/** What the clocks say now, from the stored disaster, its filings and its sent reports. */
async function computeObligations(db: DbOrTrx, row: DisasterRow, now: Date, zone: string) {
  const id = Number(row.id);
  const townships = (await affectedTownships(db, id)).map((t) => t.id);
  const filings = await db
    .selectFrom('disaster_filings')
    .select(['id', 'unit_id', 'kind', 'for_date', 'filed_at', 'figures'])
    .where('disaster_id', '=', id)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  const reports = await db
    .selectFrom('disaster_reports')
    .select(['id', 'kind', 'recipient', 'for_date', 'sent_at'])
    .where('disaster_id', '=', id)
    .execute();
  // The instants the district's sum changed: each township filing that changed it.
  const current = new Map<number, DisasterFigures>();
  let sum = { ...ZERO_FIGURES };
  const figureChanges: string[] = [];
  const townshipFilings = filings.filter((f) => townships.includes(Number(f.unit_id)));
  for (const f of townshipFilings) {
    current.set(Number(f.unit_id), parseFigures(f.figures));
    const next = sumFigures([...current.values()]);
    if (!sameFigures(next, sum)) figureChanges.push(f.filed_at);
    sum = next;
  }
  const input: DisasterClockInput = {
    type: row.type as DisasterType,
    beganAt: row.began_at,
    townships,
    severeSince: row.severe_since,
    majorSince: row.major_since,
    stableAt: row.stable_at,
    closedAt: row.closed_at,
    figureChanges,
    reports: reports.map((r) => ({
      kind: r.kind as DisasterReportKind,
      recipient: r.recipient as DisasterRecipient,
      forDate: r.for_date,
      sentAt: r.sent_at,
      ref: `report:${r.id}`,
    })),
    filings: townshipFilings.map((f) => ({
      unitId: Number(f.unit_id),
      kind: f.kind as FilingKind,
      forDate: f.for_date,
      filedAt: f.filed_at,
      ref: `filing:${f.id}`,
    })),
    now: toStored(now),
    zone,
  };
  return disasterObligations(input, clockValues(row), await calendarData(db));
}

type Plan = { insert: ObligationRow[]; update: ObligationRow[]; remove: string[] };

async function planRefresh(db: DbOrTrx, row: DisasterRow, now: Date, zone: string): Promise<Plan> {
  const id = Number(row.id);
  const computed = await computeObligations(db, row, now, zone);
  const stored = new Map(
    (await db.selectFrom('disaster_obligations').selectAll().where('disaster_id', '=', id).execute()).map(
      (r) => [r.key, r],
    ),
  );
  const plan: Plan = { insert: [], update: [], remove: [] };
  const keys = new Set<string>();
  for (const o of computed) {
    keys.add(o.key);
    const old = stored.get(o.key);
    if (!old) {
      plan.insert.push({
        disaster_id: id,
        key: o.key,
        kind: o.kind,
        unit_id: o.unitId,
        recipient: o.recipient,
        due_at: o.dueAt,
        done_at: o.doneAt,
        done_ref: o.doneRef,
        overdue_raised_at: null,
      });
    } else if (old.done_at === null && (old.due_at !== o.dueAt || o.doneAt !== null)) {
      // Done once, never flips: only an open obligation moves or is met.
      plan.update.push({ ...old, due_at: o.dueAt, done_at: o.doneAt, done_ref: o.doneRef });
    }
  }
  for (const [key, old] of stored)
    if (!keys.has(key) && old.done_at === null && old.overdue_raised_at === null) plan.remove.push(key);
  return plan;
}

async function applyPlan(tx: Tx, id: number, plan: Plan): Promise<void> {
  for (const row of plan.insert) await tx.trx.insertInto('disaster_obligations').values(row).execute();
  for (const row of plan.update)
    await tx.trx
      .updateTable('disaster_obligations')
      .set({ due_at: row.due_at, done_at: row.done_at, done_ref: row.done_ref })
      .where('disaster_id', '=', id)
      .where('key', '=', row.key)
      .where('done_at', 'is', null)
      .execute();
  if (plan.remove.length > 0)
    await tx.trx
      .deleteFrom('disaster_obligations')
      .where('disaster_id', '=', id)
      .where('key', 'in', plan.remove)
      .where('done_at', 'is', null)
      .where('overdue_raised_at', 'is', null)
      .execute();
  const next = await tx.trx
    .selectFrom('disaster_obligations')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .where('disaster_id', '=', id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  await tx.trx
    .updateTable('disasters')
    .set({ next_due_at: (next?.next as string | null) ?? null })
    .where('id', '=', id)
    .execute();
}

/**
 * Recomputes and stores the disaster's obligations: new ones added, open ones moved or met (a met
 * one never flips), open ones no longer owed dropped (unless already raised overdue). Call it in
 * the command that changed what they depend on (a filing, a report sent, a state change).
 */
export async function refreshDisasterObligations(tx: Tx, disasterId: number, zone: string): Promise<void> {
  const row = await tx.trx
    .selectFrom('disasters')
    .selectAll()
    .where('id', '=', disasterId)
    .executeTakeFirst();
  if (!row) notFound(`disaster ${disasterId}`);
  await applyPlan(tx, disasterId, await planRefresh(tx.trx, row, tx.clock.now(), zone));
}

/**
 * Scanner: open disasters' obligations refreshed so new days (zero reports, drought 续报) appear; a
 * disaster whose obligations are already up to date costs a read, no transaction.
 */
export const refreshOpenDisasters: Raiser = async (app: FastifyInstance) => {
  const zone = app.config.tzName;
  const now = app.clock.now();
  const open = await app.db.selectFrom('disasters').selectAll().where('state', '!=', 'closed').execute();
  for (const row of open) {
    const plan = await planRefresh(app.db, row, now, zone);
    if (plan.insert.length + plan.update.length + plan.remove.length === 0) continue;
    await app.command('system', (tx) => refreshDisasterObligations(tx, Number(row.id), zone));
  }
  return 0;
};

type ObligationKey = { disasterId: number; key: string };

/**
 * disaster.overdue, once per obligation whose deadline passed unmet (strictly after: done at the
 * deadline is on time), recorded for its township (district obligations: the district).
 */
function overdueTimer(zone: string): Timer<ObligationKey> {
  return {
    async due(db, now) {
      const rows = await db
        .selectFrom('disaster_obligations')
        .select(['disaster_id', 'key'])
        .where('done_at', 'is', null)
        .where('due_at', '<', now)
        .where('overdue_raised_at', 'is', null)
        .orderBy('due_at')
        .limit(100)
        .execute();
      return rows.map((r) => ({ disasterId: Number(r.disaster_id), key: r.key }));
    },
    async claim(trx, { disasterId, key }, now) {
      const claimed = await trx
        .updateTable('disaster_obligations')
        .set({ overdue_raised_at: now })
        .where('disaster_id', '=', disasterId)
        .where('key', '=', key)
        .where('overdue_raised_at', 'is', null)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return undefined;
      const row = await trx
        .selectFrom('disaster_obligations')
        .selectAll()
        .where('disaster_id', '=', disasterId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      const unit =
        row.unit_id === null
          ? DISTRICT_PATH
          : ((
              await trx
                .selectFrom('units')
                .select('path')
                .where('id', '=', Number(row.unit_id))
                .executeTakeFirst()
            )?.path ?? DISTRICT_PATH);
      return {
        type: 'disaster.overdue',
        subject: `disaster:${disasterId}`,
        payload: { disasterId, obligation: toObligation(row, new Date(now), zone) },
        unit,
      };
    },
  };
}

/** Scanner: the overdue timer of disaster obligations (server/jobs/raise-once.ts). */
export const raiseOverdueDisasterObligations: Raiser = (app) =>
  raiseOnce(overdueTimer(app.config.tzName))(app);

/**
 * How a sent report was judged (for the reports part, after `refreshDisasterObligations` in the same
 * command): true when every obligation it met was met in time, false when one was late, null when
 * it met none (nothing was owed, or an earlier report had met it).
 */
export async function reportOnTime(
  db: DbOrTrx,
  disasterId: number,
  reportId: number,
): Promise<boolean | null> {
  const met = await db
    .selectFrom('disaster_obligations')
    .select(['due_at', 'done_at'])
    .where('disaster_id', '=', disasterId)
    .where('done_ref', '=', `report:${reportId}`)
    .execute();
  if (met.length === 0) return null;
  return met.every((o) => o.done_at !== null && Date.parse(o.done_at) <= Date.parse(o.due_at));
}
