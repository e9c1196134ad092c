import { NATIONAL_DEFAULT_POLICY, parseDuration, validatePolicy } from '@shared/domain/deadline-policy';
import { computeObligations, isOverdue, nextDeadline } from '@shared/domain/deadlines';
import type {
  DeadlinePolicy,
  Obligation,
  ObligationInput,
  ReportRecord,
} from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

// Occurred 5 March 2026 02:40 Shanghai time, received by the bureau at 03:00 (19:00Z on the 4th).
const incident = (extra: Partial<ObligationInput> = {}): ObligationInput => ({
  category: 'road_traffic',
  grade: 'IV',
  nearMiss: false,
  occurredAt: '2026-03-04T18:40:00.000Z',
  receivedAt: '2026-03-04T19:00:00.000Z',
  figureChanges: [],
  reports: [],
  closedAt: null,
  zone: 'Asia/Shanghai',
  ...extra,
});
let n = 0;
const report = (
  kind: ReportRecord['kind'],
  sentAt: string,
  channel: ReportRecord['channel'] = 'written',
) => ({
  number: ++n,
  kind,
  channel,
  sentAt,
});
const obligations = (input: ObligationInput, policy: DeadlinePolicy = NATIONAL_DEFAULT_POLICY) =>
  computeObligations(input, policy);
const byKey = (list: Obligation[], key: string) => list.find((o) => o.key === key);

describe('首报 deadlines', () => {
  it('gives an 一般 accident a written 首报 within 2 h and no phone deadline', () => {
    const list = obligations(incident());
    expect(byKey(list, 'initial_phone')).toBeUndefined();
    expect(byKey(list, 'initial_written')).toEqual({
      kind: 'initial_written',
      key: 'initial_written',
      dueAt: '2026-03-04T21:00:00.000Z',
      doneAt: null,
      reportNumber: null,
      late: false,
    });
  });

  it('is on time exactly at the deadline and late one second after', () => {
    const onTime = report('initial', '2026-03-04T21:00:00.000Z');
    const written = byKey(obligations(incident({ reports: [onTime] })), 'initial_written');
    expect(written).toMatchObject({
      doneAt: '2026-03-04T21:00:00.000Z',
      reportNumber: onTime.number,
      late: false,
    });
    const late = byKey(
      obligations(incident({ reports: [report('initial', '2026-03-04T21:00:01.000Z')] })),
      'initial_written',
    );
    expect(late).toMatchObject({ doneAt: '2026-03-04T21:00:01.000Z', late: true });
  });

  it('lets the strictest rule win for 较大: phone 30 min, written 1 h rather than 2 h', () => {
    const list = obligations(
      incident({
        grade: 'III',
        reports: [
          report('initial', '2026-03-04T19:30:00.000Z', 'phone'),
          report('initial', '2026-03-04T20:00:01.000Z'),
        ],
      }),
    );
    expect(byKey(list, 'initial_phone')).toMatchObject({ dueAt: '2026-03-04T19:30:00.000Z', late: false });
    expect(byKey(list, 'initial_written')).toMatchObject({
      dueAt: '2026-03-04T20:00:00.000Z',
      doneAt: '2026-03-04T20:00:01.000Z',
      late: true,
    });
  });

  it('counts a written 首报 for the phone duty, but not a phone call for the written one', () => {
    const written = obligations(
      incident({ grade: 'II', reports: [report('initial', '2026-03-04T19:20:00.000Z', 'system')] }),
    );
    expect(byKey(written, 'initial_phone')).toMatchObject({
      doneAt: '2026-03-04T19:20:00.000Z',
      late: false,
    });
    expect(byKey(written, 'initial_written')).toMatchObject({
      doneAt: '2026-03-04T19:20:00.000Z',
      late: false,
    });
    const phoned = obligations(
      incident({ grade: 'II', reports: [report('initial', '2026-03-04T19:20:00.000Z', 'phone')] }),
    );
    expect(byKey(phoned, 'initial_written')).toMatchObject({ doneAt: null });
  });

  it('treats a near miss like an 一般 accident', () => {
    const list = obligations(
      incident({ nearMiss: true, reports: [report('initial', '2026-03-04T20:00:00.000Z')] }),
    );
    expect(byKey(list, 'initial_phone')).toBeUndefined();
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-04T21:00:00.000Z');
    expect(byKey(list, 'followup_daily:1')?.dueAt).toBe('2026-03-05T20:00:00.000Z');
  });

  it('matches rules by category, class, near miss and ungraded', () => {
    const policy: DeadlinePolicy = {
      ...NATIONAL_DEFAULT_POLICY,
      initial: [
        ...NATIONAL_DEFAULT_POLICY.initial,
        { applies: 'accident', grades: ['near_miss'], kind: 'initial_phone', within: 'PT45M' },
        { applies: 'fire', grades: '*', kind: 'initial_phone', within: 'PT15M' },
        { applies: 'natural_disaster', grades: ['ungraded'], kind: 'initial_written', within: 'PT90M' },
      ],
    };
    expect(byKey(obligations(incident({ nearMiss: true }), policy), 'initial_phone')?.dueAt).toBe(
      '2026-03-04T19:45:00.000Z',
    );
    expect(byKey(obligations(incident(), policy), 'initial_phone')).toBeUndefined();
    expect(byKey(obligations(incident({ category: 'fire' }), policy), 'initial_phone')?.dueAt).toBe(
      '2026-03-04T19:15:00.000Z',
    );
    const flood = obligations(incident({ category: 'flood', grade: null }), policy);
    expect(byKey(flood, 'initial_written')?.dueAt).toBe('2026-03-04T20:30:00.000Z');
  });
});

