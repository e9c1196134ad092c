import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { RosterView } from '@shared/schemas/roster';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRoster } from '../api/get-roster';
import { touchesRoster } from './touches-roster';

export interface RosterViewState {
  view: RosterView | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** One range of the roster, read again (keeping the old one on screen) whenever it may have changed. */
export function useRosterView(from: string, to: string): RosterViewState {
  const [view, setView] = useState<RosterView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    getRoster(from, to, controller.signal).then(
      (fresh) => {
        setView(fresh);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [from, to]);

  useEffect(() => {
    // A view of another range must not linger under the new range's heading.
    setView((current) => (current && current.from === from && current.to === to ? current : null));
    load();
    return () => inFlight.current?.abort();
  }, [from, to, load]);

  useLiveRefetch(touchesRoster, load);
  return { view, loading, error, reload: load };
}
