import { bureauToday, getBureauZone } from '@client/lib/time';
import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { AnyDutyEvent } from '@shared/events';
import type { Stats, StatsQuery } from '@shared/schemas/stats';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDutyNow } from '../api/get-duty-now';
import { getDutySettings } from '../api/get-duty-settings';
import { getStats } from '../api/get-stats';
import { autoBucket, customProblem, type PeriodChoice, resolvePeriod } from './stats-period';
import type { StatsFilters } from './use-stats-params';

export interface StatsState {
  stats: Stats | null;
  /** The exact query the figures on screen answer: the CSV links repeat it. */
  query: StatsQuery | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const LIVE_PREFIXES = ['incident.', 'attendance.', 'spotcheck.', 'swap.'];

/** Events after which some figure of the page may have changed. */
export function touchesStats(event: AnyDutyEvent): boolean {
  return LIVE_PREFIXES.some((prefix) => event.type.startsWith(prefix));
}

/**
 * The figures of a period with its filters. A period under way ends "now", so each read — on a
 * change of choice, a live event or a reload — resolves the period afresh.
 */
export function useStats(choice: PeriodChoice, filters: StatsFilters): StatsState {
  const [state, setState] = useState<Omit<StatsState, 'reload'>>({
    stats: null,
    query: null,
    loading: true,
    error: null,
  });
  const inFlight = useRef<AbortController | null>(null);
  const { kind, fromDay, toDay } = choice;
  const { category, grade, source, bucket } = filters;

  const load = useCallback(() => {
    inFlight.current?.abort();
    const current: PeriodChoice = { kind, fromDay, toDay };
    if (customProblem(current)) {
      setState({ stats: null, query: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    const { signal } = controller;
    setState((s) => ({ ...s, loading: true }));
    resolvePeriod(current, {
      now: Date.now(),
      zone: getBureauZone(),
      today: bureauToday(),
      dutyNow: () => getDutyNow(signal),
      settings: () => getDutySettings(signal),
    })
      .then(async (range) => {
        const query: StatsQuery = { ...range, category, grade, source, bucket: bucket ?? autoBucket(range) };
        const stats = await getStats(query, signal);
        if (!signal.aborted) setState({ stats, query, loading: false, error: null });
      })
      .catch((caught: unknown) => {
        if (!signal.aborted) setState((s) => ({ ...s, loading: false, error: caught }));
      });
  }, [kind, fromDay, toDay, category, grade, source, bucket]);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  // A burst of events (a report sent closes an obligation, regrades…) is read once.
  useLiveRefetch(touchesStats, load, 800);
  return { ...state, reload: load };
}
