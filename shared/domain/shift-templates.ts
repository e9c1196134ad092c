import type { DutySettings } from '../schemas/settings';
import { addDays, assertClock, localToInstant } from './duty-day';
import type { LocalDate, LocalDateTime, RosterShift, ShiftKind } from './roster-types';

/** One slot of the duty day, as clock times; an end at or before its start is on the next day. */
export interface ShiftSlot {
  kind: ShiftKind;
  start: string;
  end: string;
}

/** The whole duty day, hand-over to hand-over: the leader's and the backup's slot in any template. */
export function fullSlot(settings: DutySettings): ShiftSlot {
  return { kind: 'full', start: settings.handoverTime, end: settings.handoverTime };
}

/** The officer slots of one duty day under the configured template. */
export function slotsFor(settings: DutySettings): ShiftSlot[] {
  if (settings.template === 'single24') return [fullSlot(settings)];
  return [
    { kind: 'day', start: settings.handoverTime, end: settings.dayShiftEnd },
    { kind: 'night', start: settings.dayShiftEnd, end: settings.handoverTime },
  ];
}

function slotOf(kind: ShiftKind, settings: DutySettings): ShiftSlot {
  if (kind === 'full') return fullSlot(settings);
  const slot = slotsFor({ ...settings, template: 'day_night' }).find((s) => s.kind === kind);
  if (!slot) throw new Error(`unknown shift kind "${kind}"`);
  return slot;
}

/**
 * The wall-clock bounds of a slot on duty day `day`. Clock times are placed within the duty day:
 * one earlier than the hand-over belongs to the next calendar date, and an end at the hand-over
 * is the next day's hand-over. For the usual 08:30 / 17:30 this is "an end at or before its start
 * falls on the next day"; it also keeps a night shift starting after midnight inside its duty day.
 */
export function shiftTimes(
  day: LocalDate,
  kind: ShiftKind,
  settings: DutySettings,
): { startLocal: LocalDateTime; endLocal: LocalDateTime } {
  assertClock(settings.handoverTime);
  assertClock(settings.dayShiftEnd);
  const slot = slotOf(kind, settings);
  const handover = settings.handoverTime;
  const startDate = slot.start >= handover ? day : addDays(day, 1);
  const endDate = slot.end > handover ? day : addDays(day, 1);
  return { startLocal: `${startDate}T${slot.start}`, endLocal: `${endDate}T${slot.end}` };
}

/** The instants a stored shift runs between; its length follows the wall clock across DST. */
export function shiftInstants(shift: Pick<RosterShift, 'startLocal' | 'endLocal' | 'zone'>): {
  start: Date;
  end: Date;
} {
  return {
    start: localToInstant(shift.startLocal, shift.zone),
    end: localToInstant(shift.endLocal, shift.zone),
  };
}
