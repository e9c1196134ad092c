import { eachDay } from '@shared/domain/duty-day';
import { checkRoster, nextShifts, onDutyAt, unqualifiedReason } from '@shared/domain/roster-checks';
import type {
  DutyRole,
  RosterContext,
  RosterPerson,
  RosterShift,
  ShiftKind,
} from '@shared/domain/roster-types';
import { DEFAULT_DUTY_SETTINGS } from '@shared/schemas/settings';
import { describe, expect, it } from 'vitest';

const SH = 'Asia/Shanghai';
const ctx: RosterContext = { zone: SH, settings: DEFAULT_DUTY_SETTINGS, periods: [] };
const person = (
  id: number,
  roles: RosterPerson['roles'],
  extra: Partial<RosterPerson> = {},
): RosterPerson => ({
  id,
  displayName: `P${id}`,
  roles,
  qualified: true,
  enabled: true,
  ...extra,
});
const people = [
  ...[11, 12, 13, 14].map((id) => person(id, ['officer'])),
  person(21, ['leader']),
  person(22, ['leader', 'admin']),
  person(15, ['officer'], { enabled: false }),
  person(99, ['officer'], { qualified: false }), // the security guard
];

let nextId = 1;
function shift(
  userId: number,
  role: DutyRole,
  startLocal: string,
  endLocal: string,
  kind: ShiftKind = 'full',
  zone = SH,
): RosterShift {
  return { id: nextId++, userId, role, dutyDate: startLocal.slice(0, 10), kind, startLocal, endLocal, zone };
}
/** A full 08:30 → 08:30 shift on duty day `day`. */
function full(userId: number, role: DutyRole, day: string, zone = SH): RosterShift {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return shift(userId, role, `${day}T08:30`, `${next.toISOString().slice(0, 10)}T08:30`, 'full', zone);
}
/** March 2026: officers 11–14 and leaders 21–22 in turn, minus the (role, day) pairs left out. */
function march(leaveOut: [DutyRole, string][] = []): RosterShift[] {
  const out = new Set(leaveOut.map(([role, day]) => `${role} ${day}`));
  return eachDay('2026-03-01', '2026-03-31').flatMap((day, i) => [
    ...(out.has(`officer ${day}`) ? [] : [full([11, 12, 13, 14][i % 4]!, 'officer', day)]),
    ...(out.has(`leader ${day}`) ? [] : [full([21, 22][i % 2]!, 'leader', day)]),
  ]);
}
const checkMarch = (shifts: RosterShift[]) =>
  checkRoster({ from: '2026-03-01', to: '2026-03-31', shifts, people, ctx });

describe('gaps (漏岗)', () => {
  it('finds nothing in a complete month', () => {
    expect(checkMarch(march())).toEqual({
      ok: true,
      gaps: [],
      understaffed: [],
      conflicts: [],
      unqualified: [],
    });
  });

  it('reports a missing officer day as one gap of exactly that duty day', () => {
    const check = checkMarch(march([['officer', '2026-03-10']]));
    expect(check.ok).toBe(false);
    expect(check.gaps).toEqual([
      { role: 'officer', from: '2026-03-10T00:30:00.000Z', to: '2026-03-11T00:30:00.000Z' },
    ]);
    expect(check.understaffed).toEqual([
      { dutyDate: '2026-03-10', kind: 'full', role: 'officer', required: 1, actual: 0, reasons: [] },
    ]);
    expect(check.conflicts).toEqual([]);
  });

  it('reports a missing leader on the last and first day, and merges adjacent days', () => {
    const check = checkMarch(
      march([
        ['leader', '2026-03-01'],
        ['leader', '2026-03-20'],
        ['leader', '2026-03-21'],
        ['leader', '2026-03-31'],
      ]),
    );
    expect(check.gaps).toEqual([
      { role: 'leader', from: '2026-03-01T00:30:00.000Z', to: '2026-03-02T00:30:00.000Z' },
      { role: 'leader', from: '2026-03-20T00:30:00.000Z', to: '2026-03-22T00:30:00.000Z' },
      { role: 'leader', from: '2026-03-31T00:30:00.000Z', to: '2026-04-01T00:30:00.000Z' },
    ]);
    expect(check.understaffed.map((u) => [u.dutyDate, u.role])).toEqual([
      ['2026-03-01', 'leader'],
      ['2026-03-20', 'leader'],
      ['2026-03-21', 'leader'],
      ['2026-03-31', 'leader'],
    ]);
  });

  it('finds an uncovered evening inside a duty day, and backups do not cover', () => {
    const shifts = march([['officer', '2026-03-10']]);
    shifts.push(shift(11, 'officer', '2026-03-10T08:30', '2026-03-10T17:30', 'day'));
    shifts.push(full(12, 'backup', '2026-03-10'));
    expect(checkMarch(shifts).gaps).toEqual([
      { role: 'officer', from: '2026-03-10T09:30:00.000Z', to: '2026-03-11T00:30:00.000Z' },
    ]);
  });

  it('measures gaps by the wall clock across spring-forward in Europe/Berlin', () => {
    const berlin: RosterContext = { ...ctx, zone: 'Europe/Berlin' };
    const shifts = [
      full(11, 'officer', '2026-03-27', 'Europe/Berlin'),
      full(21, 'leader', '2026-03-27', 'Europe/Berlin'),
    ];
    shifts.push(full(22, 'leader', '2026-03-28', 'Europe/Berlin'));
    const check = checkRoster({ from: '2026-03-27', to: '2026-03-28', shifts, people, ctx: berlin });
    // 28 March 08:30 CET (07:30Z) to 29 March 08:30 CEST (06:30Z): 23 hours.
    expect(check.gaps).toEqual([
      { role: 'officer', from: '2026-03-28T07:30:00.000Z', to: '2026-03-29T06:30:00.000Z' },
    ]);
  });
});

