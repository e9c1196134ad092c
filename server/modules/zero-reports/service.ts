import { addDays, localDateOf, localToInstant } from '@shared/domain/duty-day';
import { calendarDay } from '@shared/domain/official-calendar';
import { DEFAULT_DUTY_SETTINGS } from '@shared/schemas/settings';
import { COMMUNITY_KINDS, TOWNSHIP_KINDS } from '@shared/schemas/units';
import type {
  CreateZeroRequestBody,
  ZeroAsk,
  ZeroFigures,
  ZeroFiling,
  ZeroFilingBody,
  ZeroRequest,
  ZeroRound,
  ZeroRoundUnit,
} from '@shared/schemas/zero-reports';
import type { DbOrTrx } from '../../db/database';
import { DutyError, fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Raiser, raiseOnce, type Timer, type TimerEvent } from '../../jobs/raise-once';
import { toStored } from '../../time';
import { calendarData } from '../calendar/service';
import { dailyFilings, disasterInSight, fileFigures, loadDisaster } from '../disasters/service';
import { getDutySettings } from '../settings/service';
import { getUnit, isWithin, listUnits, ROOT_UNIT_ID, type Unit } from '../units/service';
import { responseById, warningById } from '../warnings/service';
import type { AskedUnit, FilingRow, RequestRow } from './repo';
import * as repo from './repo';

/**
 * Zero reports (零报告, DESIGN §2.7), the module's front door: the district asks a set of units for
 * a daily report by a local cut-off over a range of dates (until ended); each unit files figures or
 * "无新增" in one tap; the scanner reminds the unfiled before the cut-off and raises each miss once
 * strictly after it. "Today" is the local date in the bureau's zone; a cut-off '08:00' is that
 * wall-clock instant in the zone on each date. The same tool serves warnings, active responses,
 * 重点时段 (key periods of the official calendar) and disasters.
 */

/** Who acts: a person of a unit (the district is unit 1). */
export interface ZeroCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
  roles: string[];
}

const DEFAULT_REMIND_MINUTES = 60;
/** How far the scanner looks back for misses not yet raised (a node down for a day still raises them). */
const SCAN_BACK_DAYS = 2;
/** How far ahead a key period's days off are looked for. */
const KEY_PERIOD_LOOKAHEAD_DAYS = 400;

/** The instant of a date's cut-off: the wall-clock time `cutoff` on `date` in `zone`. */
export function cutoffInstant(date: string, cutoff: string, zone: string): Date {
  return localToInstant(`${date}T${cutoff}`, zone);
}

/** Whether the request asks for `date`: within its range, and not ended before that date's cut-off. */
function asks(row: RequestRow, date: string, zone: string): boolean {
  if (date < row.first_date) return false;
  if (row.last_date !== null && date > row.last_date) return false;
  if (row.ended_at !== null && cutoffInstant(date, row.cutoff, zone).getTime() > Date.parse(row.ended_at))
    return false;
  return true;
}

/** The round shown for "today": today's date, held within the request's range. */
function currentDate(row: RequestRow, today: string): string {
  if (today < row.first_date) return row.first_date;
  if (row.last_date !== null && today > row.last_date) return row.last_date;
  return today;
}

function assertDistrict(caller: ZeroCaller): void {
  if (caller.unitId !== ROOT_UNIT_ID)
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the district asks for zero reports');
}

const isTownship = (u: Unit) => u.parentId === ROOT_UNIT_ID && u.enabled && TOWNSHIP_KINDS.includes(u.kind);
const isCommunity = (u: Unit) => u.enabled && COMMUNITY_KINDS.includes(u.kind);

/** The townships a warning's area names (by code or name); an empty area is the whole district. */
function townshipsInArea(townships: Unit[], area: string[]): Unit[] {
  if (area.length === 0) return townships;
  const names = new Set(area.map((a) => a.trim()));
  return townships.filter((u) => names.has(u.code) || names.has(u.name));
}

/**
 * The run of key-festival days off (重点时段) that contains `today` or comes next, from the official
 * calendar in force and the configured key festivals.
 */
