import type { AnyDutyEvent } from '@shared/events';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { getLiveState, type LiveState, subscribeLiveEvents, subscribeLiveState } from './live-store';

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribeLiveState, getLiveState);
}

/**
 * Runs `handler` for every live event while the component is mounted. The latest handler is
 * used without resubscribing, so callers need not memoise it.
 */
export function useLiveEvents(handler: (event: AnyDutyEvent) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => subscribeLiveEvents((event) => ref.current(event)), []);
}