describe('understaffed', () => {
  it('needs two officers a day in the default flood season', () => {
    const shifts = eachDay('2026-05-31', '2026-06-02').flatMap((day) => [
      full(11, 'officer', day),
      full(21, 'leader', day),
    ]);
    const check = checkRoster({ from: '2026-05-31', to: '2026-06-02', shifts, people, ctx });
    expect(check.gaps).toEqual([]);
    expect(check.understaffed).toEqual([
      { dutyDate: '2026-06-01', kind: 'full', role: 'officer', required: 2, actual: 1, reasons: ['汛期'] },
      { dutyDate: '2026-06-02', kind: 'full', role: 'officer', required: 2, actual: 1, reasons: ['汛期'] },
    ]);
  });

  it('checks each half of the two-shift template, a full-day officer standing both', () => {
    const twoShift: RosterContext = { ...ctx, settings: { ...DEFAULT_DUTY_SETTINGS, template: 'day_night' } };
    const shifts = [
      shift(11, 'officer', '2026-03-04T08:30', '2026-03-04T17:30', 'day'),
      full(21, 'leader', '2026-03-04'),
      full(12, 'officer', '2026-03-05'),
      full(22, 'leader', '2026-03-05'),
    ];
    const check = checkRoster({ from: '2026-03-04', to: '2026-03-05', shifts, people, ctx: twoShift });
    expect(check.understaffed).toEqual([
      { dutyDate: '2026-03-04', kind: 'night', role: 'officer', required: 1, actual: 0, reasons: [] },
    ]);
    expect(check.gaps).toEqual([
      { role: 'officer', from: '2026-03-04T09:30:00.000Z', to: '2026-03-05T00:30:00.000Z' },
    ]);
  });
});

describe('unqualified', () => {
  it('flags the security guard and does not count him for coverage or staffing', () => {
    const shifts = march([['officer', '2026-03-05']]);
    const guard = full(99, 'officer', '2026-03-05');
    const check = checkMarch([...shifts, guard]);
    expect(check.unqualified).toEqual([{ shiftId: guard.id, userId: 99, reason: 'not_qualified' }]);
    expect(check.gaps).toEqual([
      { role: 'officer', from: '2026-03-05T00:30:00.000Z', to: '2026-03-06T00:30:00.000Z' },
    ]);
    expect(check.understaffed).toEqual([
      { dutyDate: '2026-03-05', kind: 'full', role: 'officer', required: 1, actual: 0, reasons: [] },
    ]);
  });

  it('flags unknown, disabled and wrong-role people; a leader may be a backup', () => {
    const unknown = full(404, 'officer', '2026-03-05');
    const disabled = full(15, 'officer', '2026-03-06');
    const leaderAsOfficer = full(21, 'officer', '2026-03-07');
    const officerAsLeader = full(11, 'leader', '2026-03-08');
    const leaderAsBackup = full(22, 'backup', '2026-03-09');
    const check = checkMarch([
      ...march(),
      unknown,
      disabled,
      leaderAsOfficer,
      officerAsLeader,
      leaderAsBackup,
    ]);
    expect(check.unqualified).toEqual([
      { shiftId: unknown.id, userId: 404, reason: 'unknown_person' },
      { shiftId: disabled.id, userId: 15, reason: 'disabled' },
      { shiftId: leaderAsOfficer.id, userId: 21, reason: 'wrong_role' },
      { shiftId: officerAsLeader.id, userId: 11, reason: 'wrong_role' },
    ]);
    expect(unqualifiedReason({ role: 'backup' }, person(1, ['admin']))).toBe('wrong_role');
  });
});