async function keyPeriodRange(db: DbOrTrx, today: string): Promise<{ from: string; to: string }> {
  const [cal, settings] = await Promise.all([calendarData(db), getDutySettings(db)]);
  const festivals = settings.keyFestivals ?? DEFAULT_DUTY_SETTINGS.keyFestivals ?? [];
  const isKey = (date: string) => {
    const day = calendarDay(date, cal);
    return day.kind === 'holiday' && day.festival !== null && festivals.includes(day.festival);
  };
  for (let i = 0, d = today; i < KEY_PERIOD_LOOKAHEAD_DAYS; i += 1, d = addDays(d, 1)) {
    if (!isKey(d)) continue;
    let to = d;
    while (isKey(addDays(to, 1))) to = addDays(to, 1);
    return { from: d, to };
  }
  return fail('DUTY_ERR_UNPROCESSABLE', 'no key period (重点时段) ahead in the official calendar');
}

/** The units a scope asks, and what the request is linked to. */
async function unitsForScope(
  db: DbOrTrx,
  caller: ZeroCaller,
  body: CreateZeroRequestBody,
  now: Date,
  zone: string,
): Promise<{ units: Unit[]; reason: RequestRow['reason']; refId: number | null; disasterId: number | null }> {
  const all = await listUnits(db);
  const townships = all.filter(isTownship);
  const needRef = (): number =>
    body.refId ?? fail('DUTY_ERR_VALIDATION', `body.refId: required for scope '${body.scope}'`);
  switch (body.scope) {
    case 'all':
    case 'key_period': {
      const units = body.level === 'community' ? all.filter(isCommunity) : townships;
      return { units, reason: body.scope === 'all' ? 'manual' : 'key_period', refId: null, disasterId: null };
    }
    case 'warning': {
      const id = needRef();
      const warning = await warningById(db, id);
      if (!warning) fail('DUTY_ERR_VALIDATION', `body.refId: warning ${id} does not exist`);
      if (warning.liftedAt !== null) fail('DUTY_ERR_UNPROCESSABLE', `body.refId: warning ${id} is lifted`);
      return {
        units: townshipsInArea(townships, warning.area),
        reason: 'warning',
        refId: id,
        disasterId: null,
      };
    }
    case 'response': {
      const id = needRef();
      const response = await responseById(db, id);
      if (!response) fail('DUTY_ERR_VALIDATION', `body.refId: response ${id} does not exist`);
      if (response.endedAt !== null) fail('DUTY_ERR_UNPROCESSABLE', `body.refId: response ${id} has ended`);
      return { units: townships, reason: 'response', refId: id, disasterId: null };
    }
    case 'disaster': {
      const id = needRef();
      const units = await disasterTownships(db, caller, id, now, zone);
      return {
        units: all.filter((u) => units.includes(u.id)),
        reason: 'disaster',
        refId: id,
        disasterId: id,
      };
    }
    case 'units': {
      const ids = body.unitIds ?? fail('DUTY_ERR_VALIDATION', "body.unitIds: required for scope 'units'");
      const byId = new Map(all.map((u) => [u.id, u]));
      const units: Unit[] = [];
      for (const id of ids) {
        const unit = byId.get(id);
        if (!unit) fail('DUTY_ERR_VALIDATION', `body.unitIds: unit ${id} does not exist`);
        if (unit.id === ROOT_UNIT_ID)
          fail('DUTY_ERR_VALIDATION', 'body.unitIds: the district does not ask itself');
        if (!unit.enabled) fail('DUTY_ERR_VALIDATION', `body.unitIds: ${unit.name} is disabled`);
        units.push(unit);
      }
      return { units, reason: 'manual', refId: null, disasterId: null };
    }
  }
}

// ---- The link with disasters (灾情报送): through the disasters module's front door only. ----

/** The affected townships of a disaster (its zero reports ask them); a closed one asks nobody. */
async function disasterTownships(
  db: DbOrTrx,
  caller: ZeroCaller,
  id: number,
  now: Date,
  zone: string,
): Promise<number[]> {
  const disaster = await loadDisaster(db, id, caller, now, zone).catch((err: unknown) => {
    if (err instanceof DutyError && err.code === 'DUTY_ERR_NOT_FOUND')
      fail('DUTY_ERR_VALIDATION', `body.refId: disaster ${id} does not exist`);
    throw err;
  });
  if (disaster.state === 'closed') fail('DUTY_ERR_UNPROCESSABLE', `body.refId: disaster ${id} is closed`);
  return disaster.townships.map((u) => u.unitId);
}

