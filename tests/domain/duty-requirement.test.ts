import type { DutyDriver } from '@shared/domain/duty-drivers';
import { dutyShortfall } from '@shared/domain/duty-shortfall';
import { checkRoster } from '@shared/domain/roster-checks';
import type { DutyRole, RosterContext, RosterPerson, RosterShift } from '@shared/domain/roster-types';
import { staffingFor } from '@shared/domain/staffing';
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import { describe, expect, it } from 'vitest';

// Asia/Shanghai is UTC+8 all year; hand-over at 08:00 local = 00:00 UTC. Seasons off, so only the
// calendar and the drivers strengthen.
const settings: DutySettings = {
  ...DEFAULT_DUTY_SETTINGS,
  handoverTime: '08:00',
  floodSeason: null,
  fireSeason: null,
};
const ctx = (drivers: DutyDriver[], extra: Partial<RosterContext> = {}): RosterContext => ({
  zone: 'Asia/Shanghai',
  settings,
  periods: [],
  drivers,
  ...extra,
});

// 暴雨橙色 from 07-10 15:00 to 07-11 10:00 local.
const orange: DutyDriver = {
  kind: 'warning',
  id: 7,
  label: '暴雨橙色预警',
  level: 'orange',
  from: '2026-07-10T07:00:00.000Z',
  to: '2026-07-11T02:00:00.000Z',
};

describe('warnings and responses strengthen the duty days they touch', () => {
  it('暴雨橙色 07-10 15:00 – 07-11 10:00: duty days 07-10 and 07-11, not 07-09 nor 07-12', () => {
    // Duty day 07-10 runs 07-10 08:00 – 07-11 08:00 (contains 15:00); duty day 07-11 runs
    // 07-11 08:00 – 07-12 08:00 (contains 08:00–10:00); 07-09 ends at 07-10 08:00, before 15:00.
    expect(staffingFor('2026-07-09', ctx([orange])).strengthened).toBe(false);
    for (const day of ['2026-07-10', '2026-07-11'])
      expect(staffingFor(day, ctx([orange]))).toMatchObject({
        officers: 2,
        leaders: 1,
        leaderOnSite: false,
        strengthened: true,
        reasons: ['暴雨橙色预警'],
      });
    expect(staffingFor('2026-07-12', ctx([orange])).strengthened).toBe(false);
  });

  it('with one officer rostered, both duty days are understaffed with the warning as reason', () => {
    const people: RosterPerson[] = [
      { id: 11, displayName: '甲', roles: ['officer'], qualified: true, enabled: true },
      { id: 21, displayName: '乙', roles: ['leader'], qualified: true, enabled: true },
    ];
    const full = (userId: number, role: DutyRole, day: string, next: string): RosterShift => ({
      id: userId * 100 + Number(day.slice(8)),
      userId,
      role,
      dutyDate: day,
      kind: 'full',
      startLocal: `${day}T08:00`,
      endLocal: `${next}T08:00`,
      zone: 'Asia/Shanghai',
    });
    const days = [
      ['2026-07-09', '2026-07-10'],
      ['2026-07-10', '2026-07-11'],
      ['2026-07-11', '2026-07-12'],
      ['2026-07-12', '2026-07-13'],
    ] as const;
    const shifts = days.flatMap(([d, n]) => [full(11, 'officer', d, n), full(21, 'leader', d, n)]);
    // One person every day breaks the rest rules; only staffing matters here.
    const check = checkRoster({ from: '2026-07-09', to: '2026-07-12', shifts, people, ctx: ctx([orange]) });
    expect(check.gaps).toEqual([]);
    expect(check.understaffed).toEqual([
      {
        dutyDate: '2026-07-10',
        kind: 'full',
        role: 'officer',
        required: 2,
        actual: 1,
        reasons: ['暴雨橙色预警'],
      },
      {
        dutyDate: '2026-07-11',
        kind: 'full',
        role: 'officer',
        required: 2,
        actual: 1,
        reasons: ['暴雨橙色预警'],
      },
    ]);
  });

  it('at an instant inside the window, one officer on duty falls short by one, naming the warning', () => {
    const need = staffingFor('2026-07-10', ctx([orange]));
    const shortfall = dutyShortfall(
      need,
      { officers: [{ userId: 11, checkedIn: true }], leaders: [{ userId: 21, checkedIn: false }] },
      settings.staffing,
    );
    expect(shortfall).toEqual([{ need: 'officers', required: 2, actual: 1, reasons: ['暴雨橙色预警'] }]);
  });

  it('a warning that ends at the hand-over touches only the duty day before it', () => {
    // 07-10 00:00 – 08:00 local: inside duty day 07-09 (07-09 08:00 – 07-10 08:00), half-open at the end.
    const night: DutyDriver = { ...orange, from: '2026-07-09T16:00:00.000Z', to: '2026-07-10T00:00:00.000Z' };
    expect(staffingFor('2026-07-09', ctx([night])).strengthened).toBe(true);
    expect(staffingFor('2026-07-10', ctx([night])).strengthened).toBe(false);
  });

  it('a warning below the configured colour does not strengthen; lowering the level makes it', () => {
    const yellow: DutyDriver = { ...orange, level: 'yellow', label: '暴雨黄色预警' };
    expect(staffingFor('2026-07-10', ctx([yellow])).strengthened).toBe(false);
    const lower = { ...ctx([yellow]), settings: { ...settings, warningLevel: 'yellow' as const } };
    expect(staffingFor('2026-07-10', lower)).toMatchObject({ officers: 2, leaderOnSite: false });
  });

  it('red wants the leader in the duty room', () => {
    const red: DutyDriver = { ...orange, level: 'red', label: '暴雨红色预警' };
    expect(staffingFor('2026-07-10', ctx([red]))).toMatchObject({
      officers: 2,
      leaders: 1,
      leaderOnSite: true,
    });
  });

  it('a Ⅳ-level response wants two officers; no leader in the room', () => {
    const iv: DutyDriver = {
      kind: 'response',
      id: 3,
      label: '防汛Ⅳ级应急响应',
      level: 'IV',
      from: orange.from,
      to: null,
    };
    expect(staffingFor('2026-07-10', ctx([iv]))).toMatchObject({
      officers: 2,
      leaderOnSite: false,
      reasons: ['防汛Ⅳ级应急响应'],
    });
  });

  it('a Ⅲ-level 防汛 response with the leader only on call is flagged; checked in, it is not', () => {
    // Started 07-20 09:00 local, still in force; now is 07-20 14:00 local.
    const iii: DutyDriver = {
      kind: 'response',
      id: 4,
      label: '防汛Ⅲ级应急响应',
      level: 'III',
      from: '2026-07-20T01:00:00.000Z',
      to: null,
    };
    const c = ctx([iii], { asOf: '2026-07-20T06:00:00.000Z' });
    const need = staffingFor('2026-07-20', c);
    expect(need).toMatchObject({ officers: 2, leaders: 1, leaderOnSite: true });
    // Still in force, it is taken to last until now: the next duty day (07-21 08:00 on) is not touched yet.
    expect(staffingFor('2026-07-21', c).strengthened).toBe(false);
    const officers = [
      { userId: 11, checkedIn: true },
      { userId: 12, checkedIn: true },
    ];
    expect(
      dutyShortfall(need, { officers, leaders: [{ userId: 21, checkedIn: false }] }, settings.staffing),
    ).toEqual([{ need: 'leader_on_site', required: 1, actual: 0, reasons: ['防汛Ⅲ级应急响应'] }]);
    expect(
      dutyShortfall(need, { officers, leaders: [{ userId: 21, checkedIn: true }] }, settings.staffing),
    ).toEqual([]);
  });
});

