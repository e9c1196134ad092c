import { shiftInstants, shiftTimes, slotsFor } from '@shared/domain/shift-templates';
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import { describe, expect, it } from 'vitest';

const single: DutySettings = DEFAULT_DUTY_SETTINGS;
const twoShift: DutySettings = { ...DEFAULT_DUTY_SETTINGS, template: 'day_night' };
const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / 3_600_000;

describe('slotsFor', () => {
  it('gives one 24-hour hand-over to hand-over slot under single24', () => {
    expect(slotsFor(single)).toEqual([{ kind: 'full', start: '08:30', end: '08:30' }]);
  });

  it('gives a day and a night slot under day_night', () => {
    expect(slotsFor(twoShift)).toEqual([
      { kind: 'day', start: '08:30', end: '17:30' },
      { kind: 'night', start: '17:30', end: '08:30' },
    ]);
  });
});

describe('shiftTimes', () => {
  it('ends a full shift at the next day hand-over', () => {
    expect(shiftTimes('2026-03-31', 'full', single)).toEqual({
      startLocal: '2026-03-31T08:30',
      endLocal: '2026-04-01T08:30',
    });
  });

  it('places the day and night halves', () => {
    expect(shiftTimes('2026-03-04', 'day', twoShift)).toEqual({
      startLocal: '2026-03-04T08:30',
      endLocal: '2026-03-04T17:30',
    });
    expect(shiftTimes('2026-03-04', 'night', twoShift)).toEqual({
      startLocal: '2026-03-04T17:30',
      endLocal: '2026-03-05T08:30',
    });
  });

  it('keeps a night half that starts after midnight inside its duty day', () => {
    const late = { ...twoShift, handoverTime: '08:00', dayShiftEnd: '01:00' };
    expect(shiftTimes('2026-03-04', 'day', late)).toEqual({
      startLocal: '2026-03-04T08:00',
      endLocal: '2026-03-05T01:00',
    });
    expect(shiftTimes('2026-03-04', 'night', late)).toEqual({
      startLocal: '2026-03-05T01:00',
      endLocal: '2026-03-05T08:00',
    });
  });
});

describe('shiftInstants', () => {
  it('is 24 real hours in Asia/Shanghai', () => {
    const b = shiftInstants({
      startLocal: '2026-03-04T08:30',
      endLocal: '2026-03-05T08:30',
      zone: 'Asia/Shanghai',
    });
    expect(b.start.toISOString()).toBe('2026-03-04T00:30:00.000Z');
    expect(b.end.toISOString()).toBe('2026-03-05T00:30:00.000Z');
  });

  it('makes a wall-clock 24-hour shift across spring-forward 23 real hours', () => {
    const b = shiftInstants({
      startLocal: '2026-03-28T08:30',
      endLocal: '2026-03-29T08:30',
      zone: 'Europe/Berlin',
    });
    expect(b.start.toISOString()).toBe('2026-03-28T07:30:00.000Z');
    expect(b.end.toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(hours(b)).toBe(23);
  });

  it('makes a wall-clock 24-hour shift across fall-back 25 real hours', () => {
    const b = shiftInstants({
      startLocal: '2026-10-24T08:30',
      endLocal: '2026-10-25T08:30',
      zone: 'Europe/Berlin',
    });
    expect(hours(b)).toBe(25);
  });
});
