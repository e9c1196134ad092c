import { useLiveEvents } from '@client/lib/use-live';
import type { Incident, IncidentDetail } from '@shared/schemas/incidents';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getIncident } from '../api/get-incident';

export interface IncidentDetailState {
  detail: IncidentDetail | null;
  loading: boolean;
  error: unknown;
  /** Read the whole record again (reports, actions and timeline come only with it). */
  reload: () => void;
  /** Shows an incident a command just returned, ahead of the refetch its event brings. */
  apply: (incident: Incident) => void;
}

const COALESCE_MS = 150;

function aboutIncident(payload: unknown, subject: string, id: number): boolean {
  if (subject === `incident:${id}`) return true;
  const p = payload as { incident?: { id?: number }; incidentId?: number };
  return p.incident?.id === id || p.incidentId === id;
}

export function useIncidentDetail(id: number): IncidentDetailState {
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    setLoading(true);
    getIncident(id, controller.signal).then(
      (fresh) => {
        setDetail(fresh);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [id, generation]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const apply = useCallback(
    (incident: Incident) => {
      if (incident.id !== id) return;
      setDetail((current) => (current ? { ...current, incident } : current));
    },
    [id],
  );

  useLiveEvents((event) => {
    if (!aboutIncident(event.payload, event.subject, id)) return;
    const incident = (event.payload as { incident?: Incident }).incident;
    if (incident) apply(incident);
    // A burst of events (report sent, then its delivery) costs one read.
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, COALESCE_MS);
  });

  // After navigating to another incident, the previous one is not shown while the new one loads.
  const current = detail && detail.incident.id === id ? detail : null;
  return { detail: current, loading, error, reload, apply };
}
