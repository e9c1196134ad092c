import { NATIONAL_DEFAULT_POLICY, upgradePolicy, validatePolicy } from '@shared/domain/deadline-policy';
import { computeObligations } from '@shared/domain/deadlines';
import type {
  DeadlinePolicy,
  GradeChange,
  Obligation,
  ObligationInput,
  ReportRecord,
} from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

// Issue 14: the reporting clocks as the law counts them. Every instant below is computed by hand:
// Asia/Shanghai is UTC+8 all year; Europe/Berlin is UTC+1, UTC+2 from 02:00 on 29 March 2026.

const base = (extra: Partial<ObligationInput>): ObligationInput => ({
  category: 'industry_trade',
  grade: 'IV',
  nearMiss: false,
  occurredAt: '2026-03-01T06:00:00.000Z', // 14:00 on 1 March, Shanghai
  receivedAt: '2026-03-01T06:10:00.000Z',
  figureChanges: [],
  reports: [],
  closedAt: null,
  zone: 'Asia/Shanghai',
  ...extra,
});
let n = 0;
const sent = (kind: ReportRecord['kind'], sentAt: string, channel: ReportRecord['channel'] = 'written') => ({
  number: ++n,
  kind,
  channel,
  sentAt,
});
const compute = (input: ObligationInput, policy: DeadlinePolicy = NATIONAL_DEFAULT_POLICY) =>
  computeObligations(input, policy);
const byKey = (list: Obligation[], key: string) => list.find((o) => o.key === key);
const ofKind = (list: Obligation[], kind: Obligation['kind']) =>
  list.filter((o) => o.kind === kind).map((o) => [o.key, o.dueAt, o.doneAt, o.late]);

