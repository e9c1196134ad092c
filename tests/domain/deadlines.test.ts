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

  it('lets the strictest rule win for 重大: phone 30 min, written 1 h rather than 2 h', () => {
    const list = obligations(
      incident({
        grade: 'II',
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

  it('gives 较大 nationally only the written 2 h: the 30 min / 1 h rule is for 重大 and above', () => {
    // Received 03:00 local (19:00Z): written by 05:00 local, no phone obligation.
    const list = obligations(incident({ grade: 'III' }));
    expect(byKey(list, 'initial_phone')).toBeUndefined();
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-04T21:00:00.000Z');
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
    // 首报 04:00 local on 5 March: that day counts, the first 续报 is due by 24:00 on the 6th (16:00Z).
    expect(byKey(list, 'followup_daily:2026-03-06T24:00')?.dueAt).toBe('2026-03-06T16:00:00.000Z');
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
    // A flood is clocked from when it happened (18:40Z): 90 min → 20:10Z.
    const flood = obligations(incident({ category: 'flood', grade: null }), policy);
    expect(byKey(flood, 'initial_written')?.dueAt).toBe('2026-03-04T20:10:00.000Z');
  });
});

describe('续报 while open', () => {
  it('is due twice a local day for 重大, by 12:00 and by 24:00, from the day after the 首报', () => {
    const list = obligations(
      incident({
        grade: 'II',
        reports: [
          report('initial', '2026-03-04T19:30:00.000Z'), // 03:30 local, 5 March
          report('followup', '2026-03-05T12:00:00.000Z'), // 20:00 on the 首报's day: that day counts already
          report('followup', '2026-03-06T04:00:00.000Z'), // 12:00 on the 6th exactly: on time
          report('followup', '2026-03-06T16:00:01.000Z'), // 00:00:01 on the 7th: the 6th's second is late
        ],
      }),
    );
    const daily = list.filter((o) => o.kind === 'followup_daily');
    expect(daily.map((o) => [o.key, o.dueAt, o.doneAt, o.late])).toEqual([
      ['followup_daily:2026-03-06T12:00', '2026-03-06T04:00:00.000Z', '2026-03-06T04:00:00.000Z', false],
      ['followup_daily:2026-03-06T24:00', '2026-03-06T16:00:00.000Z', '2026-03-06T16:00:01.000Z', true],
      ['followup_daily:2026-03-07T12:00', '2026-03-07T04:00:00.000Z', '2026-03-06T16:00:01.000Z', false],
      ['followup_daily:2026-03-07T24:00', '2026-03-07T16:00:00.000Z', null, false],
    ]);
  });

  it('is due once a local day for 一般, on time at 24:00 exactly, and that report does not serve the next day', () => {
    const list = obligations(
      incident({
        reports: [
          report('initial', '2026-03-04T21:00:00.000Z'), // 05:00 local, 5 March
          report('followup', '2026-03-06T16:00:00.000Z'), // 24:00 on the 6th exactly
        ],
      }),
    );
    expect(
      list.filter((o) => o.kind === 'followup_daily').map((o) => [o.key, o.dueAt, o.doneAt, o.late]),
    ).toEqual([
      ['followup_daily:2026-03-06T24:00', '2026-03-06T16:00:00.000Z', '2026-03-06T16:00:00.000Z', false],
      ['followup_daily:2026-03-07T24:00', '2026-03-07T16:00:00.000Z', null, false],
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
    // 终报 the same local day as the 首报: no day to report on.
    const sameDay = obligations(
      incident({
        reports: [report('initial', '2026-03-04T21:00:00.000Z'), report('final', '2026-03-05T10:00:00.000Z')],
      }),
    );
    expect(sameDay.filter((o) => o.kind === 'followup_daily')).toEqual([]);
    // 终报 18:00 local on the 6th: it is that day's 续报, and nothing follows.
    const ended = obligations(
      incident({
        reports: [report('initial', '2026-03-04T21:00:00.000Z'), report('final', '2026-03-06T10:00:00.000Z')],
      }),
    );
    expect(ended.filter((o) => o.kind === 'followup_daily').map((o) => o.doneAt)).toEqual([
      '2026-03-06T10:00:00.000Z',
    ]);
    expect(byKey(ended, 'final')).toMatchObject({
      dueAt: null,
      doneAt: '2026-03-06T10:00:00.000Z',
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

  it('applies for 7 calendar days after a road traffic accident and 30 after a chemical one', () => {
    // Occurred 02:40 local on 5 March: day 1 is the 6th, day 7 the 12th, ending 24:00 local (16:00Z).
    const daySeven = '2026-03-12T12:00:00.000Z'; // 20:00 local on the 12th
    const midnight = '2026-03-12T16:00:00.000Z'; // 00:00 local on the 13th: outside
    expect(changeKeys(obligations(incident({ figureChanges: [daySeven, midnight] })))).toEqual([
      `followup_change:${daySeven}`,
    ]);
    expect(
      byKey(obligations(incident({ figureChanges: [daySeven] })), `followup_change:${daySeven}`)?.dueAt,
    ).toBe('2026-03-12T16:00:00.000Z');
    const chemicals = obligations(incident({ category: 'hazardous_chemicals', figureChanges: [midnight] }));
    expect(byKey(chemicals, `followup_change:${midnight}`)?.dueAt).toBe('2026-03-13T16:00:00.000Z');
    // 30 days: day 30 is 4 April, ending 24:00 local = 16:00Z.
    const late = ['2026-04-04T15:59:59.000Z', '2026-04-04T16:00:00.000Z'];
    expect(
      changeKeys(obligations(incident({ category: 'hazardous_chemicals', figureChanges: late }))),
    ).toEqual(['followup_change:2026-04-04T15:59:59.000Z']);
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
      grade: 'II',
      reports: [report('initial', '2026-03-04T19:10:00.000Z', 'phone')],
      figureChanges: ['2026-03-05T04:00:00.000Z'],
    }),
  );

  it('orders by due time with the 终报 last', () => {
    expect(list.map((o) => o.key)).toEqual([
      'initial_phone',
      'initial_written',
      'followup_change:2026-03-05T04:00:00.000Z',
      'followup_daily:2026-03-06T12:00',
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

  it('lists bad durations, counts, times, unknown categories and grades', () => {
    const bad = {
      name: '',
      initial: [{ applies: 'volcano', grades: ['V'], kind: 'initial_phone', within: 'PT0M' }],
      followupPerDay: { I: 2, II: 0, III: 1, IV: 1.5 },
      followupAt: ['8:00'],
      changeWindowDays: { default: 30, lava: 7, fire: -7 },
      disasterClockFrom: 'whenever',
    } as unknown as DeadlinePolicy;
    const problems = validatePolicy(bad);
    expect(problems).toHaveLength(10);
    for (const field of [
      'name',
      'initial[0].applies',
      'initial[0].grades',
      'initial[0].within',
      'followupPerDay.II',
      'followupPerDay.IV',
      'followupAt',
      'changeWindowDays.lava',
      'changeWindowDays.fire',
      'disasterClockFrom',
    ]) {
      expect(problems.some((p) => p.startsWith(`${field}:`))).toBe(true);
    }
  });
});