/**
 * A disaster's daily filings of a date (filed on the disaster's page, or through a zero report), as
 * they count here: per unit, its first filing of the date.
 */
async function disasterDailyFilings(
  db: DbOrTrx,
  disasterId: number,
  date: string,
): Promise<Map<number, Omit<Counted, 'source'>>> {
  const out = new Map<number, Omit<Counted, 'source'>>();
  const filings = [...(await dailyFilings(db, disasterId, date))].sort((a, b) =>
    a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : a.id - b.id,
  );
  for (const f of filings)
    if (!out.has(f.unitId))
      out.set(f.unitId, {
        filedAt: f.filedAt,
        nothingNew: f.nothingNew,
        figures: f.nothingNew ? null : f.figures,
        note: f.note,
        filedBy: f.filedBy,
      });
  return out;
}

/**
 * A township's zero report on a disaster-linked request is its daily (24-hour) disaster filing too,
 * in the same transaction: the figures filed, or "无新增" (the last figures carried over). A refusal
 * there (a fractional count of people) refuses the zero report too.
 */
async function fileDisasterDaily(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  disasterId: number,
  unit: Unit,
  date: string,
  body: ZeroFilingBody,
): Promise<void> {
  // A closed disaster's figures are final: the zero report is still taken, the disaster left alone.
  if ((await disasterInSight(tx.trx, caller, disasterId)).state === 'closed') return;
  await fileFigures(tx, zone, caller, disasterId, {
    unitId: unit.id,
    kind: 'daily',
    forDate: date,
    ...(body.nothingNew ? { nothingNew: true } : { figures: body.figures }),
    ...(body.note ? { note: body.note } : {}),
  });
}

// ---- Commands ----

export async function createRequest(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  body: CreateZeroRequestBody,
): Promise<ZeroRequest> {
  assertDistrict(caller);
  const now = tx.clock.now();
  const today = localDateOf(now, zone);
  const { units, reason, refId, disasterId } = await unitsForScope(tx.trx, caller, body, now, zone);
  if (units.length === 0) fail('DUTY_ERR_UNPROCESSABLE', `no unit to ask in scope '${body.scope}'`);
  let first = body.firstDate;
  let last = body.lastDate ?? null;
  if (body.scope === 'key_period' && first === undefined) {
    const period = await keyPeriodRange(tx.trx, today);
    first = period.from;
    last = body.lastDate ?? period.to;
  }
  // By default from today, or from tomorrow when today's cut-off has passed already.
  first ??= now.getTime() < cutoffInstant(today, body.cutoff, zone).getTime() ? today : addDays(today, 1);
  if (first < today) fail('DUTY_ERR_VALIDATION', `body.firstDate: ${first} is before today (${today})`);
  if (last !== null && last < first)
    fail('DUTY_ERR_VALIDATION', `body.lastDate: ${last} is before the first date ${first}`);
  const row = await repo.insertRequest(
    tx.trx,
    {
      title: body.title,
      reason,
      ref_id: refId,
      disaster_id: disasterId,
      cutoff: body.cutoff,
      remind_minutes: body.remindMinutes ?? DEFAULT_REMIND_MINUTES,
      first_date: first,
      last_date: last,
      ended_at: null,
      ended_by: null,
      created_by: caller.username,
      created_at: toStored(now),
    },
    units.map((u) => u.id),
  );
  const header = repo.toHeader(row);
  await tx.record({
    type: 'zero_report.requested',
    subject: `zero:${header.id}`,
    payload: { request: header },
    unit: '/1/',
  });
  return (await requestView(tx.trx, zone, caller, header.id, now))!;
}

export async function endRequest(tx: Tx, zone: string, caller: ZeroCaller, id: number): Promise<ZeroRequest> {
  assertDistrict(caller);
  const row = (await repo.findRequest(tx.trx, id)) ?? notFound(`zero-report request ${id}`);
  if (row.ended_at !== null) throw new DutyError('DUTY_ERR_ALREADY_DONE', `ended already at ${row.ended_at}`);
  const now = tx.clock.now();
  const r = await tx.trx
    .updateTable('zero_requests')
    .set({ ended_at: toStored(now), ended_by: caller.username })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'ended already');
  const header = repo.toHeader((await repo.findRequest(tx.trx, id))!);
  await tx.record({
    type: 'zero_report.ended',
    subject: `zero:${id}`,
    payload: { request: header },
    unit: '/1/',
  });
  return (await requestView(tx.trx, zone, caller, id, now))!;
}