describe('补报 window: "自事故发生之日起30日内" in calendar days', () => {
  it('accident 03-01 14:00, casualty change 03-31 20:00 → a 续报 due by 24:00 that day', () => {
    // Day 1 is 2 March, day 30 is 31 March; 20:00 local = 12:00Z, 24:00 local = 16:00Z.
    const list = compute(base({ figureChanges: ['2026-03-31T12:00:00.000Z'] }));
    expect(ofKind(list, 'followup_change')).toEqual([
      ['followup_change:2026-03-31T12:00:00.000Z', '2026-03-31T16:00:00.000Z', null, false],
    ]);
  });

  it('road accident 03-01 14:00: change 03-08 20:00 → due; change 04-01 00:30 → none', () => {
    const road = (change: string) => compute(base({ category: 'road_traffic', figureChanges: [change] }));
    // 7 days: day 7 is 8 March, ending 24:00 local (16:00Z).
    expect(ofKind(road('2026-03-08T12:00:00.000Z'), 'followup_change')).toEqual([
      ['followup_change:2026-03-08T12:00:00.000Z', '2026-03-08T16:00:00.000Z', null, false],
    ]);
    // 00:30 on 1 April local = 16:30Z on 31 March: past both the 7- and the 30-day window.
    expect(ofKind(road('2026-03-31T16:30:00.000Z'), 'followup_change')).toEqual([]);
    expect(ofKind(compute(base({ figureChanges: ['2026-03-31T16:30:00.000Z'] })), 'followup_change')).toEqual(
      [],
    );
  });

  it('is exact at 24:00: a change at 23:59:59 of day 30 counts, one at 00:00 of day 31 does not', () => {
    const list = compute(base({ figureChanges: ['2026-03-31T15:59:59.000Z', '2026-03-31T16:00:00.000Z'] }));
    expect(list.filter((o) => o.kind === 'followup_change').map((o) => o.key)).toEqual([
      'followup_change:2026-03-31T15:59:59.000Z',
    ]);
  });

  it('does not count the day of the accident even when it happened at 00:00 or 23:59', () => {
    // Occurred 23:59 local on 1 March (15:59Z): the 7th day is still 8 March.
    const late = base({ category: 'fire', occurredAt: '2026-03-01T15:59:00.000Z' });
    const keys = (changes: string[]) =>
      compute({ ...late, figureChanges: changes })
        .filter((o) => o.kind === 'followup_change')
        .map((o) => o.key);
    expect(keys(['2026-03-08T15:59:59.000Z', '2026-03-08T16:00:00.000Z'])).toEqual([
      'followup_change:2026-03-08T15:59:59.000Z',
    ]);
    // Occurred 00:00 local on 1 March (16:00Z on 28 Feb): same window.
    const early = base({ category: 'fire', occurredAt: '2026-02-28T16:00:00.000Z' });
    expect(
      compute({ ...early, figureChanges: ['2026-03-08T15:59:59.000Z', '2026-03-08T16:00:00.000Z'] })
        .filter((o) => o.kind === 'followup_change')
        .map((o) => o.key),
    ).toEqual(['followup_change:2026-03-08T15:59:59.000Z']);
  });

  it('a 续报 at 24:00 exactly is on time for a change that day', () => {
    const change = '2026-03-31T12:00:00.000Z';
    const at = (sentAt: string) =>
      byKey(
        compute(base({ figureChanges: [change], reports: [sent('followup', sentAt)] })),
        `followup_change:${change}`,
      );
    expect(at('2026-03-31T16:00:00.000Z')).toMatchObject({ late: false, doneAt: '2026-03-31T16:00:00.000Z' });
    expect(at('2026-03-31T16:00:00.001Z')).toMatchObject({ late: true });
  });

  it('counts in the bureau zone across a DST change (Europe/Berlin)', () => {
    // Road accident 14:00 CET on 22 March (13:00Z): day 7 is 29 March, the day clocks go forward; it
    // ends 24:00 CEST = 22:00Z (a 7 × 24 h count would end at 13:00Z on the 29th).
    const berlin = base({
      category: 'road_traffic',
      occurredAt: '2026-03-22T13:00:00.000Z',
      receivedAt: '2026-03-22T13:10:00.000Z',
      zone: 'Europe/Berlin',
      figureChanges: ['2026-03-29T21:30:00.000Z', '2026-03-29T22:00:00.000Z'],
    });
    expect(ofKind(compute(berlin), 'followup_change')).toEqual([
      ['followup_change:2026-03-29T21:30:00.000Z', '2026-03-29T22:00:00.000Z', null, false],
    ]);
  });
});

