import { toCsv } from '@shared/domain/csv';
import { addDays, monthRange } from '@shared/domain/duty-day';
import { dutyHours } from '@shared/domain/duty-hours';
import { toICalendar } from '@shared/domain/ical';
import type { Shift } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { formatLocal } from '../../time';
import { listRosterPeople } from '../users/service';
import * as repo from './repo';
import { rosterContext } from './rules';

const ROLE_NAMES = { officer: '值班员', leader: '带班领导', backup: '备班' } as const;
const KIND_NAMES = { full: '全天', day: '白班', night: '夜班' } as const;

export async function rosterCsv(db: DbOrTrx, zone: string, month: string): Promise<string> {
  const { from, to } = monthRange(month);
  const shifts = await repo.shiftsOnDays(db, from, to);
  const rows = shifts.map((s) => [
    s.dutyDate,
    KIND_NAMES[s.kind],
    ROLE_NAMES[s.role],
    s.userName,
    s.phone,
    formatLocal(s.start, zone, 'yyyy-MM-dd HH:mm'),
    formatLocal(s.end, zone, 'yyyy-MM-dd HH:mm'),
    s.checkInAt ? formatLocal(s.checkInAt, zone, 'yyyy-MM-dd HH:mm') : s.missed ? '漏岗' : '',
  ]);
  return toCsv([['值班日', '班次', '岗位', '姓名', '电话', '开始', '结束', '签到'], ...rows]);
}

export interface HoursRow {
  userId: number;
  name: string;
  total: number;
  nights: number;
  weekends: number;
  holidays: number;
  shifts: number;
}

/** Duty hours per person over [from, to] duty days: total, nights, weekends, holidays. */
export async function hoursReport(db: DbOrTrx, zone: string, from: string, to: string): Promise<HoursRow[]> {
  const ctx = await rosterContext(db, zone, addDays(from, -1), addDays(to, 1));
  const shifts = await repo.shiftsOnDays(db, addDays(from, -1), to);
  const first = shifts.find((s) => s.dutyDate >= from);
  const inRange = shifts.filter((s) => s.dutyDate >= from);
  const start = first ? new Date(first.start) : new Date(0);
  const end = inRange.length ? new Date(Math.max(...inRange.map((s) => Date.parse(s.end)))) : new Date(0);
  const hours = dutyHours({
    shifts: inRange.map(repo.toRosterShift),
    from: start,
    to: end,
    periods: ctx.periods,
    calendar: ctx.calendar,
  });
  const names = new Map((await listRosterPeople(db)).map((p) => [p.id, p.displayName]));
  return [...hours.entries()]
    .map(([userId, h]) => ({ userId, name: names.get(userId) ?? `#${userId}`, ...h }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
}

export function hoursCsv(rows: HoursRow[]): string {
  return toCsv([
    ['姓名', '班次数', '总时长(小时)', '夜间(小时)', '周末(小时)', '节假日(小时)'],
    ...rows.map((r) => [r.name, r.shifts, r.total, r.nights, r.weekends, r.holidays]),
  ]);
}

export function shiftsIcs(name: string, shifts: Shift[], zone: string): string {
  return toICalendar({
    name,
    events: shifts.map((s) => ({
      uid: `shift-${s.id}@duty-console`,
      start: new Date(s.start),
      end: new Date(s.end),
      summary: `${ROLE_NAMES[s.role]} ${s.userName}`,
      description: `${KIND_NAMES[s.kind]} ${formatLocal(s.start, zone, 'yyyy-MM-dd HH:mm')} – ${formatLocal(s.end, zone, 'yyyy-MM-dd HH:mm')} (${zone})`,
      updated: new Date(s.start),
    })),
  });
}