function checkFigures(body: ZeroFilingBody): void {
  const hasFigures = body.figures !== undefined && Object.keys(body.figures).length > 0;
  if (hasFigures === (body.nothingNew === true))
    fail('DUTY_ERR_VALIDATION', 'body: exactly one of nothingNew (无新增) or figures');
  for (const [k, v] of Object.entries(body.figures ?? {}))
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      fail('DUTY_ERR_VALIDATION', `body.figures.${k}: a number of 0 or more`);
}

/**
 * A unit files its zero report for a date (default today): one tap "无新增", or a few figures. The
 * caller files for its own unit or one below (the district on a unit's behalf); a unit not asked, or
 * out of the caller's sight, is 404. A second filing for the same date keeps the first instant (and
 * its lateness) and updates the content.
 */
export async function fileZeroReport(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  id: number,
  body: ZeroFilingBody,
): Promise<ZeroFiling> {
  checkFigures(body);
  const row = await repo.findRequest(tx.trx, id);
  const unit = await getUnit(tx.trx, body.unitId);
  if (!row || !unit || !isWithin(caller.unitPath, unit.path))
    notFound(`zero-report ask ${id} of unit ${body.unitId}`);
  const asked = (await repo.unitsOf(tx.trx, [id])).get(id) ?? [];
  if (!asked.some((u) => u.unitId === unit.id)) notFound(`zero-report ask ${id} of unit ${body.unitId}`);
  if (row.ended_at !== null)
    throw new DutyError('DUTY_ERR_CONFLICT', `this zero-report request ended at ${row.ended_at}`);
  const now = tx.clock.now();
  const today = localDateOf(now, zone);
  const date = body.forDate ?? today;
  if (date > today) fail('DUTY_ERR_VALIDATION', `body.forDate: ${date} is after today (${today})`);
  if (!asks(row, date, zone))
    fail(
      'DUTY_ERR_VALIDATION',
      `body.forDate: ${date} is not asked (from ${row.first_date} to ${row.last_date ?? '…'})`,
    );
  const late = now.getTime() > cutoffInstant(date, row.cutoff, zone).getTime();
  const at = toStored(now);
  const content = {
    nothing_new: body.nothingNew ? 1 : 0,
    figures: body.figures && !body.nothingNew ? JSON.stringify(body.figures) : null,
    note: body.note ?? '',
    updated_by: caller.username,
    updated_at: at,
  };
  const before = await repo.findFiling(tx.trx, id, unit.id, date);
  if (before) {
    await tx.trx.updateTable('zero_filings').set(content).where('id', '=', Number(before.id)).execute();
  } else {
    await tx.trx
      .insertInto('zero_filings')
      .values({
        request_id: id,
        unit_id: unit.id,
        unit_path: unit.path,
        for_date: date,
        filed_by: caller.username,
        filed_at: at,
        late: late ? 1 : 0,
        ...content,
      })
      .execute();
  }
  const filing = repo.toFiling((await repo.findFiling(tx.trx, id, unit.id, date))!, unit.name);
  if (row.disaster_id !== null)
    await fileDisasterDaily(tx, zone, caller, Number(row.disaster_id), unit, date, body);
  await tx.record({
    type: 'zero_report.filed',
    subject: `zero:${id}`,
    payload: { filing, first: before === undefined },
    unit: unit.path,
  });
  return filing;
}

// ---- Reads ----

type Counted = {
  filedAt: string;
  nothingNew: boolean;
  figures: ZeroFigures | null;
  note: string;
  filedBy: string;
  source: 'zero' | 'disaster';
};

