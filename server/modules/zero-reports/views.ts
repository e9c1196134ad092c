import { localDateOf } from '@shared/domain/duty-day';
import type {
  ZeroAsk,
  ZeroFigures,
  ZeroRequest,
  ZeroRound,
  ZeroRoundUnit,
} from '@shared/schemas/zero-reports';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import { toStored } from '../../time';
import { getUnit, isWithin, ROOT_UNIT_ID } from '../units/service';
import { asks, currentDate, cutoffInstant } from './dates';
import { disasterDailyFilings } from './disaster-link';
import type { AskedUnit, FilingRow, RequestRow } from './repo';
import * as repo from './repo';
import type { Counted, ZeroCaller } from './types';

// ---- Reads ----

/** Who filed a request's date: its own filings, and for a disaster-linked request the disaster's daily filings. */
export async function filedOn(
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
