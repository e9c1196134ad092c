import type { DutyPeriod, RosterContext } from '@shared/domain/roster-types';
import { inSeason, periodsOn, staffingFor } from '@shared/domain/staffing';
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import { describe, expect, it } from 'vitest';

const period = (
  p: Partial<DutyPeriod> & Pick<DutyPeriod, 'kind' | 'name' | 'fromDate' | 'toDate'>,
): DutyPeriod => ({
  id: 1,
  ...p,
});
// The official calendar's 重点时段 are off here (keyFestivals: []): these tests are about seasons and
// declared periods; tests/domain/duty-requirement.test.ts covers the calendar and the drivers.
const NO_KEY = { ...DEFAULT_DUTY_SETTINGS, keyFestivals: [] };
const ctx = (periods: DutyPeriod[] = [], settings: DutySettings = NO_KEY): RosterContext => ({
  zone: 'Asia/Shanghai',
  settings,
  periods,
});

describe('staffingFor', () => {
  it('is the normal minimum on an ordinary day', () => {
    expect(staffingFor('2026-03-04', ctx())).toMatchObject({
      officers: 1,
      leaders: 1,
      strengthened: false,
      reasons: [],
    });
  });

  it('rises to two officers in the default flood season (1 June – 30 September)', () => {
    expect(staffingFor('2026-05-31', ctx()).officers).toBe(1);
    expect(staffingFor('2026-06-01', ctx())).toMatchObject({
      officers: 2,
      leaders: 1,
      strengthened: true,
      reasons: ['汛期'],
    });
    expect(staffingFor('2026-09-30', ctx()).officers).toBe(2);
    expect(staffingFor('2026-10-01', ctx()).reasons).toEqual([]);
  });

  it('uses a fire season that wraps the year end', () => {
    const settings = { ...NO_KEY, fireSeason: { from: '11-01', to: '03-31' } };
    expect(staffingFor('2026-12-31', ctx([], settings)).reasons).toEqual(['防火期']);
    expect(staffingFor('2027-01-15', ctx([], settings)).reasons).toEqual(['防火期']);
    expect(staffingFor('2026-03-31', ctx([], settings)).officers).toBe(2);
    expect(staffingFor('2026-04-01', ctx([], settings)).strengthened).toBe(false);
    expect(staffingFor('2026-10-31', ctx([], settings)).strengthened).toBe(false);
  });

  it('raises it for a holiday, with the highest of overlapping periods winning per role', () => {
    const periods = [
      period({ kind: 'holiday', name: '国庆', fromDate: '2026-10-01', toDate: '2026-10-07' }),
      period({
        id: 2,
        kind: 'response',
        name: '防汛IV级应急响应',
        fromDate: '2026-10-03',
        toDate: '2026-10-04',
        officers: 3,
      }),
      period({
        id: 3,
        kind: 'sensitive',
        name: '重要会议',
        fromDate: '2026-10-04',
        toDate: '2026-10-04',
        officers: 1,
        leaders: 2,
      }),
    ];
    expect(staffingFor('2026-10-01', ctx(periods))).toMatchObject({
      officers: 2,
      leaders: 1,
      strengthened: true,
      reasons: ['国庆'],
    });
    expect(staffingFor('2026-10-03', ctx(periods)).officers).toBe(3);
    expect(staffingFor('2026-10-04', ctx(periods))).toMatchObject({
      officers: 3,
      leaders: 2,
      strengthened: true,
      reasons: ['国庆', '防汛IV级应急响应', '重要会议'],
    });
  });

  it('never lowers the normal minimum and ignores make-up workdays', () => {
    const settings = { ...DEFAULT_DUTY_SETTINGS, staffing: { officers: 3, leaders: 1 } };
    const periods = [
      period({
        kind: 'makeup_workday',
        name: '国庆调休',
        fromDate: '2026-10-10',
        toDate: '2026-10-10',
        officers: 9,
      }),
      period({ id: 2, kind: 'sensitive', name: '敏感期', fromDate: '2026-03-04', toDate: '2026-03-04' }),
    ];
    expect(staffingFor('2026-10-10', ctx(periods))).toMatchObject({
      officers: 1,
      leaders: 1,
      strengthened: false,
      reasons: [],
    });
    expect(staffingFor('2026-03-04', ctx(periods, settings)).officers).toBe(3);
  });
});

describe('periodsOn and inSeason', () => {
  it('includes both end dates', () => {
    const periods = [period({ kind: 'holiday', name: '春节', fromDate: '2026-02-15', toDate: '2026-02-23' })];
    expect(periodsOn('2026-02-14', periods)).toEqual([]);
    expect(periodsOn('2026-02-15', periods)).toHaveLength(1);
    expect(periodsOn('2026-02-23', periods)).toHaveLength(1);
    expect(periodsOn('2026-02-24', periods)).toEqual([]);
  });

  it('handles no season', () => {
    expect(inSeason('2026-06-01', null)).toBe(false);
  });
});
