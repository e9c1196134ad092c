import {
  type DisasterClockInput,
  disasterObligations,
  dueLocalText,
  onTimeOf,
} from '@shared/domain/disaster-clocks';
import type { DisasterClockValues } from '@shared/domain/disasters';
import { SHIPPED_CALENDAR } from '@shared/domain/official-calendar';
import { describe, expect, it } from 'vitest';

// The profile values of DESIGN §2.6, written out (not read from the code under test).
const VALUES: DisasterClockValues = {
  initialHours: 2,
  severeDeadMissing: 10,
  followupChangeHours: 2,
  dailyAt: '09:00',
  townshipDailyAt: '08:00',
  townshipVerifyWorkingDays: 2,
  districtVerifyWorkingDays: 3,
  droughtFollowupDays: 10,
};

// A flood that began at 10:00 Shanghai (02:00Z) on Friday 10 July 2026, in townships 2 and 3.
const flood = (over: Partial<DisasterClockInput> = {}): DisasterClockInput => ({
  type: 'flood',
  beganAt: '2026-07-10T02:00:00.000Z',
  townships: [2, 3],
  severeSince: null,
  majorSince: null,
  stableAt: null,
  closedAt: null,
  figureChanges: [],
  reports: [],
  filings: [],
  now: '2026-07-10T02:40:00.000Z',
  zone: 'Asia/Shanghai',
  ...over,
});
const run = (input: DisasterClockInput, values = VALUES) =>
  disasterObligations(input, values, SHIPPED_CALENDAR);
const dues = (input: DisasterClockInput, kind?: string) =>
  run(input)
    .filter((o) => !kind || o.kind === kind)
    .map((o) => [o.key, o.dueAt]);

describe('初报 (DESIGN §2.6): within 2 h of when it began', () => {
  it('12 dead or missing by 10:30: to the city, the province and the ministry, all due 12:00', () => {
    expect(
      dues(
        flood({ severeSince: '2026-07-10T02:30:00.000Z', majorSince: '2026-07-10T02:30:00.000Z' }),
        'initial',
      ),
    ).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z'],
      ['initial:province', '2026-07-10T04:00:00.000Z'],
      ['initial:ministry', '2026-07-10T04:00:00.000Z'],
    ]);
  });

  it('9 dead or missing (not severe): to the city only', () => {
    expect(dues(flood(), 'initial')).toEqual([['initial:city', '2026-07-10T04:00:00.000Z']]);
  });

  it('severe from 13:00 (after the 初报 window): the province and the ministry due 15:00, the city still 12:00', () => {
    expect(
      dues(flood({ severeSince: '2026-07-10T05:00:00.000Z', now: '2026-07-10T05:10:00.000Z' }), 'initial'),
    ).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z'],
      ['initial:province', '2026-07-10T07:00:00.000Z'],
      ['initial:ministry', '2026-07-10T07:00:00.000Z'],
    ]);
  });

  it('is met by an initial report to that recipient; exactly at the deadline is on time', () => {
    const list = run(
      flood({
        reports: [
          {
            kind: 'initial',
            recipient: 'city',
            forDate: null,
            sentAt: '2026-07-10T04:00:00.000Z',
            ref: 'report:1',
          },
          { kind: 'initial', recipient: 'province', forDate: null, sentAt: '2026-07-10T04:00:01.000Z' },
        ],
        severeSince: '2026-07-10T02:00:00.000Z',
      }),
    ).filter((o) => o.kind === 'initial');
    expect(list.map((o) => [o.key, o.doneAt, o.doneRef, onTimeOf(o.dueAt, o.doneAt)])).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z', 'report:1', true],
      ['initial:province', '2026-07-10T04:00:01.000Z', null, false],
      ['initial:ministry', null, null, null],
    ]);
  });

  it('counts from when it began in another zone: 10:00 in New York (EDT, 14:00Z) → due 16:00Z', () => {
    expect(
      dues(
        flood({
          zone: 'America/New_York',
          beganAt: '2026-07-10T14:00:00.000Z',
          now: '2026-07-10T14:30:00.000Z',
        }),
        'initial',
      ),
    ).toEqual([['initial:city', '2026-07-10T16:00:00.000Z']]);
  });
});

