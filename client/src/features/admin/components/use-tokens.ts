import { useLiveEvents } from '@client/lib/use-live';
import type { ApiToken } from '@shared/schemas/tokens';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listTokens } from '../api/list-tokens';

export interface TokensState {
  tokens: ApiToken[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** Token events carry only id and name, so any change is answered by reading the list again. */
export function useTokens(): TokensState {
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    listTokens(controller.signal).then(
      (fresh) => {
        setTokens(fresh);
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
    reload();
    return () => inFlight.current?.abort();
  }, [reload]);

  useLiveEvents((event) => {
    if (event.type === 'token.created' || event.type === 'token.revoked') reload();
  });

  return { tokens, loading, error, reload };
}
