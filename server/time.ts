import { DateTime } from 'luxon';

/** Injected wherever "now" matters, so tests can set the time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export function fixedClock(
  start: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** The storage form of an instant: UTC ISO 8601 with milliseconds, so text order is time order. */
export function toStored(at: Date): string {
  return at.toISOString();
}

export function nowStored(clock: Clock): string {
  return toStored(clock.now());
}

/** An instant shown in the bureau's zone, e.g. for printed text and logs meant for people. */
export function formatLocal(at: Date | string, zone: string, format = 'yyyy-MM-dd HH:mm:ss'): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : DateTime.fromJSDate(at);
  return dt.setZone(zone).toFormat(format);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
