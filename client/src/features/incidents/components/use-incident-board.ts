import { useLiveEvents } from '@client/lib/use-live';
import type { Incident } from '@shared/schemas/incidents';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { listIncidents } from '../api/list-incidents';

type ById = ReadonlyMap<number, Incident>;

const FRESH_MS = 20_000;
const CLOSED_LIMIT = 200;
/** Every open incident (the server's most, the overdue and nearest deadlines first): the counts are exact. */
const OPEN_LIMIT = 5000;

function upsertAll(map: ById, incidents: Incident[]): ById {
  const next = new Map(map);
  for (const incident of incidents) next.set(incident.id, incident);
  return next;
}

export interface IncidentBoardState {
  incidents: Incident[];
  loading: boolean;
  closedLoading: boolean;
  error: unknown;
  /** Ids created live in the last seconds, for a brief highlight. */
  fresh: ReadonlySet<number>;
  reload: () => void;
}

/**
 * Open incidents from one read, then kept current by applying each live event's incident by id:
 * every incident event carries the whole incident, so nothing is refetched. Closed ones are read
 * only when asked for.
 */
export function useIncidentBoard(withClosed: boolean): IncidentBoardState {
  const [byId, setById] = useState<ById>(() => new Map());
  const [loading, setLoading] = useState(true);
  const [closedLoading, setClosedLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  // Events that arrive while a read is in flight are replayed on top of its result.
  const inFlight = useRef(new Set<Incident[]>());

  const read = useCallback((stage: 'open' | 'closed', signal: AbortSignal) => {
    const late: Incident[] = [];
    inFlight.current.add(late);
    return listIncidents(
      stage === 'open' ? { stage, limit: OPEN_LIMIT } : { stage, limit: CLOSED_LIMIT },
      signal,
    )
      .then(
        ({ incidents }) => {
          setById((current) => upsertAll(upsertAll(current, incidents), late));
          setError(null);
        },
        (caught: unknown) => {
          if (!signal.aborted) setError(caught);
        },
      )
      .finally(() => inFlight.current.delete(late));
  }, []);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    setLoading(true);
    void read('open', controller.signal).finally(() => setLoading(false));
    return () => controller.abort();
  }, [generation, read]);

  useEffect(() => {
    void generation;
    if (!withClosed) return;
    const controller = new AbortController();
    setClosedLoading(true);
    void read('closed', controller.signal).finally(() => setClosedLoading(false));
    return () => controller.abort();
  }, [withClosed, generation, read]);

  useLiveEvents((event) => {
    if (!event.type.startsWith('incident.')) return;
    const incident = (event.payload as { incident?: Incident }).incident;
    if (!incident) return;
    for (const late of inFlight.current) late.push(incident);
    setById((current) => upsertAll(current, [incident]));
    if (event.type === 'incident.created') {
      setFresh((current) => new Set(current).add(incident.id));
      setTimeout(() => {
        setFresh((current) => {
          const next = new Set(current);
          next.delete(incident.id);
          return next;
        });
      }, FRESH_MS);
    }
  });

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const incidents = useMemo(() => [...byId.values()], [byId]);
  return { incidents, loading, closedLoading, error, fresh, reload };
}
