import { dutyHours } from '@shared/domain/duty-hours';
import { SHIPPED_CALENDAR } from '@shared/domain/official-calendar';
import type { DutyPeriod, RosterShift } from '@shared/domain/roster-types';
import { describe, expect, it } from 'vitest';

let nextId = 1;
const shift = (
  userId: number,
  startLocal: string,
  endLocal: string,
  zone = 'Asia/Shanghai',
): RosterShift => ({
  id: nextId++,
  userId,
  role: 'officer',
  dutyDate: startLocal.slice(0, 10),
  kind: 'full',
  startLocal,
  endLocal,
  zone,
});
const period = (kind: DutyPeriod['kind'], date: string): DutyPeriod => ({
  id: 1,
  kind,
  name: kind,
  fromDate: date,
  toDate: date,
});
const ALL = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
// 6 March 2026 is a Friday.
const fridayShift = () => shift(11, '2026-03-06T08:30', '2026-03-07T08:30');

describe('dutyHours', () => {
  it('counts a Friday 08:30 → Saturday 08:30 shift: 8 night hours, 8.5 weekend hours', () => {
    const hours = dutyHours({ shifts: [fridayShift()], ...ALL, periods: [] });
    expect(hours.get(11)).toEqual({ total: 24, nights: 8, weekends: 8.5, holidays: 0, shifts: 1 });
  });

  it('does not count a make-up workday as weekend, and counts holiday hours', () => {
    const makeup = dutyHours({
      shifts: [fridayShift()],
      ...ALL,
      periods: [period('makeup_workday', '2026-03-07')],
    });
    expect(makeup.get(11)).toEqual({ total: 24, nights: 8, weekends: 0, holidays: 0, shifts: 1 });
    const holiday = dutyHours({
      shifts: [fridayShift()],
      ...ALL,
      periods: [period('holiday', '2026-03-06')],
    });
    expect(holiday.get(11)).toEqual({ total: 24, nights: 8, weekends: 8.5, holidays: 15.5, shifts: 1 });
  });

  it('clips shifts to [from, to)', () => {
    const hours = dutyHours({
      shifts: [fridayShift(), shift(11, '2026-03-07T08:30', '2026-03-08T08:30')],
      from: new Date('2026-03-06T12:00:00+08:00'),
      to: new Date('2026-03-06T23:00:00+08:00'),
      periods: [],
    });
    expect(hours.get(11)).toEqual({ total: 11, nights: 1, weekends: 0, holidays: 0, shifts: 1 });
  });

  it('sums per person and rounds to two decimals', () => {
    const hours = dutyHours({
      shifts: [
        shift(11, '2026-03-04T08:30', '2026-03-04T17:50'), // 9 h 20 min
        shift(11, '2026-03-05T08:30', '2026-03-05T08:40'), // 10 min
        shift(12, '2026-03-04T17:30', '2026-03-05T08:30'), // 15 h, 8 of them at night
      ],
      ...ALL,
      periods: [],
    });
    expect(hours.get(11)).toEqual({ total: 9.5, nights: 0, weekends: 0, holidays: 0, shifts: 2 });
    expect(hours.get(12)).toEqual({ total: 15, nights: 8, weekends: 0, holidays: 0, shifts: 1 });
    expect(hours.has(13)).toBe(false);
  });

  it('counts real hours across DST in Europe/Berlin', () => {
    const spring = dutyHours({
      shifts: [shift(11, '2026-03-28T08:30', '2026-03-29T08:30', 'Europe/Berlin')],
      ...ALL,
      periods: [],
    });
    // 22:00–02:00 CET, then the clock jumps to 03:00 CEST; 03:00–06:00: 7 night hours.
    expect(spring.get(11)).toEqual({ total: 23, nights: 7, weekends: 23, holidays: 0, shifts: 1 });
    const autumn = dutyHours({
      shifts: [shift(11, '2026-10-24T08:30', '2026-10-25T08:30', 'Europe/Berlin')],
      ...ALL,
      periods: [],
    });
    expect(autumn.get(11)).toEqual({ total: 25, nights: 9, weekends: 25, holidays: 0, shifts: 1 });
  });
});

describe('dutyHours on the official calendar', () => {
  it('counts 国庆 2026 as holiday hours with no period typed in', () => {
    // 10-01 08:30 → 10-02 08:30: both dates are days off (10-01 – 10-07).
    const hours = dutyHours({
      shifts: [shift(11, '2026-10-01T08:30', '2026-10-02T08:30')],
      ...ALL,
      periods: [],
      calendar: SHIPPED_CALENDAR,
    });
    expect(hours.get(11)).toMatchObject({ total: 24, holidays: 24, weekends: 0 });
  });

  it('does not count the make-up Saturday 2026-10-10 as weekend; the Sunday after it is', () => {
    // 10-10 08:30 → 24:00 is 15.5 h of a worked Saturday; 10-11 00:00 → 08:30 is 8.5 h of Sunday.
    const hours = dutyHours({
      shifts: [shift(11, '2026-10-10T08:30', '2026-10-11T08:30')],
      ...ALL,
      periods: [],
      calendar: SHIPPED_CALENDAR,
    });
    expect(hours.get(11)).toMatchObject({ total: 24, weekends: 8.5, holidays: 0 });
  });
});