describe('续报 per local calendar day', () => {
  it('一般: 首报 day 1 09:00, 续报 day 2 23:00 → on time', () => {
    const list = compute(
      base({
        reports: [
          sent('initial', '2026-03-01T01:00:00.000Z'), // 09:00 on 1 March
          sent('followup', '2026-03-02T15:00:00.000Z'), // 23:00 on 2 March
        ],
      }),
    );
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T24:00', '2026-03-02T16:00:00.000Z', '2026-03-02T15:00:00.000Z', false],
      ['followup_daily:2026-03-03T24:00', '2026-03-03T16:00:00.000Z', null, false],
    ]);
  });

  it('a day with no 续报 is late, met by the next one', () => {
    const list = compute(
      base({
        reports: [
          sent('initial', '2026-03-01T01:00:00.000Z'),
          sent('followup', '2026-03-03T02:00:00.000Z'), // 10:00 on 3 March: nothing on the 2nd
        ],
      }),
    );
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T24:00', '2026-03-02T16:00:00.000Z', '2026-03-03T02:00:00.000Z', true],
      ['followup_daily:2026-03-03T24:00', '2026-03-03T16:00:00.000Z', '2026-03-03T02:00:00.000Z', false],
      ['followup_daily:2026-03-04T24:00', '2026-03-04T16:00:00.000Z', null, false],
    ]);
  });

  it('splits the local day at 12:00 for twice a day, in the zone across a DST change', () => {
    // 重大 in Berlin: 首报 10:00 CET on 28 March (09:00Z). On 29 March 12:00 CEST = 10:00Z, 24:00 = 22:00Z.
    const list = compute(
      base({
        grade: 'II',
        zone: 'Europe/Berlin',
        occurredAt: '2026-03-28T08:00:00.000Z',
        receivedAt: '2026-03-28T08:30:00.000Z',
        reports: [
          sent('initial', '2026-03-28T09:00:00.000Z'),
          sent('followup', '2026-03-28T23:30:00.000Z'), // 00:30 CET on the 29th: the 29th's first part
          sent('followup', '2026-03-29T10:00:01.000Z'), // 12:00:01 CEST: the second part
        ],
      }),
    );
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-29T12:00', '2026-03-29T10:00:00.000Z', '2026-03-28T23:30:00.000Z', false],
      ['followup_daily:2026-03-29T24:00', '2026-03-29T22:00:00.000Z', '2026-03-29T10:00:01.000Z', false],
      ['followup_daily:2026-03-30T12:00', '2026-03-30T10:00:00.000Z', null, false],
    ]);
  });

  it('fixed times (a provincial profile, 08:00 and 17:00): one 续报 before each', () => {
    const policy: DeadlinePolicy = { ...NATIONAL_DEFAULT_POLICY, followupAt: ['17:00', '08:00'] };
    expect(validatePolicy(policy)).toEqual([]);
    const list = compute(
      base({
        grade: 'II',
        reports: [
          sent('initial', '2026-03-01T01:00:00.000Z'), // 09:00 on 1 March
          sent('followup', '2026-03-01T12:00:00.000Z'), // 20:00 on 1 March: after that day's 17:00
          sent('followup', '2026-03-02T09:00:00.000Z'), // 17:00 on 2 March exactly
        ],
      }),
      policy,
    );
    // 08:00 on 2 March = 00:00Z; 17:00 = 09:00Z; 08:00 on 3 March = 00:00Z on the 3rd.
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T08:00', '2026-03-02T00:00:00.000Z', '2026-03-01T12:00:00.000Z', false],
      ['followup_daily:2026-03-02T17:00', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', false],
      ['followup_daily:2026-03-03T08:00', '2026-03-03T00:00:00.000Z', null, false],
    ]);
  });
});

describe('fixed times for some grades only (Henan: 较大 and above)', () => {
  const policy: DeadlinePolicy = {
    ...NATIONAL_DEFAULT_POLICY,
    followupAt: ['08:00', '17:00'],
    followupAtGrades: ['I', 'II', 'III'],
  };
  const reports = [sent('initial', '2026-03-01T01:00:00.000Z')]; // 09:00 on 1 March

  it('一般: one 续报 by 24:00 of the next day, not the fixed times', () => {
    expect(validatePolicy(policy)).toEqual([]);
    const list = compute(base({ grade: 'IV', reports }), policy);
    // 24:00 on 2 March = 16:00Z.
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T24:00', '2026-03-02T16:00:00.000Z', null, false],
    ]);
  });

  it('较大: the first fixed time of the next day', () => {
    const list = compute(base({ grade: 'III', reports }), policy);
    // 08:00 on 2 March = 00:00Z.
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T08:00', '2026-03-02T00:00:00.000Z', null, false],
    ]);
  });

  it('refuses a grade that is not one', () => {
    expect(validatePolicy({ ...policy, followupAtGrades: ['V' as 'I'] })).toEqual([
      'followupAtGrades: a list of grades I, II, III, IV',
    ]);
  });
});

