import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { Period } from '@shared/schemas/roster';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRoster } from '../api/get-roster';

const QUARTERS: [string, string][] = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
];

export interface YearPeriods {
  periods: Period[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * The periods touching a year. There is no list endpoint for periods yet, so the year is read as
 * four roster views (each at most 93 days) and their periods merged.
 */
export function useYearPeriods(year: number): YearPeriods {
  const [periods, setPeriods] = useState<Period[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    Promise.all(QUARTERS.map(([a, b]) => getRoster(`${year}-${a}`, `${year}-${b}`, controller.signal))).then(
      (views) => {
        const byId = new Map<number, Period>();
        for (const view of views) for (const p of view.periods) byId.set(p.id, p);
        setPeriods([...byId.values()].sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.id - b.id));
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [year]);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useLiveRefetch((event) => event.type.startsWith('roster.period_'), load);
  return { periods, loading, error, reload: load };
}