describe('续报 when the figures change', () => {
  it('a change at 13:20 owes a 续报 by 15:20; a change inside the 初报 window owes none', () => {
    const input = flood({
      figureChanges: ['2026-07-10T03:00:00.000Z', '2026-07-10T05:20:00.000Z'],
      now: '2026-07-10T06:00:00.000Z',
    });
    expect(dues(input, 'followup_change')).toEqual([
      ['followup_change:2026-07-10T05:20:00.000Z', '2026-07-10T07:20:00.000Z'],
    ]);
  });

  it('is met by a 续报 or zero report to the city sent at or after the change, not before', () => {
    const input = flood({
      figureChanges: ['2026-07-10T05:20:00.000Z'],
      reports: [
        { kind: 'followup', recipient: 'city', forDate: null, sentAt: '2026-07-10T05:00:00.000Z' },
        { kind: 'followup', recipient: 'province', forDate: null, sentAt: '2026-07-10T05:30:00.000Z' },
        { kind: 'followup', recipient: 'city', forDate: null, sentAt: '2026-07-10T07:30:00.000Z' },
      ],
      now: '2026-07-10T08:00:00.000Z',
    });
    const [o] = run(input).filter((x) => x.kind === 'followup_change');
    expect([o?.doneAt, onTimeOf(o?.dueAt ?? '', o?.doneAt ?? null)]).toEqual([
      '2026-07-10T07:30:00.000Z',
      false,
    ]);
  });
});

describe('the 24-hour zero report while a major disaster is not stable', () => {
  // Major from when it began; on day 3 (Sunday 12 July) at 09:30 Shanghai (01:30Z).
  const major = (over: Partial<DisasterClockInput> = {}) =>
    flood({ majorSince: '2026-07-10T02:00:00.000Z', now: '2026-07-12T01:30:00.000Z', ...over });

  it('is owed each day after the day it began: the district by 09:00, each township by 08:00, up to a day ahead', () => {
    expect(dues(major(), 'daily')).toEqual([
      ['daily:2026-07-11', '2026-07-11T01:00:00.000Z'],
      ['daily:2026-07-12', '2026-07-12T01:00:00.000Z'],
      ['daily:2026-07-13', '2026-07-13T01:00:00.000Z'],
    ]);
    expect(dues(major(), 'township_daily')).toEqual([
      ['township_daily:2:2026-07-11', '2026-07-11T00:00:00.000Z'],
      ['township_daily:3:2026-07-11', '2026-07-11T00:00:00.000Z'],
      ['township_daily:2:2026-07-12', '2026-07-12T00:00:00.000Z'],
      ['township_daily:3:2026-07-12', '2026-07-12T00:00:00.000Z'],
      ['township_daily:2:2026-07-13', '2026-07-13T00:00:00.000Z'],
      ['township_daily:3:2026-07-13', '2026-07-13T00:00:00.000Z'],
    ]);
  });

  it('day 3: the district report sent at 09:05 is late, at 09:00 exactly on time; a township at 08:05 late', () => {
    const late = run(
      major({
        reports: [
          { kind: 'daily', recipient: 'city', forDate: '2026-07-12', sentAt: '2026-07-12T01:05:00.000Z' },
        ],
        filings: [
          { unitId: 2, kind: 'daily', forDate: '2026-07-12', filedAt: '2026-07-12T00:00:00.000Z' },
          { unitId: 3, kind: 'daily', forDate: '2026-07-12', filedAt: '2026-07-12T00:05:00.000Z' },
        ],
      }),
    );
    const judged = (list: typeof late) =>
      list.filter((o) => o.key.endsWith('2026-07-12')).map((o) => [o.key, onTimeOf(o.dueAt, o.doneAt)]);
    expect(judged(late)).toEqual([
      ['daily:2026-07-12', false],
      ['township_daily:2:2026-07-12', true],
      ['township_daily:3:2026-07-12', false],
    ]);
    const onTime = run(
      major({
        reports: [
          { kind: 'daily', recipient: 'city', forDate: '2026-07-12', sentAt: '2026-07-12T01:00:00.000Z' },
        ],
      }),
    );
    expect(judged(onTime)[0]).toEqual(['daily:2026-07-12', true]);
  });

  it('a report for another day does not meet it', () => {
    const list = run(
      major({
        reports: [
          { kind: 'daily', recipient: 'city', forDate: '2026-07-11', sentAt: '2026-07-12T00:30:00.000Z' },
        ],
      }),
    );
    expect(list.find((o) => o.key === 'daily:2026-07-12')?.doneAt).toBeNull();
  });

  it('starts with the first 09:00 after it became major, and stops when it is stable', () => {
    // Major from 09:30 on 11 July; stable at 11:00 on 13 July; now 14 July.
    const input = major({
      majorSince: '2026-07-11T01:30:00.000Z',
      stableAt: '2026-07-13T03:00:00.000Z',
      now: '2026-07-14T02:00:00.000Z',
    });
    expect(dues(input, 'daily')).toEqual([
      ['daily:2026-07-12', '2026-07-12T01:00:00.000Z'],
      ['daily:2026-07-13', '2026-07-13T01:00:00.000Z'],
    ]);
  });

  it('is not owed by a disaster that is not major', () => {
    expect(dues(flood({ now: '2026-07-13T00:00:00.000Z' }), 'daily')).toEqual([]);
  });

  it('runs on the local clock of another zone: Berlin 09:00 CEST is 07:00Z', () => {
    const input = flood({
      zone: 'Europe/Berlin',
      beganAt: '2026-07-10T08:00:00.000Z',
      majorSince: '2026-07-10T08:00:00.000Z',
      townships: [2],
      now: '2026-07-10T12:00:00.000Z',
    });
    expect(dues(input).filter(([k]) => k?.includes('daily'))).toEqual([
      ['daily:2026-07-11', '2026-07-11T07:00:00.000Z'],
      ['township_daily:2:2026-07-11', '2026-07-11T06:00:00.000Z'],
    ]);
  });
});

