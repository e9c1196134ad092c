import { useLiveEvents } from '@client/lib/use-live';
import type { AnyDutyEvent } from '@shared/events';
import { useEffect, useRef } from 'react';

/**
 * Calls `refetch` once after a burst of matching live events settles: generating a month emits one
 * event, but approving a swap emits several, and one read answers them all.
 */
export function useLiveRefetch(
  matches: (event: AnyDutyEvent) => boolean,
  refetch: () => void,
  delayMs = 200,
) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveEvents((event) => {
    if (!matches(event)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  });
}
