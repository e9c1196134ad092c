import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { AnyDutyEvent } from '@shared/events';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Puts a fresher copy on screen (a command's answer) without another read. */
  set: (data: T) => void;
}

/**
 * Reads once per `key`, then again (debounced) after matching live events. The last good answer
 * stays on screen while a new read is under way or has failed.
 */
export function useResource<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  key: string,
  matches: (event: AnyDutyEvent) => boolean,
  enabled = true,
): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const inFlight = useRef<AbortController | null>(null);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the fetcher reads.
  const load = useCallback(() => {
    if (!enabled) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    fetcherRef.current(controller.signal).then(
      (fresh) => {
        setData(fresh);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [key, enabled]);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useLiveRefetch(matches, load);
  const set = useCallback((fresh: T) => {
    setData(fresh);
    setError(null);
  }, []);
  return { data, error, loading, reload: load, set };
}
