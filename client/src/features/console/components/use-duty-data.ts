import type { AnyDutyEvent } from '@shared/events';
import type { DutyNow, MyShifts } from '@shared/schemas/attendance';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { getDutyNow } from '../api/get-duty-now';
import { getMyShifts } from '../api/get-my-shifts';
import { listOpenSpotChecks } from '../api/list-open-spot-checks';
import { type LiveQuery, useLiveQuery } from './use-live-query';

const DUTY_EVENTS = ['roster.', 'attendance.', 'swap.approved', 'settings.updated', 'duty.changed'];

function touchesDuty(event: AnyDutyEvent): boolean {
  return DUTY_EVENTS.some((prefix) => event.type.startsWith(prefix));
}

function dutyBoundaries(duty: DutyNow): (string | null)[] {
  const on = [...duty.officers, ...duty.leaders, ...duty.backups];
  return [duty.shiftEnd, ...duty.next.map((s) => s.start), ...on.map((s) => s.end)];
}

function myBoundaries(mine: MyShifts): (string | null | undefined)[] {
  return [mine.checkInDueAt, mine.current?.end, mine.current?.start];
}

function spotBoundaries(list: SpotCheck[]): string[] {
  return list.map((s) => s.dueAt);
}

/** 当前值班, re-read on roster and attendance events and whenever a shift starts or ends. */
export function useDutyNow(): LiveQuery<DutyNow> {
  return useLiveQuery(getDutyNow, { matches: touchesDuty, changesAt: dutyBoundaries, pollMs: 60_000 });
}

/**
 * The caller's own shift. A check-in window opens by the clock alone, a few minutes before a start
 * the client cannot know without the settings, so a short poll stands in for that boundary.
 */
export function useMyShifts(): LiveQuery<MyShifts> {
  return useLiveQuery(getMyShifts, { matches: touchesDuty, changesAt: myBoundaries, pollMs: 30_000 });
}

export function useOpenSpotChecks(): LiveQuery<SpotCheck[]> {
  return useLiveQuery(listOpenSpotChecks, {
    matches: (event) => event.type.startsWith('spotcheck.') || event.type.startsWith('attendance.'),
    changesAt: spotBoundaries,
    pollMs: 60_000,
  });
}
