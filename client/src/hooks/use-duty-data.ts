import { dutyNowQuery } from '@client/lib/api/duty-now';
import { myShiftsQuery } from '@client/lib/api/my-shifts';
import { openSpotChecksQuery } from '@client/lib/api/open-spot-checks';
import { useInDistrictRoom } from '@client/lib/session';
import type { DutyNow, MyShifts } from '@shared/schemas/attendance';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { pollEvery, useRefetchAt } from './use-refetch-at';

function dutyBoundaries(duty: DutyNow | undefined): (string | null)[] {
  if (!duty) return [];
  const on = [...duty.officers, ...duty.leaders, ...duty.backups];
  return [duty.shiftEnd, ...duty.next.map((s) => s.start), ...on.map((s) => s.end)];
}

/** 当前值班, re-read on roster and attendance events and whenever a shift starts or ends. */
export function useDutyNow(): UseQueryResult<DutyNow> {
  const query = useQuery({ ...dutyNowQuery(), ...pollEvery(60_000), enabled: useInDistrictRoom() });
  useRefetchAt(query, dutyBoundaries(query.data));
  return query;
}

/**
 * The caller's own shift. A check-in window opens by the clock alone, a few minutes before a start
 * the client cannot know without the settings, so a short poll stands in for that boundary.
 */
export function useMyShifts(): UseQueryResult<MyShifts> {
  const query = useQuery({ ...myShiftsQuery(), ...pollEvery(30_000), enabled: useInDistrictRoom() });
  const mine = query.data;
  useRefetchAt(query, [mine?.checkInDueAt, mine?.current?.end, mine?.current?.start]);
  return query;
}

export function useOpenSpotChecks(): UseQueryResult<SpotCheck[]> {
  const query = useQuery({ ...openSpotChecksQuery(), ...pollEvery(60_000), enabled: useInDistrictRoom() });
  useRefetchAt(
    query,
    (query.data ?? []).map((s) => s.dueAt),
  );
  return query;
}
