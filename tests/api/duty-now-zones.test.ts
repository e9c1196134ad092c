import type { DutySettings } from '@shared/schemas/settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';

/**
 * Strengthened duty belongs to the duty day (hand-over to hand-over, in the bureau's zone), not to
 * the UTC date of the instant asked about. Every instant below is hand-converted from the local
 * wall clock written beside it; `duty` is the duty day that instant falls in, `strong` whether that
 * duty day is inside the period (2 officers required instead of 1).
 */
interface Probe {
  /** The instant, UTC, and its local wall-clock time for the reader. */
  at: string;
  local: string;
  duty: string;
  strong: boolean;
}

interface Scenario {
  zone: string;
  handover: string;
  period: { fromDate: string; toDate: string };
  probes: Probe[];
}

const no = false;
const yes = true;

const SCENARIOS: Scenario[] = [
  {
    // UTC+8 all year: 08:30 local is 00:30 UTC, so 08:00–08:30 local is already the next UTC date.
    zone: 'Asia/Shanghai',
    handover: '08:30',
    period: { fromDate: '2026-01-01', toDate: '2026-01-03' },
    probes: [
      { at: '2026-01-01T00:29:00.000Z', local: '01-01 08:29', duty: '2025-12-31', strong: no },
      { at: '2026-01-01T00:30:00.000Z', local: '01-01 08:30', duty: '2026-01-01', strong: yes },
      { at: '2026-01-01T00:31:00.000Z', local: '01-01 08:31', duty: '2026-01-01', strong: yes },
      { at: '2026-01-04T00:00:00.000Z', local: '01-04 08:00', duty: '2026-01-03', strong: yes },
      { at: '2026-01-04T00:29:00.000Z', local: '01-04 08:29', duty: '2026-01-03', strong: yes },
      { at: '2026-01-04T00:30:00.000Z', local: '01-04 08:30', duty: '2026-01-04', strong: no },
      { at: '2026-01-04T00:31:00.000Z', local: '01-04 08:31', duty: '2026-01-04', strong: no },
    ],
  },
  {
    // 07:00 local is 23:00 UTC of the day before: the period's first hour is on the previous UTC date.
    zone: 'Asia/Shanghai',
    handover: '07:00',
    period: { fromDate: '2026-01-01', toDate: '2026-01-03' },
    probes: [
      { at: '2025-12-31T22:59:00.000Z', local: '01-01 06:59', duty: '2025-12-31', strong: no },
      { at: '2025-12-31T23:00:00.000Z', local: '01-01 07:00', duty: '2026-01-01', strong: yes },
      { at: '2025-12-31T23:01:00.000Z', local: '01-01 07:01', duty: '2026-01-01', strong: yes },
      { at: '2026-01-03T22:59:00.000Z', local: '01-04 06:59', duty: '2026-01-03', strong: yes },
      { at: '2026-01-03T23:00:00.000Z', local: '01-04 07:00', duty: '2026-01-04', strong: no },
      { at: '2026-01-03T23:01:00.000Z', local: '01-04 07:01', duty: '2026-01-04', strong: no },
    ],
  },
  {
    // Midnight hand-over: the duty day is the local calendar day, 16:00 UTC to 16:00 UTC.
    zone: 'Asia/Shanghai',
    handover: '00:00',
    period: { fromDate: '2026-01-01', toDate: '2026-01-03' },
    probes: [
      { at: '2025-12-31T15:59:00.000Z', local: '12-31 23:59', duty: '2025-12-31', strong: no },
      { at: '2025-12-31T16:00:00.000Z', local: '01-01 00:00', duty: '2026-01-01', strong: yes },
      { at: '2025-12-31T16:01:00.000Z', local: '01-01 00:01', duty: '2026-01-01', strong: yes },
      { at: '2026-01-03T15:59:00.000Z', local: '01-03 23:59', duty: '2026-01-03', strong: yes },
      { at: '2026-01-03T16:00:00.000Z', local: '01-04 00:00', duty: '2026-01-04', strong: no },
      { at: '2026-01-03T16:01:00.000Z', local: '01-04 00:01', duty: '2026-01-04', strong: no },
    ],
  },
  {
    // UTC−5 in winter: the last evening of the period is already the next UTC date.
    zone: 'America/New_York',
    handover: '00:00',
    period: { fromDate: '2026-01-01', toDate: '2026-01-03' },
    probes: [
      { at: '2026-01-01T04:59:00.000Z', local: '12-31 23:59 EST', duty: '2025-12-31', strong: no },
      { at: '2026-01-01T05:00:00.000Z', local: '01-01 00:00 EST', duty: '2026-01-01', strong: yes },
      { at: '2026-01-01T05:01:00.000Z', local: '01-01 00:01 EST', duty: '2026-01-01', strong: yes },
      { at: '2026-01-04T04:59:00.000Z', local: '01-03 23:59 EST', duty: '2026-01-03', strong: yes },
      { at: '2026-01-04T05:00:00.000Z', local: '01-04 00:00 EST', duty: '2026-01-04', strong: no },
      { at: '2026-01-04T05:01:00.000Z', local: '01-04 00:01 EST', duty: '2026-01-04', strong: no },
    ],
  },
  {
    // DST begins on 8 March 2026 at 02:00 (EST −5 → EDT −4): the period starts in winter time and
    // ends in summer time, and its last duty day is 23 hours long.
    zone: 'America/New_York',
    handover: '00:00',
    period: { fromDate: '2026-03-07', toDate: '2026-03-08' },
    probes: [
      { at: '2026-03-07T04:59:00.000Z', local: '03-06 23:59 EST', duty: '2026-03-06', strong: no },
      { at: '2026-03-07T05:00:00.000Z', local: '03-07 00:00 EST', duty: '2026-03-07', strong: yes },
      { at: '2026-03-07T05:01:00.000Z', local: '03-07 00:01 EST', duty: '2026-03-07', strong: yes },
      { at: '2026-03-09T03:59:00.000Z', local: '03-08 23:59 EDT', duty: '2026-03-08', strong: yes },
      { at: '2026-03-09T04:00:00.000Z', local: '03-09 00:00 EDT', duty: '2026-03-09', strong: no },
      { at: '2026-03-09T04:01:00.000Z', local: '03-09 00:01 EDT', duty: '2026-03-09', strong: no },
    ],
  },
  {
    // The same DST change with an 08:30 hand-over: 13:30 UTC before it, 12:30 UTC after it.
    zone: 'America/New_York',
    handover: '08:30',
    period: { fromDate: '2026-03-07', toDate: '2026-03-08' },
    probes: [
      { at: '2026-03-07T13:29:00.000Z', local: '03-07 08:29 EST', duty: '2026-03-06', strong: no },
      { at: '2026-03-07T13:30:00.000Z', local: '03-07 08:30 EST', duty: '2026-03-07', strong: yes },
      { at: '2026-03-07T13:31:00.000Z', local: '03-07 08:31 EST', duty: '2026-03-07', strong: yes },
      { at: '2026-03-09T12:29:00.000Z', local: '03-09 08:29 EDT', duty: '2026-03-08', strong: yes },
      { at: '2026-03-09T12:30:00.000Z', local: '03-09 08:30 EDT', duty: '2026-03-09', strong: no },
      { at: '2026-03-09T12:31:00.000Z', local: '03-09 08:31 EDT', duty: '2026-03-09', strong: no },
    ],
  },
  {
    // Summer time ends on 25 October 2026 at 03:00 CEST (+2) → 02:00 CET (+1); 07:00 hand-over.
    zone: 'Europe/Berlin',
    handover: '07:00',
    period: { fromDate: '2026-10-24', toDate: '2026-10-25' },
    probes: [
      { at: '2026-10-24T04:59:00.000Z', local: '10-24 06:59 CEST', duty: '2026-10-23', strong: no },
      { at: '2026-10-24T05:00:00.000Z', local: '10-24 07:00 CEST', duty: '2026-10-24', strong: yes },
      { at: '2026-10-24T05:01:00.000Z', local: '10-24 07:01 CEST', duty: '2026-10-24', strong: yes },
      { at: '2026-10-26T05:59:00.000Z', local: '10-26 06:59 CET', duty: '2026-10-25', strong: yes },
      { at: '2026-10-26T06:00:00.000Z', local: '10-26 07:00 CET', duty: '2026-10-26', strong: no },
      { at: '2026-10-26T06:01:00.000Z', local: '10-26 07:01 CET', duty: '2026-10-26', strong: no },
    ],
  },
  {
    // The same change with a midnight hand-over: 00:00 CEST is 22:00 UTC of the day before.
    zone: 'Europe/Berlin',
    handover: '00:00',
    period: { fromDate: '2026-10-24', toDate: '2026-10-25' },
    probes: [
      { at: '2026-10-23T21:59:00.000Z', local: '10-23 23:59 CEST', duty: '2026-10-23', strong: no },
      { at: '2026-10-23T22:00:00.000Z', local: '10-24 00:00 CEST', duty: '2026-10-24', strong: yes },
      { at: '2026-10-23T22:01:00.000Z', local: '10-24 00:01 CEST', duty: '2026-10-24', strong: yes },
      { at: '2026-10-25T22:59:00.000Z', local: '10-25 23:59 CET', duty: '2026-10-25', strong: yes },
      { at: '2026-10-25T23:00:00.000Z', local: '10-26 00:00 CET', duty: '2026-10-26', strong: no },
      { at: '2026-10-25T23:01:00.000Z', local: '10-26 00:01 CET', duty: '2026-10-26', strong: no },
    ],
  },
];

