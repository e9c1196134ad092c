import { DateTime } from 'luxon';
import { dutyDayBounds, eachDay } from './duty-day';
import type {
  Conflict,
  Gap,
  LocalDate,
  RosterCheck,
  RosterContext,
  RosterPerson,
  RosterShift,
  Understaffed,
  Unqualified,
} from './roster-types';
import { shiftInstants, slotsFor } from './shift-templates';
import { staffingFor } from './staffing';

type ShiftTimes = Pick<RosterShift, 'startLocal' | 'endLocal' | 'zone'>;
interface Timed {
  shift: RosterShift;
  start: number;
  end: number;
}

/** Why `person` may not stand this shift, or null when they may (杜绝保安替代值班人员). */
export function unqualifiedReason(
  shift: Pick<RosterShift, 'role'>,
  person: RosterPerson | undefined,
): Unqualified['reason'] | null {
  if (!person) return 'unknown_person';
  if (!person.enabled) return 'disabled';
  if (!person.qualified) return 'not_qualified';
  const ok =
    shift.role === 'backup'
      ? person.roles.includes('officer') || person.roles.includes('leader')
      : person.roles.includes(shift.role);
  return ok ? null : 'wrong_role';
}

/** The shifts running at `at` (start included, end excluded). */
export function onDutyAt<T extends ShiftTimes>(at: Date, shifts: T[]): T[] {
  return shifts.filter((s) => {
    const { start, end } = shiftInstants(s);
    return start <= at && at < end;
  });
}

/** The shifts starting next after `at`: all of those sharing the earliest start, or none. */
export function nextShifts<T extends ShiftTimes>(at: Date, shifts: T[]): T[] {
  const later = shifts
    .map((shift) => ({ shift, start: shiftInstants(shift).start.getTime() }))
    .filter((s) => s.start > at.getTime());
  const first = Math.min(...later.map((s) => s.start));
  return later.filter((s) => s.start === first).map((s) => s.shift);
}

function uncovered(role: Gap['role'], covered: Timed[], from: number, to: number): Gap[] {
  const gaps: Gap[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  let cursor = from;
  for (const t of [...covered].sort((a, b) => a.start - b.start)) {
    const start = Math.max(t.start, from);
    const end = Math.min(t.end, to);
    if (end <= start) continue;
    if (start > cursor) gaps.push({ role, from: iso(cursor), to: iso(start) });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) gaps.push({ role, from: iso(cursor), to: iso(to) });
  return gaps;
}

/**
 * Hours between two instants as the wall clock in `zone` shows them. The consecutive-hours and
 * rest rules count duty days, so the 25-hour autumn duty day must still be "24 hours".
 */
function wallHours(from: number, to: number, zone: string): number {
  const wall = (ms: number) => DateTime.fromMillis(ms, { zone }).setZone('utc', { keepLocalTime: true });
  return wall(to).diff(wall(from)).as('hours');
}

const fmtHours = (h: number) => String(Number(h.toFixed(1)));
const fmtShift = (s: RosterShift) => `${s.startLocal.replace('T', ' ')}–${s.endLocal.replace('T', ' ')}`;

function conflictsOf(userId: number, timed: Timed[], ctx: RosterContext): Conflict[] {
  const { maxConsecutiveHours: maxHours, minRestHours: minRest } = ctx.settings;
  const sorted = [...timed].sort((a, b) => a.start - b.start || a.end - b.end);
  const conflicts: Conflict[] = [];
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (b.start >= a.end) break;
      const detail = `班次时间重叠：${fmtShift(a.shift)} 与 ${fmtShift(b.shift)}`;
      conflicts.push({ userId, kind: 'overlap', shiftIds: [a.shift.id, b.shift.id], detail });
    }
  });

  // A stretch: shifts that follow one another with no break (touching or overlapping).
  const stretches: { shifts: Timed[]; start: number; end: number; last: Timed }[] = [];
  for (const t of sorted) {
    const open = stretches.at(-1);
    if (open && t.start <= open.end) {
      open.shifts.push(t);
      if (t.end > open.end) Object.assign(open, { end: t.end, last: t });
    } else stretches.push({ shifts: [t], start: t.start, end: t.end, last: t });
  }
  const zone = sorted[0]?.shift.zone ?? ctx.zone;
  stretches.forEach((s, i) => {
    const hours = wallHours(s.start, s.end, zone);
    if (hours > maxHours) {
      const detail = `连续值班 ${fmtHours(hours)} 小时，超过 ${maxHours} 小时`;
      conflicts.push({ userId, kind: 'too_long', shiftIds: s.shifts.map((t) => t.shift.id), detail });
    }
    const next = stretches[i + 1];
    if (!next || hours < maxHours) return;
    const rest = wallHours(s.end, next.start, zone);
    if (rest >= minRest) return;
    const detail = `连续值班 ${fmtHours(hours)} 小时后仅休息 ${fmtHours(rest)} 小时，少于 ${minRest} 小时`;
    conflicts.push({
      userId,
      kind: 'too_little_rest',
      shiftIds: [s.last.shift.id, next.shifts[0]!.shift.id],
      detail,
    });
  });
  return conflicts;
}