describe('national 首报 rules and the clock of natural disasters', () => {
  // Received 10:00 local on 1 March = 02:00Z.
  const at10 = (grade: ObligationInput['grade']) =>
    compute(base({ grade, occurredAt: '2026-03-01T01:40:00.000Z', receivedAt: '2026-03-01T02:00:00.000Z' }));

  it('较大 received 10:00 → written due 12:00 and no phone obligation', () => {
    const list = at10('III');
    expect(byKey(list, 'initial_phone')).toBeUndefined();
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-01T04:00:00.000Z');
  });

  it('重大 received 10:00 → phone due 10:30, written due 11:00', () => {
    const list = at10('II');
    expect(byKey(list, 'initial_phone')?.dueAt).toBe('2026-03-01T02:30:00.000Z');
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-01T03:00:00.000Z');
  });

  it('a flood that happened at 10:00, received 11:30 → first report due 12:00', () => {
    const flood = base({
      category: 'flood',
      grade: null,
      occurredAt: '2026-03-01T02:00:00.000Z',
      receivedAt: '2026-03-01T03:30:00.000Z',
    });
    expect(byKey(compute(flood), 'initial_written')?.dueAt).toBe('2026-03-01T04:00:00.000Z');
    // A profile clocking disasters from receipt: 13:30.
    const fromReceipt = { ...NATIONAL_DEFAULT_POLICY, disasterClockFrom: 'received' as const };
    expect(byKey(compute(flood, fromReceipt), 'initial_written')?.dueAt).toBe('2026-03-01T05:30:00.000Z');
    // An accident stays clocked from receipt: 11:30 + 2 h.
    expect(byKey(compute({ ...flood, category: 'industry_trade' }), 'initial_written')?.dueAt).toBe(
      '2026-03-01T05:30:00.000Z',
    );
  });
});

describe('a regrade is not retroactive', () => {
  // 一般 received 10:00 local (02:00Z).
  const received = '2026-03-01T02:00:00.000Z';
  const history = (...changes: [string, GradeChange['grade']][]): GradeChange[] => [
    { at: received, grade: 'IV', nearMiss: false },
    ...changes.map(([at, grade]) => ({ at, grade, nearMiss: false })),
  ];
  const regraded = (grades: GradeChange[], reports: ReportRecord[] = []) =>
    compute(
      base({
        occurredAt: '2026-03-01T01:30:00.000Z',
        receivedAt: received,
        grade: grades[grades.length - 1]!.grade,
        grades,
        reports,
      }),
    );

  it('keeps an on-time 首报 on time after the grade rises to 重大 (no phone obligation it never had)', () => {
    const first = sent('initial', '2026-03-01T03:00:00.000Z'); // 11:00, written: due 12:00 as 一般
    const list = regraded(history(['2026-03-01T06:00:00.000Z', 'II']), [first]); // 14:00: now 重大
    expect(byKey(list, 'initial_phone')).toBeUndefined();
    expect(byKey(list, 'initial_written')).toMatchObject({
      dueAt: '2026-03-01T04:00:00.000Z',
      doneAt: '2026-03-01T03:00:00.000Z',
      late: false,
    });
    // The regrade itself: a 续报 due by 24:00 that day; from the next day 重大's twice a day.
    expect(ofKind(list, 'followup_change')).toEqual([
      ['followup_change:2026-03-01T06:00:00.000Z', '2026-03-01T16:00:00.000Z', null, false],
    ]);
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T12:00', '2026-03-02T04:00:00.000Z', null, false],
    ]);
    // Judged by today's grade alone, the same 首报 would be late against 重大's 30 min phone rule.
    const retroactive = compute(
      base({ occurredAt: '2026-03-01T01:30:00.000Z', receivedAt: received, grade: 'II', reports: [first] }),
    );
    expect(byKey(retroactive, 'initial_phone')?.late).toBe(true);
  });

  it('a rise before the 首报 runs the higher grade’s rules from the change', () => {
    // Rises to 重大 at 10:20: phone by 10:50, written by 11:20 (not 11:00, counted from receipt).
    const list = regraded(history(['2026-03-01T02:20:00.000Z', 'II']));
    expect(byKey(list, 'initial_phone')?.dueAt).toBe('2026-03-01T02:50:00.000Z');
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-01T03:20:00.000Z');
  });

  it('a rise at 11:59 never pushes the written deadline past 12:00', () => {
    const list = regraded(history(['2026-03-01T03:59:00.000Z', 'I']));
    expect(byKey(list, 'initial_phone')?.dueAt).toBe('2026-03-01T04:29:00.000Z');
    expect(byKey(list, 'initial_written')?.dueAt).toBe('2026-03-01T04:00:00.000Z');
  });

  it('figures falling back before the phone deadline drop it; after it, the missed call stays owed', () => {
    // Up to 重大 at 10:20, back to 一般 at 10:40: the phone call (due 10:50) is no longer owed, the
    // written 首报 is 一般's again, 12:00.
    const fallsEarly = regraded(
      history(['2026-03-01T02:20:00.000Z', 'II'], ['2026-03-01T02:40:00.000Z', 'IV']),
    );
    expect(byKey(fallsEarly, 'initial_phone')).toBeUndefined();
    expect(byKey(fallsEarly, 'initial_written')?.dueAt).toBe('2026-03-01T04:00:00.000Z');
    // Back to 一般 only at 11:00: the phone deadline (10:50) had passed and keeps its rule.
    const fallsLate = regraded(
      history(['2026-03-01T02:20:00.000Z', 'II'], ['2026-03-01T03:00:00.000Z', 'IV']),
    );
    expect(byKey(fallsLate, 'initial_phone')).toMatchObject({
      dueAt: '2026-03-01T02:50:00.000Z',
      doneAt: null,
    });
    expect(byKey(fallsLate, 'initial_written')?.dueAt).toBe('2026-03-01T04:00:00.000Z');
    expect(ofKind(fallsLate, 'followup_change').map(([key]) => key)).toEqual([
      'followup_change:2026-03-01T02:20:00.000Z',
      'followup_change:2026-03-01T03:00:00.000Z',
    ]);
  });

  it('counts a day’s 续报 by the grade in force when the day began', () => {
    // 首报 11:00 on 1 March; 重大 from 15:00 on 2 March: the 2nd stays once a day, the 3rd twice.
    const list = regraded(history(['2026-03-02T07:00:00.000Z', 'II']), [
      sent('initial', '2026-03-01T03:00:00.000Z'),
      sent('followup', '2026-03-02T07:00:00.000Z'),
    ]);
    expect(ofKind(list, 'followup_daily')).toEqual([
      ['followup_daily:2026-03-02T24:00', '2026-03-02T16:00:00.000Z', '2026-03-02T07:00:00.000Z', false],
      ['followup_daily:2026-03-03T12:00', '2026-03-03T04:00:00.000Z', null, false],
    ]);
  });
});