describe.each(SCENARIOS)('duty now in $zone with a $handover hand-over', (scenario) => {
  const clock = fixedClock(scenario.probes[0]!.at);
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ clock, config: { tzName: scenario.zone } });
    admin = await signInAdmin(t.app);
    const settings = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/duty' }))
    ).json() as DutySettings;
    const put = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/settings/duty',
        // No seasons and no 重点时段 of the official calendar (元旦 2026 is one), so only the
        // period strengthens; 2 officers in it, 1 otherwise.
        payload: {
          ...settings,
          keyFestivals: [],
          handoverTime: scenario.handover,
          floodSeason: null,
          fireSeason: null,
          staffing: { officers: 1, leaders: 1 },
          strengthenedStaffing: { officers: 2, leaders: 1 },
        },
      }),
    );
    expect(put.statusCode).toBe(200);
    const period = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: { kind: 'holiday', name: '假日', ...scenario.period },
      }),
    );
    expect(period.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it.each(scenario.probes)('at $local ($at): duty day $duty, strengthened $strong', async (probe) => {
    const expected = {
      dutyDate: probe.duty,
      strengthened: probe.strong,
      officersRequired: probe.strong ? 2 : 1,
      leadersRequired: 1,
      reasons: probe.strong ? ['假日'] : [],
    };
    // Sessions last at most 26 hours, and the probes span days: sign in at each instant.
    clock.set(probe.at);
    admin = await signInAdmin(t.app);
    const at = await t.app.inject(
      as(admin, { method: 'GET', url: `/api/duty/at?time=${encodeURIComponent(probe.at)}` }),
    );
    expect(at.statusCode).toBe(200);
    expect(at.json()).toMatchObject(expected);

    const now = await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }));
    expect(now.statusCode).toBe(200);
    expect(now.json()).toMatchObject({ at: probe.at, ...expected });
  });
});