/** Who filed a request's date: its own filings, and for a disaster-linked request the disaster's daily filings. */
async function filedOn(
  db: DbOrTrx,
  row: RequestRow,
  date: string,
  own?: FilingRow[],
): Promise<Map<number, Counted>> {
  const out = new Map<number, Counted>();
  if (row.disaster_id !== null)
    for (const [unitId, f] of await disasterDailyFilings(db, Number(row.disaster_id), date))
      out.set(unitId, { ...f, source: 'disaster' });
  for (const f of own ?? (await repo.filingsOn(db, [Number(row.id)], date)))
    out.set(Number(f.unit_id), {
      filedAt: f.filed_at,
      nothingNew: Number(f.nothing_new) === 1,
      figures: f.figures === null ? null : (JSON.parse(f.figures) as ZeroFigures),
      note: f.note,
      filedBy: f.filed_by,
      source: 'zero',
    });
  return out;
}

function roundOf(
  row: RequestRow,
  units: AskedUnit[],
  filed: Map<number, Counted>,
  date: string,
  zone: string,
  now: Date,
): ZeroRound {
  const cutoffAt = cutoffInstant(date, row.cutoff, zone);
  const past = now.getTime() > cutoffAt.getTime();
  const asked = asks(row, date, zone);
  const list: ZeroRoundUnit[] = units.map((u) => {
    const f = filed.get(u.unitId);
    if (!f)
      return {
        unitId: u.unitId,
        name: u.name,
        state: past && asked ? 'missing' : 'pending',
        filedAt: null,
        nothingNew: null,
        figures: null,
        note: '',
        filedBy: null,
        source: null,
      };
    return {
      unitId: u.unitId,
      name: u.name,
      state: Date.parse(f.filedAt) <= cutoffAt.getTime() ? 'filed' : 'late',
      filedAt: f.filedAt,
      nothingNew: f.nothingNew,
      figures: f.figures,
      note: f.note,
      filedBy: f.filedBy,
      source: f.source,
    };
  });
  const missing = list.filter((u) => u.state === 'missing').length;
  const notFiled = list.filter((u) => u.state === 'missing' || u.state === 'pending').length;
  return { date, cutoffAt: toStored(cutoffAt), asked, units: list, missing, notFiled };
}

async function view(
  db: DbOrTrx,
  zone: string,
  caller: ZeroCaller,
  row: RequestRow,
  asked: AskedUnit[],
  date: string,
  now: Date,
  own?: FilingRow[],
): Promise<ZeroRequest> {
  const mine = asked.filter((u) => isWithin(caller.unitPath, u.path));
  const filed = await filedOn(db, row, date, own);
  return {
    ...repo.toHeader(row),
    units: mine.map((u) => ({ unitId: u.unitId, name: u.name })),
    today: roundOf(row, mine, filed, date, zone, now),
  };
}

/** One request with a date's round (default: today's, held within its range); 404 out of sight. */
export async function requestView(
  db: DbOrTrx,
  zone: string,
  caller: ZeroCaller,
  id: number,
  now: Date,
  date?: string,
): Promise<ZeroRequest> {
  const row = (await repo.findRequest(db, id)) ?? notFound(`zero-report request ${id}`);
  const asked = (await repo.unitsOf(db, [id])).get(id) ?? [];
  if (!asked.some((u) => isWithin(caller.unitPath, u.path))) notFound(`zero-report request ${id}`);
  return view(db, zone, caller, row, asked, date ?? currentDate(row, localDateOf(now, zone)), now);
}

/** The requests in the caller's sight (a unit: those asking it or a unit below), each with today's round. */
export async function listRequests(
  db: DbOrTrx,
  zone: string,
  caller: ZeroCaller,
  now: Date,
  active?: boolean,
): Promise<ZeroRequest[]> {
  let rows = await repo.listRequestRows(db, active);
  if (caller.unitId !== ROOT_UNIT_ID) {
    const mine = await repo.requestIdsAsking(db, caller.unitPath);
    rows = rows.filter((r) => mine.has(Number(r.id)));
  }
  const units = await repo.unitsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  const today = localDateOf(now, zone);
  const out: ZeroRequest[] = [];
  for (const row of rows) {
    const asked = (units.get(Number(row.id)) ?? []).filter((u) => isWithin(caller.unitPath, u.path));
    out.push(await view(db, zone, caller, row, asked, currentDate(row, today), now));
  }
  return out;
}