describe('a stored policy of the old shape', () => {
  it('is read as the new one: intervals as counts a day, windows as days (a part day counts whole)', () => {
    const old = {
      name: '某省',
      initial: NATIONAL_DEFAULT_POLICY.initial,
      followupEvery: { I: 'PT8H', II: 'PT12H', III: 'P1D', IV: 'P2D' },
      changeWindow: { default: 'P30D', road_traffic: 'P7D', fire: 'P7D', flood: 'PT36H' },
    };
    const upgraded = upgradePolicy(old);
    expect(upgraded).toEqual({
      name: '某省',
      initial: NATIONAL_DEFAULT_POLICY.initial,
      followupPerDay: { I: 3, II: 2, III: 1, IV: 1 },
      changeWindowDays: { default: 30, road_traffic: 7, fire: 7, flood: 2 },
      disasterClockFrom: 'occurred',
      // Natural disasters' clocks: the defaults, filled in (DESIGN §2.6).
      disasters: {
        initialHours: 2,
        severeDeadMissing: 10,
        followupChangeHours: 2,
        dailyAt: '09:00',
        townshipDailyAt: '08:00',
        townshipVerifyWorkingDays: 2,
        districtVerifyWorkingDays: 3,
        droughtFollowupDays: 10,
      },
    });
    expect(validatePolicy(upgraded)).toEqual([]);
    expect(upgradePolicy(NATIONAL_DEFAULT_POLICY)).toBe(NATIONAL_DEFAULT_POLICY);
  });
});
