import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { AnyDutyEvent } from '@shared/events';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LiveQuery<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

interface Options<T> {
  /** Live events after which the data is read again (debounced). */
  matches: (event: AnyDutyEvent) => boolean;
  /** Instants at which the answer changes by the clock alone (a shift ends, a window opens). */
  changesAt?: (data: T) => (string | null | undefined)[];
  /** A slow backstop read, for anything neither an event nor `changesAt` announces. */
  pollMs?: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Reads once, then again on matching live events, at the clock boundaries the data names, and on a slow poll. */
export function useLiveQuery<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  options: Options<T>,
): LiveQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetcherRef.current(controller.signal).then(
      (fresh) => {
        setData(fresh);
        setError(null);
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      },
    );
  }, []);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  const { changesAt, pollMs } = options;
  useEffect(() => {
    if (!data || !changesAt) return;
    const now = Date.now();
    const next = changesAt(data)
      .map((at) => (at ? Date.parse(at) : Number.NaN))
      .filter((at) => Number.isFinite(at) && at > now)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    // A second late, so the server's clock has surely passed the boundary too.
    const timer = setTimeout(load, Math.min(next - now + 1000, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [data, changesAt, load]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(load, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, load]);

  useLiveRefetch(options.matches, load);
  return { data, error, reload: load };
}