describe('conflicts', () => {
  const conflictsOf = (shifts: RosterShift[], zone = SH) =>
    checkRoster({ from: '2026-03-01', to: '2026-03-01', shifts, people, ctx: { ...ctx, zone } }).conflicts;

  it('flags two duty days in a row as too long', () => {
    const a = full(11, 'officer', '2026-03-01');
    const b = full(11, 'officer', '2026-03-02');
    expect(conflictsOf([b, a])).toEqual([
      { userId: 11, kind: 'too_long', shiftIds: [a.id, b.id], detail: '连续值班 48 小时，超过 24 小时' },
    ]);
  });

  it('flags overlapping shifts', () => {
    const a = full(11, 'officer', '2026-03-05');
    const b = shift(11, 'officer', '2026-03-05T17:30', '2026-03-06T08:30', 'night');
    expect(conflictsOf([a, b])).toEqual([
      {
        userId: 11,
        kind: 'overlap',
        shiftIds: [a.id, b.id],
        detail: '班次时间重叠：2026-03-05 08:30–2026-03-06 08:30 与 2026-03-05 17:30–2026-03-06 08:30',
      },
    ]);
  });

  it('flags too little rest after a full duty day, but not after a short shift', () => {
    const a = full(11, 'officer', '2026-03-10');
    const b = shift(11, 'officer', '2026-03-11T17:30', '2026-03-12T08:30', 'night');
    expect(conflictsOf([a, b])).toEqual([
      {
        userId: 11,
        kind: 'too_little_rest',
        shiftIds: [a.id, b.id],
        detail: '连续值班 24 小时后仅休息 9 小时，少于 24 小时',
      },
    ]);
    const day = shift(12, 'officer', '2026-03-10T08:30', '2026-03-10T17:30', 'day');
    const nextDay = shift(12, 'officer', '2026-03-11T08:30', '2026-03-11T17:30', 'day');
    expect(conflictsOf([day, nextDay])).toEqual([]);
  });

  it('accepts exactly the minimum rest (every other day)', () => {
    expect(conflictsOf([full(21, 'leader', '2026-03-10'), full(21, 'leader', '2026-03-12')])).toEqual([]);
  });

  it('counts duty days by the wall clock across DST in Europe/Berlin', () => {
    const b = 'Europe/Berlin';
    expect(conflictsOf([full(11, 'officer', '2026-10-24', b)], b)).toEqual([]); // 25 real hours
    // 24 wall-clock hours of rest, 23 real ones: still every other day.
    expect(
      conflictsOf([full(11, 'officer', '2026-03-27', b), full(11, 'officer', '2026-03-29', b)], b),
    ).toEqual([]);
    const two = [full(12, 'officer', '2026-10-24', b), full(12, 'officer', '2026-10-25', b)];
    expect(conflictsOf(two, b).map((c) => c.detail)).toEqual(['连续值班 48 小时，超过 24 小时']);
  });
});

describe('onDutyAt and nextShifts', () => {
  const officer = full(11, 'officer', '2026-03-04');
  const leader = full(21, 'leader', '2026-03-04');
  const tomorrow = [full(12, 'officer', '2026-03-05'), full(22, 'leader', '2026-03-05')];
  const all = [officer, leader, ...tomorrow];

  it('includes the start and excludes the end', () => {
    expect(onDutyAt(new Date('2026-03-04T00:30:00Z'), all)).toEqual([officer, leader]);
    expect(onDutyAt(new Date('2026-03-05T00:29:59Z'), all)).toEqual([officer, leader]);
    expect(onDutyAt(new Date('2026-03-05T00:30:00Z'), all)).toEqual(tomorrow);
    expect(onDutyAt(new Date('2026-03-07T00:30:00Z'), all)).toEqual([]);
  });

  it('gives every shift sharing the next start', () => {
    expect(nextShifts(new Date('2026-03-04T12:00:00+08:00'), all)).toEqual(tomorrow);
    expect(nextShifts(new Date('2026-03-05T08:30:00+08:00'), all)).toEqual([]);
  });
});
