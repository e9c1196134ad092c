import { incidentDetailKey } from '@client/lib/live-patches/incidents';
import type { Incident, IncidentDetail } from '@shared/schemas/incidents';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { incidentQuery } from '../api/get-incident';

export interface IncidentDetailState {
  detail: IncidentDetail | null;
  error: unknown;
  /** Read the whole record again (reports, actions and timeline come only with it). */
  reload: () => void;
  /** Shows an incident a command just returned, ahead of the read its event brings. */
  apply: (incident: Incident) => void;
}

/** One incident's record; `id` 0 reads nothing. Its live events patch and re-read it (`lib/live-cache.ts`). */
export function useIncidentDetail(id: number): IncidentDetailState {
  const client = useQueryClient();
  const query = useQuery({ ...incidentQuery(id), enabled: id > 0 });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const apply = useCallback(
    (incident: Incident) => {
      client.setQueryData<IncidentDetail>(incidentDetailKey(incident.id), (current) =>
        current ? { ...current, incident } : current,
      );
    },
    [client],
  );
  return { detail: query.data ?? null, error: query.error, reload, apply };
}
