import { addDays } from '@shared/domain/duty-day';
import { calendarDay } from '@shared/domain/official-calendar';
import { DEFAULT_DUTY_SETTINGS } from '@shared/schemas/settings';
import { COMMUNITY_KINDS, TOWNSHIP_KINDS } from '@shared/schemas/units';
import type { CreateZeroRequestBody } from '@shared/schemas/zero-reports';
import type { DbOrTrx } from '../../db/database';
import { DutyError, fail } from '../../errors';
import { calendarData } from '../calendar/service';
import { getDutySettings } from '../settings/service';
import { listUnits, ROOT_UNIT_ID, type Unit } from '../units/service';
import { responseById, warningById } from '../warnings/service';
import { disasterTownships } from './disaster-link';
import type { RequestRow } from './repo';
import type { ZeroCaller } from './types';

/** How far ahead a key period's days off are looked for. */
const KEY_PERIOD_LOOKAHEAD_DAYS = 400;

export function assertDistrict(caller: ZeroCaller): void {
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
export async function keyPeriodRange(db: DbOrTrx, today: string): Promise<{ from: string; to: string }> {
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
export async function unitsForScope(
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