/** What the caller's own unit owes today: each open request asking it today. */
export async function myAsks(db: DbOrTrx, zone: string, caller: ZeroCaller, now: Date): Promise<ZeroAsk[]> {
  const ids = await db
    .selectFrom('zero_request_units')
    .select('request_id')
    .where('unit_id', '=', caller.unitId)
    .execute();
  if (ids.length === 0) return [];
  const unit = (await getUnit(db, caller.unitId))!;
  const today = localDateOf(now, zone);
  const rows = await db
    .selectFrom('zero_requests')
    .selectAll()
    .where(
      'id',
      'in',
      ids.map((r) => Number(r.request_id)),
    )
    .where('ended_at', 'is', null)
    .orderBy('id')
    .execute();
  const asks_: ZeroAsk[] = [];
  for (const row of rows) {
    if (!asks(row, today, zone)) continue;
    const filed = await filedOn(db, row, today);
    const round = roundOf(
      row,
      [{ unitId: unit.id, name: unit.name, path: unit.path }],
      filed,
      today,
      zone,
      now,
    );
    const u = round.units[0]!;
    asks_.push({
      requestId: Number(row.id),
      title: row.title,
      unitId: unit.id,
      unitName: unit.name,
      forDate: today,
      cutoffAt: round.cutoffAt,
      filed: u.filedAt !== null,
      filedAt: u.filedAt,
      state: u.state,
    });
  }
  return asks_;
}

// ---- Timers: a reminder before the cut-off, a miss strictly after it, each once per unit and date ----

interface MarkKey {
  requestId: number;
  unitId: number;
  unitPath: string;
  forDate: string;
  kind: 'remind' | 'miss';
}

/** Every unfiled (request, unit, date) whose reminder or miss has fallen due and is not yet marked. */
async function dueMarks(db: DbOrTrx, zone: string, kind: MarkKey['kind'], now: Date): Promise<MarkKey[]> {
  const rows = await repo.listRequestRows(db, true);
  if (rows.length === 0) return [];
  const units = await repo.unitsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  const today = localDateOf(now, zone);
  const t = now.getTime();
  const out: MarkKey[] = [];
  for (const row of rows) {
    if (kind === 'remind' && Number(row.remind_minutes) === 0) continue;
    for (let d = addDays(today, -SCAN_BACK_DAYS); d <= addDays(today, 1); d = addDays(d, 1)) {
      if (!asks(row, d, zone)) continue;
      const cut = cutoffInstant(d, row.cutoff, zone).getTime();
      const due = kind === 'miss' ? t > cut : t >= cut - Number(row.remind_minutes) * 60_000 && t <= cut;
      if (!due) continue;
      const [filed, marks] = await Promise.all([filedOn(db, row, d), repo.marksOn(db, Number(row.id), d)]);
      for (const u of units.get(Number(row.id)) ?? []) {
        if (filed.has(u.unitId) || marks.has(`${kind}:${u.unitId}`)) continue;
        out.push({ requestId: Number(row.id), unitId: u.unitId, unitPath: u.path, forDate: d, kind });
      }
    }
  }
  return out;
}

function markTimer(kind: MarkKey['kind'], zone: () => string): Timer<MarkKey> {
  return {
    due: (db, now) => dueMarks(db, zone(), kind, new Date(now)),
    claim: async (trx, key, now): Promise<TimerEvent | undefined> => {
      const row = await repo.findRequest(trx, key.requestId);
      if (!row || row.ended_at !== null) return undefined;
      if ((await filedOn(trx, row, key.forDate)).has(key.unitId)) return undefined;
      const claimed = await repo.claimMark(trx, {
        request_id: key.requestId,
        unit_id: key.unitId,
        for_date: key.forDate,
        kind,
        raised_at: now,
      });
      if (!claimed) return undefined;
      const payload = { requestId: key.requestId, forDate: key.forDate, unitId: key.unitId };
      return kind === 'remind'
        ? { type: 'zero_report.reminded', subject: `zero:${key.requestId}`, payload, unit: key.unitPath }
        : { type: 'zero_report.missed', subject: `zero:${key.requestId}`, payload, unit: key.unitPath };
    },
  };
}

/** The scanner's raisers: reminders first, then misses (server/jobs/scanner.ts). */
export const raiseZeroReminders: Raiser = (app) =>
  raiseOnce(markTimer('remind', () => app.config.tzName))(app);
export const raiseZeroMisses: Raiser = (app) => raiseOnce(markTimer('miss', () => app.config.tzName))(app);
