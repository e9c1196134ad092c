import {
  addDays,
  dutyDayBounds,
  dutyDayOf,
  eachDay,
  instantToLocal,
  localToInstant,
  monthRange,
} from '@shared/domain/duty-day';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / 3_600_000;

describe('wall clock and instants', () => {
  it('converts Shanghai wall-clock time (UTC+8, no DST) both ways', () => {
    expect(localToInstant('2026-03-05T08:30', SH).toISOString()).toBe('2026-03-05T00:30:00.000Z');
    expect(instantToLocal(new Date('2026-03-04T19:00:00Z'), SH)).toBe('2026-03-05T03:00');
  });

  it('moves a wall time in the spring-forward gap forward by the gap', () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist → 03:30 CEST = 01:30Z.
    expect(localToInstant('2026-03-29T02:30', BERLIN).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the later (standard-time) instant for a wall time in the repeated autumn hour', () => {
    // Berlin, 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(localToInstant('2026-10-25T02:30', BERLIN).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('takes the later instant in the repeated hour whatever the season of the server clock', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-07-01T12:00:00Z'));
      expect(localToInstant('2026-10-25T02:30', BERLIN).toISOString()).toBe('2026-10-25T01:30:00.000Z');
      vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
      expect(localToInstant('2026-10-25T02:30', BERLIN).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('handles zones west of UTC and half-hour clock changes', () => {
    const NY = 'America/New_York';
    // 1 November 2026: 01:30 happens at 05:30Z (EDT) and at 06:30Z (EST): the later.
    expect(localToInstant('2026-11-01T01:30', NY).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    // 8 March 2026: 02:30 does not exist; 03:30 EDT = 07:30Z.
    expect(localToInstant('2026-03-08T02:30', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(instantToLocal(new Date('2026-11-01T05:59:00Z'), NY)).toBe('2026-11-01T01:59');
    expect(instantToLocal(new Date('2026-11-01T06:00:00Z'), NY)).toBe('2026-11-01T01:00');
    // Lord Howe Island moves its clock by 30 minutes: 5 April 2026 02:00 (+11) back to 01:30 (+10:30).
    const LH = 'Australia/Lord_Howe';
    expect(instantToLocal(new Date('2026-04-04T14:59:00Z'), LH)).toBe('2026-04-05T01:59');
    expect(instantToLocal(new Date('2026-04-04T15:00:00Z'), LH)).toBe('2026-04-05T01:30');
    expect(localToInstant('2026-04-05T01:45', LH).toISOString()).toBe('2026-04-04T15:15:00.000Z');
  });

  it('agrees with luxon every few hours through 2026 in zones with and without clock changes', () => {
    for (const zone of [SH, BERLIN, 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3 * 3_600_000 + 7 * 60_000) {
        const luxon = DateTime.fromMillis(ms, { zone });
        const wall = luxon.toFormat("yyyy-MM-dd'T'HH:mm");
        expect(instantToLocal(new Date(ms), zone)).toBe(wall);
        // Outside the repeated hour the wall time names this instant (to the minute) again.
        const ambiguous = luxon.getPossibleOffsets().length > 1;
        if (!ambiguous) expect(localToInstant(wall, zone).getTime()).toBe(ms - (ms % 60_000));
      }
    }
  });

  it('rejects malformed input and unknown zones', () => {
    expect(() => localToInstant('2026-03-05 08:30', SH)).toThrow(/invalid local date-time/);
    expect(() => localToInstant('2026-02-30T08:30', SH)).toThrow(/invalid local date-time/);
    expect(() => localToInstant('2026-03-05T24:00', SH)).toThrow(/invalid local date-time/);
    expect(() => localToInstant('2026-03-05T08:30', 'Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => dutyDayBounds('2026-03-05', SH, '8:30')).toThrow(/invalid time/);
  });
});

describe('dutyDayOf in Asia/Shanghai, hand-over 08:30', () => {
  it('puts 03:00 on 5 March in the duty day of 4 March', () => {
    expect(dutyDayOf(new Date('2026-03-05T03:00:00+08:00'), SH, '08:30')).toBe('2026-03-04');
  });

  it('changes day exactly at the hand-over', () => {
    expect(dutyDayOf(new Date('2026-03-05T08:29:59+08:00'), SH, '08:30')).toBe('2026-03-04');
    expect(dutyDayOf(new Date('2026-03-05T08:29:59.999+08:00'), SH, '08:30')).toBe('2026-03-04');
    expect(dutyDayOf(new Date('2026-03-05T08:30:00+08:00'), SH, '08:30')).toBe('2026-03-05');
    expect(dutyDayOf(new Date('2026-03-05T23:59:00+08:00'), SH, '08:30')).toBe('2026-03-05');
  });

  it('crosses month and year ends', () => {
    expect(dutyDayOf(new Date('2026-01-01T07:00:00+08:00'), SH, '08:30')).toBe('2025-12-31');
    expect(dutyDayOf(new Date('2026-03-01T00:10:00+08:00'), SH, '08:30')).toBe('2026-02-28');
  });

  it('agrees with dutyDayBounds', () => {
    const b = dutyDayBounds('2026-03-04', SH, '08:30');
    expect(b.start.toISOString()).toBe('2026-03-04T00:30:00.000Z');
    expect(b.end.toISOString()).toBe('2026-03-05T00:30:00.000Z');
    expect(hours(b)).toBe(24);
  });
});

describe('duty days across DST in Europe/Berlin', () => {
  it('makes the spring-forward duty day 23 hours long', () => {
    const b = dutyDayBounds('2026-03-28', BERLIN, '08:30');
    expect(b.start.toISOString()).toBe('2026-03-28T07:30:00.000Z'); // 08:30 CET
    expect(b.end.toISOString()).toBe('2026-03-29T06:30:00.000Z'); // 08:30 CEST
    expect(hours(b)).toBe(23);
  });

  it('makes the fall-back duty day 25 hours long', () => {
    const b = dutyDayBounds('2026-10-24', BERLIN, '08:30');
    expect(b.start.toISOString()).toBe('2026-10-24T06:30:00.000Z'); // 08:30 CEST
    expect(b.end.toISOString()).toBe('2026-10-25T07:30:00.000Z'); // 08:30 CET
    expect(hours(b)).toBe(25);
  });

  it('assigns the night hours to the right duty day', () => {
    expect(dutyDayOf(new Date('2026-03-29T06:29:00Z'), BERLIN, '08:30')).toBe('2026-03-28');
    expect(dutyDayOf(new Date('2026-03-29T06:30:00Z'), BERLIN, '08:30')).toBe('2026-03-29');
    expect(dutyDayOf(new Date('2026-10-25T07:29:00Z'), BERLIN, '08:30')).toBe('2026-10-24');
  });
});

describe('calendar helpers', () => {
  it('adds days across month, leap-year and DST boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('lists days inclusively', () => {
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(eachDay('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachDay('2026-03-03', '2026-03-02')).toEqual([]);
  });

  it('gives month ranges', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => monthRange('2026-13')).toThrow(/invalid month/);
  });
});
