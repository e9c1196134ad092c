import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { Swap } from '@shared/schemas/swaps';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listSwaps } from '../api/list-swaps';

export interface SwapsState {
  swaps: Swap[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** The swap requests, newest first, read again on every swap event. */
export function useSwaps(): SwapsState {
  const [swaps, setSwaps] = useState<Swap[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    listSwaps({}, controller.signal).then(
      (fresh) => {
        setSwaps([...fresh].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id - a.id));
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useLiveRefetch((event) => event.type.startsWith('swap.'), load);
  return { swaps, loading, error, reload: load };
}

export function isPending(swap: Swap): boolean {
  return swap.status === 'requested' || swap.status === 'accepted';
}
