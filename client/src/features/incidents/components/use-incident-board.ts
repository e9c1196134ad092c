import { useLiveEvents } from '@client/lib/use-live';
import type { BoardIncident, BoardList, Incident } from '@shared/schemas/incidents';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { listBoard, OPEN_BOARD_QUERY, takeOpenBoard } from '../api/list-board';
import { toBoardIncident } from './board-incident';

type ById = ReadonlyMap<number, BoardIncident>;

const FRESH_MS = 20_000;
const CLOSED_LIMIT = 200;
/** Live changes are applied together at most this often: a storm of events regroups the board once. */
const APPLY_MS = 100;

function upsertAll(map: ById, incidents: BoardIncident[]): ById {
  const next = new Map(map);
  for (const incident of incidents) next.set(incident.id, incident);
  return next;
}

export interface IncidentBoardState {
  incidents: BoardIncident[];
  loading: boolean;
  closedLoading: boolean;
  error: unknown;
  /** Ids created live in the last seconds, for a brief highlight. */
  fresh: ReadonlySet<number>;
  reload: () => void;
}

/**
 * Open incidents from one read of the board's slim list, then kept current by applying each live
 * event's incident by id: every incident event carries the whole incident, so nothing is
 * refetched. Closed ones are read only when asked for.
 */
export function useIncidentBoard(withClosed: boolean): IncidentBoardState {
  const [byId, setById] = useState<ById>(() => new Map());
  const [loading, setLoading] = useState(true);
  const [closedLoading, setClosedLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  // Events that arrive while a read is in flight are replayed on top of its result.
  const inFlight = useRef(new Set<BoardIncident[]>());
  const pending = useRef<BoardIncident[]>([]);
  const applyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const read = useCallback((answer: Promise<BoardList>, signal: AbortSignal) => {
    const late: BoardIncident[] = [];
    inFlight.current.add(late);
    return answer
      .then(
        ({ incidents }) => {
          if (signal.aborted) return;
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
    const { signal } = controller;
    setLoading(true);
    // The first read may already be on its way, asked for as the console started.
    const answer = takeOpenBoard(signal) ?? listBoard(OPEN_BOARD_QUERY, signal);
    void read(answer, signal).finally(() => setLoading(false));
    return () => controller.abort();
  }, [generation, read]);

  useEffect(() => {
    void generation;
    if (!withClosed) return;
    const controller = new AbortController();
    setClosedLoading(true);
    void read(
      listBoard({ stage: 'closed', limit: CLOSED_LIMIT }, controller.signal),
      controller.signal,
    ).finally(() => setClosedLoading(false));
    return () => controller.abort();
  }, [withClosed, generation, read]);

  useEffect(
    () => () => {
      if (applyTimer.current) clearTimeout(applyTimer.current);
    },
    [],
  );

  useLiveEvents((event) => {
    if (!event.type.startsWith('incident.')) return;
    const whole = (event.payload as { incident?: Incident }).incident;
    if (!whole) return;
    const incident = toBoardIncident(whole);
    for (const late of inFlight.current) late.push(incident);
    pending.current.push(incident);
    applyTimer.current ??= setTimeout(() => {
      applyTimer.current = null;
      const batch = pending.current;
      pending.current = [];
      setById((current) => upsertAll(current, batch));
    }, APPLY_MS);
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
