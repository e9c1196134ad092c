import { useLiveEvents } from '@client/lib/use-live';
import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { LogEntry, LogQuery } from '@shared/schemas/logbook';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listLogEntries } from '../api/list-log-entries';

const FRESH_MS = 20_000;

export interface LogEntriesState {
  entries: LogEntry[];
  loading: boolean;
  error: unknown;
  /** Entries added live in the last seconds, for a brief highlight. */
  fresh: ReadonlySet<number>;
  reload: () => void;
}

/**
 * The log as the filters select it, read again after any log event (from this console or another):
 * the server applies the filters, so a fresh read is the one correct answer.
 */
export function useLogEntries(query: LogQuery): LogEntriesState {
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  const inFlight = useRef<AbortController | null>(null);
  const key = JSON.stringify(query);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    listLogEntries(JSON.parse(key) as LogQuery, controller.signal).then(
      (list) => {
        setEntries(list);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [key]);

  useEffect(() => {
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  // A sealed handover closes its shift's entries to edits.
  useLiveRefetch((event) => event.type.startsWith('logbook.') || event.type === 'handover.accepted', load);
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

  return { entries, loading, error, fresh, reload: load };
}