describe('续报 while open', () => {
  it('chains every 12 h for 重大, each counted from the previous report', () => {
    const list = obligations(
      incident({
        grade: 'II',
        reports: [
          report('initial', '2026-03-04T19:30:00.000Z'),
          report('followup', '2026-03-05T07:30:00.000Z'),
          report('followup', '2026-03-05T19:30:01.000Z'),
        ],
      }),
    );
    const daily = list.filter((o) => o.kind === 'followup_daily');
    expect(daily.map((o) => [o.key, o.dueAt, o.doneAt, o.late])).toEqual([
      ['followup_daily:1', '2026-03-05T07:30:00.000Z', '2026-03-05T07:30:00.000Z', false],
      ['followup_daily:2', '2026-03-05T19:30:00.000Z', '2026-03-05T19:30:01.000Z', true],
      ['followup_daily:3', '2026-03-06T07:30:01.000Z', null, false],
    ]);
  });

  it('chains every 24 h for 一般', () => {
    const list = obligations(
      incident({
        reports: [
          report('initial', '2026-03-04T21:00:00.000Z'),
          report('followup', '2026-03-05T21:00:00.000Z'),
        ],
      }),
    );
    expect(list.filter((o) => o.kind === 'followup_daily').map((o) => [o.dueAt, o.doneAt])).toEqual([
      ['2026-03-05T21:00:00.000Z', '2026-03-05T21:00:00.000Z'],
      ['2026-03-06T21:00:00.000Z', null],
    ]);
  });

  it('has no 续报 due before the 首报 is sent', () => {
    expect(obligations(incident()).filter((o) => o.kind === 'followup_daily')).toEqual([]);
  });

  it('stops the chain once the incident is closed or the 终报 is sent', () => {
    const closed = obligations(
      incident({
        reports: [report('initial', '2026-03-04T21:00:00.000Z')],
        closedAt: '2026-03-05T08:00:00.000Z',
      }),
    );
    expect(closed.filter((o) => o.kind === 'followup_daily')).toEqual([]);
    const ended = obligations(
      incident({
        reports: [report('initial', '2026-03-04T21:00:00.000Z'), report('final', '2026-03-05T10:00:00.000Z')],
      }),
    );
    expect(ended.filter((o) => o.kind === 'followup_daily').map((o) => o.doneAt)).toEqual([
      '2026-03-05T10:00:00.000Z',
    ]);
    expect(byKey(ended, 'final')).toMatchObject({
      dueAt: null,
      doneAt: '2026-03-05T10:00:00.000Z',
      late: false,
    });
  });
});

