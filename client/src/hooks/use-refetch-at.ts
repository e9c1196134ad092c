import { useEffect } from 'react';

const MAX_TIMER_MS = 2 ** 31 - 1;

interface Refetchable {
  refetch: () => unknown;
  /** When the answer was last read: the next boundary is looked for again after each read. */
  dataUpdatedAt: number;
}

/**
 * Reads a query again at the next of the instants its answer names (a shift ends, a window
 * opens): boundaries the clock crosses with no event to say so.
 */
export function useRefetchAt(query: Refetchable, instants: readonly (string | null | undefined)[]): void {
  const { refetch, dataUpdatedAt } = query;
  const key = instants.filter((at): at is string => Boolean(at)).join('|');
  useEffect(() => {
    void dataUpdatedAt;
    const now = Date.now();
    const next = key
      .split('|')
      .map((at) => Date.parse(at))
      .filter((at) => Number.isFinite(at) && at > now)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    // A second late, so the server's clock has surely passed the boundary too.
    const timer = setTimeout(() => void refetch(), Math.min(next - now + 1000, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [key, dataUpdatedAt, refetch]);
}

/**
 * A slow backstop read, for anything neither an event nor a boundary announces; it goes on in a
 * background tab too, so a wall console brought forward is never a poll behind.
 */
export const pollEvery = (ms: number) =>
  ({ refetchInterval: ms, refetchIntervalInBackground: true }) as const;