describe('重点时段 from the official calendar', () => {
  it('strengthens 国庆 2026 by default, not the make-up Saturday after it, not 清明', () => {
    expect(staffingFor('2026-10-01', ctx([]))).toMatchObject({
      officers: 2,
      strengthened: true,
      reasons: ['国庆节'],
      causes: [{ kind: 'key_period', label: '国庆节', leaderOnSite: false }],
    });
    expect(staffingFor('2026-10-07', ctx([])).strengthened).toBe(true);
    expect(staffingFor('2026-10-10', ctx([])).strengthened).toBe(false);
    expect(staffingFor('2026-04-05', ctx([])).strengthened).toBe(false);
    expect(staffingFor('2026-02-15', ctx([])).reasons).toEqual(['春节']);
    expect(staffingFor('2026-05-01', ctx([])).reasons).toEqual(['劳动节']);
    expect(staffingFor('2026-01-01', ctx([])).reasons).toEqual(['元旦']);
    expect(staffingFor('2025-10-08', ctx([])).reasons).toEqual(['国庆节、中秋节']);
  });

  it('follows the configured festivals', () => {
    const only = { ...ctx([]), settings: { ...settings, keyFestivals: ['qingming' as const] } };
    expect(staffingFor('2026-04-05', only).reasons).toEqual(['清明节']);
    expect(staffingFor('2026-10-01', only).strengthened).toBe(false);
  });

  it('adds up with a warning: reasons list both, the highest minimum wins', () => {
    const red: DutyDriver = {
      ...orange,
      level: 'red',
      label: '暴雨红色预警',
      from: '2026-10-01T02:00:00.000Z',
      to: '2026-10-01T06:00:00.000Z',
    };
    expect(staffingFor('2026-10-01', ctx([red]))).toMatchObject({
      officers: 2,
      leaderOnSite: true,
      reasons: ['国庆节', '暴雨红色预警'],
    });
  });
});