describe('drought: 初报, 续报 every 10 days, 核报 after it ends', () => {
  // Began 08:00 Shanghai on 1 June 2026 (00:00Z).
  const drought = (over: Partial<DisasterClockInput> = {}) =>
    flood({
      type: 'drought',
      beganAt: '2026-06-01T00:00:00.000Z',
      majorSince: '2026-06-01T00:00:00.000Z',
      now: '2026-06-11T02:00:00.000Z',
      ...over,
    });

  it('初报 on day 0, 续报 due on days 10 and 20, no zero reports', () => {
    expect(dues(drought())).toEqual([
      ['initial:city', '2026-06-01T02:00:00.000Z'],
      ['periodic:1', '2026-06-11T00:00:00.000Z'],
      ['periodic:2', '2026-06-21T00:00:00.000Z'],
    ]);
  });

  it('on day 0 shows the first 续报 ahead', () => {
    expect(dues(drought({ now: '2026-06-01T01:00:00.000Z' }), 'periodic')).toEqual([
      ['periodic:1', '2026-06-11T00:00:00.000Z'],
    ]);
  });

  it('each 续报 meets the next period: day 5 on time for day 10, day 22 late for day 20', () => {
    const list = run(
      drought({
        now: '2026-06-23T00:00:00.000Z',
        reports: [
          { kind: 'followup', recipient: 'city', forDate: null, sentAt: '2026-06-06T00:00:00.000Z' },
          { kind: 'followup', recipient: 'city', forDate: null, sentAt: '2026-06-23T00:00:00.000Z' },
        ],
      }),
    ).filter((o) => o.kind === 'periodic');
    expect(list.map((o) => [o.key, o.dueAt, o.doneAt, onTimeOf(o.dueAt, o.doneAt)])).toEqual([
      ['periodic:1', '2026-06-11T00:00:00.000Z', '2026-06-06T00:00:00.000Z', true],
      ['periodic:2', '2026-06-21T00:00:00.000Z', '2026-06-23T00:00:00.000Z', false],
      ['periodic:3', '2026-07-01T00:00:00.000Z', null, null],
    ]);
  });

  it('keeps the local clock time across a DST change (Berlin, 10:00 CEST → 10:00 CET)', () => {
    const input = drought({
      zone: 'Europe/Berlin',
      beganAt: '2026-10-20T08:00:00.000Z',
      majorSince: null,
      now: '2026-10-31T00:00:00.000Z',
    });
    expect(dues(input, 'periodic')).toEqual([
      ['periodic:1', '2026-10-30T09:00:00.000Z'],
      ['periodic:2', '2026-11-09T09:00:00.000Z'],
    ]);
  });

  it('stops when it ends and owes 核报', () => {
    // Ended 10:00 Shanghai on Monday 15 June (02:00Z): no 续报 after; 核报 2 + 3 working days.
    const input = drought({ stableAt: '2026-06-15T02:00:00.000Z', now: '2026-07-01T00:00:00.000Z' });
    // 16 (Tue) 17 (Wed) → townships by 17 June 24:00; 18 (Thu) 19 (Fri, 端午 is 19–21 June: holiday),
    // 22 (Mon) 23 (Tue) → the district by 23 June 24:00.
    expect(dues(input).filter(([k]) => !k?.startsWith('initial'))).toEqual([
      ['periodic:1', '2026-06-11T00:00:00.000Z'],
      ['township_verify:2', '2026-06-17T16:00:00.000Z'],
      ['township_verify:3', '2026-06-17T16:00:00.000Z'],
      ['verify', '2026-06-23T16:00:00.000Z'],
    ]);
  });
});