describe('补报 when figures change', () => {
  const changeKeys = (list: Obligation[]) =>
    list.filter((o) => o.kind === 'followup_change').map((o) => o.key);

  it('falls due at the next local midnight in Shanghai', () => {
    // 12:00 on 5 March local → due 00:00 on 6 March local = 16:00Z on the 5th.
    const list = obligations(incident({ figureChanges: ['2026-03-05T04:00:00.000Z'] }));
    expect(byKey(list, 'followup_change:2026-03-05T04:00:00.000Z')?.dueAt).toBe('2026-03-05T16:00:00.000Z');
    // 23:59:59 local is still the 5th; 00:00 local is already the 6th.
    const edges = obligations(
      incident({ figureChanges: ['2026-03-05T15:59:59.000Z', '2026-03-05T16:00:00.000Z'] }),
    );
    expect(edges.filter((o) => o.kind === 'followup_change').map((o) => o.dueAt)).toEqual([
      '2026-03-05T16:00:00.000Z',
      '2026-03-06T16:00:00.000Z',
    ]);
  });

  it('is met by a 续报 at or after the change, on time up to midnight', () => {
    const change = '2026-03-05T04:00:00.000Z';
    const met = (sentAt: string) =>
      byKey(
        obligations(incident({ figureChanges: [change], reports: [report('followup', sentAt)] })),
        `followup_change:${change}`,
      );
    expect(met('2026-03-05T03:59:59.000Z')).toMatchObject({ doneAt: null });
    expect(met('2026-03-05T04:00:00.000Z')).toMatchObject({
      doneAt: '2026-03-05T04:00:00.000Z',
      late: false,
    });
    expect(met('2026-03-05T16:00:00.000Z')).toMatchObject({ late: false });
    expect(met('2026-03-05T16:00:01.000Z')).toMatchObject({ late: true });
  });

  it('applies for 7 days after a road traffic accident and 30 days after a chemical one', () => {
    // Occurred 18:40Z on 4 March: the 7-day window ends 18:40Z on 11 March, inclusive.
    const lastMoment = '2026-03-11T18:40:00.000Z';
    const dayEight = '2026-03-12T04:00:00.000Z';
    expect(changeKeys(obligations(incident({ figureChanges: [lastMoment, dayEight] })))).toEqual([
      `followup_change:${lastMoment}`,
    ]);
    expect(
      byKey(obligations(incident({ figureChanges: [lastMoment] })), `followup_change:${lastMoment}`)?.dueAt,
    ).toBe('2026-03-12T16:00:00.000Z');
    const chemicals = obligations(incident({ category: 'hazardous_chemicals', figureChanges: [dayEight] }));
    expect(byKey(chemicals, `followup_change:${dayEight}`)?.dueAt).toBe('2026-03-12T16:00:00.000Z');
    // 30 days: up to 18:40Z on 3 April.
    const late = ['2026-04-03T18:40:00.000Z', '2026-04-03T18:40:01.000Z'];
    expect(
      changeKeys(obligations(incident({ category: 'hazardous_chemicals', figureChanges: late }))),
    ).toEqual(['followup_change:2026-04-03T18:40:00.000Z']);
  });

  it('still falls due after the incident is closed', () => {
    const list = obligations(
      incident({ closedAt: '2026-03-06T00:00:00.000Z', figureChanges: ['2026-03-07T02:00:00.000Z'] }),
    );
    expect(byKey(list, 'followup_change:2026-03-07T02:00:00.000Z')?.dueAt).toBe('2026-03-07T16:00:00.000Z');
  });
});

describe('ordering and what is next', () => {
  const list = obligations(
    incident({
      grade: 'III',
      reports: [report('initial', '2026-03-04T19:10:00.000Z', 'phone')],
      figureChanges: ['2026-03-05T04:00:00.000Z'],
    }),
  );

  it('orders by due time with the 终报 last', () => {
    expect(list.map((o) => o.key)).toEqual([
      'initial_phone',
      'initial_written',
      'followup_change:2026-03-05T04:00:00.000Z',
      'followup_daily:1',
      'final',
    ]);
  });

  it('finds the earliest unmet deadline and calls it overdue only strictly after it', () => {
    const next = nextDeadline(list, new Date('2026-03-04T19:15:00.000Z'));
    expect(next?.key).toBe('initial_written');
    expect(isOverdue(next!, new Date('2026-03-04T20:00:00.000Z'))).toBe(false);
    expect(isOverdue(next!, new Date('2026-03-04T20:00:00.001Z'))).toBe(true);
    expect(isOverdue(byKey(list, 'initial_phone')!, new Date('2026-03-05T00:00:00.000Z'))).toBe(false);
    expect(isOverdue(byKey(list, 'final')!, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
    expect(
      nextDeadline(
        list.filter((o) => o.kind === 'initial_phone' || o.kind === 'final'),
        new Date(),
      ),
    ).toBeNull();
  });
});

describe('deadline policy', () => {
  it('parses ISO durations as elapsed milliseconds', () => {
    expect(parseDuration('PT30M')).toBe(1_800_000);
    expect(parseDuration('P1D')).toBe(86_400_000);
    for (const bad of ['soon', 'PT0M', '-PT1H', '']) expect(() => parseDuration(bad)).toThrow();
  });

  it('accepts the national defaults', () => {
    expect(validatePolicy(NATIONAL_DEFAULT_POLICY)).toEqual([]);
  });

  it('lists bad durations, unknown categories and grades', () => {
    const bad = {
      name: '',
      initial: [{ applies: 'volcano', grades: ['V'], kind: 'initial_phone', within: 'PT0M' }],
      followupPerDay: { I: 2, II: 'twice a day', III: 1, IV: 1 },
      changeWindowDays: { default: 30, lava: 7, fire: -7 },
    } as unknown as DeadlinePolicy;
    const problems = validatePolicy(bad);
    expect(problems).toHaveLength(7);
    for (const field of [
      'name',
      'initial[0].applies',
      'initial[0].grades',
      'initial[0].within',
      'followupPerDay.II',
      'changeWindowDays.lava',
      'changeWindowDays.fire',
    ]) {
      expect(problems.some((p) => p.startsWith(`${field}:`))).toBe(true);
    }
  });
});
