import { boardQuery } from '@client/lib/api/open-board';
import { useLiveEvents } from '@client/lib/use-live';
import type { BoardIncident } from '@shared/schemas/incidents';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

const FRESH_MS = 20_000;

export interface IncidentBoardState {
  incidents: BoardIncident[];
  loading: boolean;
  closedLoading: boolean;
  error: unknown;
  /** Ids created live in the last seconds, for a brief highlight. */
  fresh: ReadonlySet<number>;
  reload: () => void;
}

/** Ids of incidents created live, each for a few seconds. */
function useFreshIncidents(): ReadonlySet<number> {
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);
  useLiveEvents((event) => {
    if (event.type !== 'incident.created') return;
    const { id } = event.payload.incident;
    setFresh((current) => new Set(current).add(id));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }, FRESH_MS);
    timers.current.add(timer);
  });
  return fresh;
}

/**
 * Open incidents from one read of the board's slim list, kept current by the incident events
 * themselves (the live cache moves the cards); closed ones are read only when asked for.
 */
export function useIncidentBoard(withClosed: boolean): IncidentBoardState {
  const client = useQueryClient();
  const open = useQuery(boardQuery('open'));
  const closed = useQuery({ ...boardQuery('closed'), enabled: withClosed });
  const fresh = useFreshIncidents();
  const reload = useCallback(() => void client.invalidateQueries({ queryKey: ['incident-board'] }), [client]);
  const incidents = useMemo(
    () => [...(open.data?.incidents ?? []), ...(closed.data?.incidents ?? [])],
    [open.data, closed.data],
  );
  return {
    incidents,
    loading: open.isFetching,
    closedLoading: closed.isFetching,
    error: open.error ?? closed.error,
    fresh,
    reload,
  };
}