describe('核报 in working days of the official calendar', () => {
  it('stable on Thursday 30 April 2026, before 劳动节 (1–5 May; 9 May a make-up workday)', () => {
    // Townships: 1–5 May holiday, 6 May (1), 7 May (2) → 7 May 24:00.
    // District: 8 May (1), Saturday 9 May make-up (2), Sunday 10 off, 11 May (3) → 11 May 24:00.
    const list = run(
      flood({ stableAt: '2026-04-30T02:00:00.000Z', beganAt: '2026-04-28T02:00:00.000Z' }),
    ).filter((o) => o.kind.endsWith('verify'));
    expect(list.map((o) => [o.key, o.dueAt, dueLocalText(o.dueAt, 'Asia/Shanghai')])).toEqual([
      ['township_verify:2', '2026-05-07T16:00:00.000Z', '2026-05-07 24:00'],
      ['township_verify:3', '2026-05-07T16:00:00.000Z', '2026-05-07 24:00'],
      ['verify', '2026-05-11T16:00:00.000Z', '2026-05-11 24:00'],
    ]);
  });

  it('stable on Thursday 12 February 2026, before 春节 (15–23 Feb; 14 Feb a make-up workday)', () => {
    // Townships: 13 Feb (1), Saturday 14 Feb make-up (2) → 14 Feb 24:00.
    // District: 15–23 Feb holiday, 24 (1), 25 (2), 26 (3) → 26 Feb 24:00.
    const list = run(
      flood({ stableAt: '2026-02-12T07:00:00.000Z', beganAt: '2026-02-10T02:00:00.000Z' }),
    ).filter((o) => o.kind.endsWith('verify'));
    expect(list.map((o) => [o.key, o.dueAt])).toEqual([
      ['township_verify:2', '2026-02-14T16:00:00.000Z'],
      ['township_verify:3', '2026-02-14T16:00:00.000Z'],
      ['verify', '2026-02-26T16:00:00.000Z'],
    ]);
  });

  it('stable on Thursday 24 September 2026, before 中秋 and 国庆', () => {
    // Townships: 25–27 Sep holiday, 28 (1), 29 (2) → 29 Sep 24:00.
    // District: 30 Sep (1), 1–7 Oct holiday, 8 Oct (2), 9 Oct (3) → 9 Oct 24:00.
    const list = run(
      flood({ stableAt: '2026-09-24T02:00:00.000Z', beganAt: '2026-09-22T02:00:00.000Z', townships: [2] }),
    ).filter((o) => o.kind.endsWith('verify'));
    expect(list.map((o) => [o.key, o.dueAt])).toEqual([
      ['township_verify:2', '2026-09-29T16:00:00.000Z'],
      ['verify', '2026-10-09T16:00:00.000Z'],
    ]);
  });

  it('ends at 24:00 local of another zone: Berlin, stable 30 April 10:00 CEST → townships by 8 May 00:00 CEST', () => {
    const list = run(
      flood({
        zone: 'Europe/Berlin',
        townships: [2],
        beganAt: '2026-04-28T08:00:00.000Z',
        stableAt: '2026-04-30T08:00:00.000Z',
      }),
    ).filter((o) => o.kind.endsWith('verify'));
    expect(list.map((o) => [o.key, o.dueAt, dueLocalText(o.dueAt, 'Europe/Berlin')])).toEqual([
      ['township_verify:2', '2026-05-07T22:00:00.000Z', '2026-05-07 24:00'],
      ['verify', '2026-05-11T22:00:00.000Z', '2026-05-11 24:00'],
    ]);
  });

  it('is met by the township verified filing and the district verify report to the city', () => {
    const list = run(
      flood({
        stableAt: '2026-04-30T02:00:00.000Z',
        beganAt: '2026-04-28T02:00:00.000Z',
        filings: [
          {
            unitId: 2,
            kind: 'verified',
            forDate: null,
            filedAt: '2026-05-07T15:59:00.000Z',
            ref: 'filing:9',
          },
        ],
        reports: [{ kind: 'verify', recipient: 'city', forDate: null, sentAt: '2026-05-11T16:00:00.000Z' }],
      }),
    ).filter((o) => o.kind.endsWith('verify'));
    expect(list.map((o) => [o.key, o.doneRef, onTimeOf(o.dueAt, o.doneAt)])).toEqual([
      ['township_verify:2', 'filing:9', true],
      ['township_verify:3', null, null],
      ['verify', null, true],
    ]);
  });
});
