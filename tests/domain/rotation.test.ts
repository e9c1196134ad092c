import { checkRoster } from '@shared/domain/roster-checks';
import type { RosterContext, RosterPerson } from '@shared/domain/roster-types';
import { generateRotation } from '@shared/domain/rotation';
import { DEFAULT_DUTY_SETTINGS } from '@shared/schemas/settings';
import { describe, expect, it } from 'vitest';

const ctx: RosterContext = { zone: 'Asia/Shanghai', settings: DEFAULT_DUTY_SETTINGS, periods: [] };
const people: RosterPerson[] = [
  ...[11, 12, 13, 14].map((id) => ({
    id,
    displayName: `O${id}`,
    roles: ['officer' as const],
    qualified: true,
    enabled: true,
  })),
  ...[21, 22].map((id) => ({
    id,
    displayName: `L${id}`,
    roles: ['leader' as const],
    qualified: true,
    enabled: true,
  })),
];
const brief = (s: { dutyDate: string; role: string; kind: string; userId: number }) =>
  `${s.dutyDate} ${s.role} ${s.kind} ${s.userId}`;

describe('generateRotation', () => {
  it('takes officers, leaders and backups in turn, one day after another', () => {
    const shifts = generateRotation({
      from: '2026-03-30',
      to: '2026-04-01',
      ctx,
      officers: [11, 12, 13, 14],
      leaders: [21, 22],
      backups: [31, 32],
      startOffsets: { officers: 3 },
    });
    expect(shifts.map(brief)).toEqual([
      '2026-03-30 officer full 14',
      '2026-03-30 leader full 21',
      '2026-03-30 backup full 31',
      '2026-03-31 officer full 11',
      '2026-03-31 leader full 22',
      '2026-03-31 backup full 32',
      '2026-04-01 officer full 12',
      '2026-04-01 leader full 21',
      '2026-04-01 backup full 31',
    ]);
    expect(shifts[3]).toEqual({
      userId: 11,
      role: 'officer',
      dutyDate: '2026-03-31',
      kind: 'full',
      startLocal: '2026-03-31T08:30',
      endLocal: '2026-04-01T08:30',
      zone: 'Asia/Shanghai',
    });
  });

  it('fills both halves of the two-shift template, the cycle running on across days', () => {
    const twoShift = { ...ctx, settings: { ...DEFAULT_DUTY_SETTINGS, template: 'day_night' as const } };
    const shifts = generateRotation({
      from: '2026-03-04',
      to: '2026-03-05',
      ctx: twoShift,
      officers: [11, 12, 13],
      leaders: [21],
    });
    expect(shifts.map(brief)).toEqual([
      '2026-03-04 officer day 11',
      '2026-03-04 officer night 12',
      '2026-03-04 leader full 21',
      '2026-03-05 officer day 13',
      '2026-03-05 officer night 11',
      '2026-03-05 leader full 21',
    ]);
    expect(shifts[1]).toMatchObject({ startLocal: '2026-03-04T17:30', endLocal: '2026-03-05T08:30' });
  });

  it('puts two different officers on each flood-season day', () => {
    const shifts = generateRotation({
      from: '2026-05-31',
      to: '2026-06-02',
      ctx,
      officers: [11, 12, 13],
      leaders: [21, 22],
    });
    expect(shifts.filter((s) => s.role === 'officer').map(brief)).toEqual([
      '2026-05-31 officer full 11',
      '2026-06-01 officer full 12',
      '2026-06-01 officer full 13',
      '2026-06-02 officer full 11',
      '2026-06-02 officer full 12',
    ]);
  });

  it('is deterministic', () => {
    const input = {
      from: '2026-03-01',
      to: '2026-03-31',
      ctx,
      officers: [11, 12, 13, 14],
      leaders: [21, 22],
    };
    expect(generateRotation(input)).toEqual(generateRotation(input));
  });

  it('refuses lists that cannot fill a slot', () => {
    const base = { from: '2026-05-30', to: '2026-06-02', ctx };
    expect(() => generateRotation({ ...base, officers: [], leaders: [21] })).toThrow(/officer list is empty/);
    expect(() => generateRotation({ ...base, officers: [11], leaders: [] })).toThrow(/leader list is empty/);
    expect(() => generateRotation({ ...base, officers: [11, 11], leaders: [21] })).toThrow(/duplicates/);
    expect(() => generateRotation({ ...base, officers: [11], leaders: [21] })).toThrow(
      '2026-06-01 值班员需要 2 人，名单只有 1 人（officer list shorter than 2）',
    );
  });

  it('treats an empty backup list as no backups', () => {
    const shifts = generateRotation({
      from: '2026-03-01',
      to: '2026-03-01',
      ctx,
      officers: [11],
      leaders: [21],
      backups: [],
    });
    expect(shifts.map((s) => s.role)).toEqual(['officer', 'leader']);
  });
});

describe('a generated month checks clean', () => {
  const check = (from: string, to: string) => {
    const shifts = generateRotation({ from, to, ctx, officers: [11, 12, 13, 14], leaders: [21, 22] });
    return {
      shifts,
      check: checkRoster({ from, to, shifts: shifts.map((s, i) => ({ ...s, id: i + 1 })), people, ctx }),
    };
  };

  it('March with 4 officers and 2 leaders: no gaps, no conflicts, nobody short', () => {
    const { shifts, check: result } = check('2026-03-01', '2026-03-31');
    expect(result).toEqual({ ok: true, gaps: [], understaffed: [], conflicts: [], unqualified: [] });
    expect(shifts).toHaveLength(62);
    const count = (id: number) => shifts.filter((s) => s.userId === id).length;
    expect([11, 12, 13, 14, 21, 22].map(count)).toEqual([8, 8, 8, 7, 16, 15]);
  });

  it('June (flood season, two officers a day) with the same people', () => {
    expect(check('2026-06-01', '2026-06-30').check.ok).toBe(true);
  });
});
