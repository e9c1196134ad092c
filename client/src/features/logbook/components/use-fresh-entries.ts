import { useLiveEvents } from '@client/lib/use-live';
import { useState } from 'react';

const FRESH_MS = 20_000;

/** Entries added live in the last seconds, for a brief highlight (the list itself comes from the cache). */
export function useFreshEntries(): ReadonlySet<number> {
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  useLiveEvents((event) => {
    if (event.type !== 'logbook.added') return;
    const id = event.payload.entry.id;
    setFresh((current) => new Set(current).add(id));
    setTimeout(() => {
      setFresh((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }, FRESH_MS);
  });
  return fresh;
}