export interface RosterCheckInput {
  from: LocalDate;
  to: LocalDate;
  shifts: RosterShift[];
  people: RosterPerson[];
  ctx: RosterContext;
}

/** Gaps (漏岗), understaffed slots, conflicts and unqualified people in the duty days `from`..`to`. */
export function checkRoster(input: RosterCheckInput): RosterCheck {
  const { ctx, shifts } = input;
  const { handoverTime } = ctx.settings;
  const people = new Map(input.people.map((p) => [p.id, p]));
  const timed: Timed[] = shifts.map((shift) => {
    const { start, end } = shiftInstants(shift);
    return { shift, start: start.getTime(), end: end.getTime() };
  });

  const unqualified: Unqualified[] = [];
  const valid: Timed[] = [];
  for (const t of timed) {
    const reason = unqualifiedReason(t.shift, people.get(t.shift.userId));
    if (reason) unqualified.push({ shiftId: t.shift.id, userId: t.shift.userId, reason });
    else valid.push(t);
  }

  const from = dutyDayBounds(input.from, ctx.zone, handoverTime).start.getTime();
  const to = dutyDayBounds(input.to, ctx.zone, handoverTime).end.getTime();
  const gaps = (['officer', 'leader'] as const).flatMap((role) =>
    uncovered(
      role,
      valid.filter((t) => t.shift.role === role),
      from,
      to,
    ),
  );

  const understaffed: Understaffed[] = [];
  const slots = [
    ...slotsFor(ctx.settings).map((s) => ({ role: 'officer' as const, kind: s.kind })),
    { role: 'leader' as const, kind: 'full' as const },
  ];
  for (const day of eachDay(input.from, input.to)) {
    const need = staffingFor(day, ctx);
    for (const { role, kind } of slots) {
      // A full-day officer shift also stands both halves of a day/night template.
      const holders = valid
        .map((t) => t.shift)
        .filter((s) => s.dutyDate === day && s.role === role && (s.kind === kind || s.kind === 'full'));
      const actual = new Set(holders.map((s) => s.userId)).size;
      const required = role === 'officer' ? need.officers : need.leaders;
      const normal = role === 'officer' ? ctx.settings.staffing.officers : ctx.settings.staffing.leaders;
      const reasons = required > normal ? need.reasons : [];
      if (actual < required) understaffed.push({ dutyDate: day, kind, role, required, actual, reasons });
    }
  }

  const byPerson = new Map<number, Timed[]>();
  for (const t of timed) byPerson.set(t.shift.userId, [...(byPerson.get(t.shift.userId) ?? []), t]);
  const conflicts = [...byPerson.keys()]
    .sort((a, b) => a - b)
    .flatMap((userId) => conflictsOf(userId, byPerson.get(userId)!, ctx));

  const ok = !gaps.length && !understaffed.length && !conflicts.length && !unqualified.length;
  return { ok, gaps, understaffed, conflicts, unqualified };
}
