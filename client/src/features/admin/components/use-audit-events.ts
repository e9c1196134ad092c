import { useLiveEvents } from '@client/lib/use-live';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type EventRecordData, listEvents } from '../api/list-events';

const PAGE = 100;

/** Newest first, each seq once. */
function merge(rows: EventRecordData[], more: EventRecordData[]): EventRecordData[] {
  const bySeq = new Map<number, EventRecordData>();
  for (const row of rows) bySeq.set(row.seq, row);
  for (const row of more) bySeq.set(row.seq, row);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

export interface AuditEventsState {
  rows: EventRecordData[];
  headSeq: number | null;
  loading: boolean;
  error: unknown;
  /** The lowest seq loaded: older pages are read before it; 0 or 1 means the whole trail is loaded. */
  floor: number | null;
  loadOlder: () => void;
  reload: () => void;
}

/** The newest page first (the API answers newest first without `after`); older pages before the floor. */
export function useAuditEvents(type: string | undefined): AuditEventsState {
  const [rows, setRows] = useState<EventRecordData[]>([]);
  const [headSeq, setHeadSeq] = useState<number | null>(null);
  const [floor, setFloor] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const pending = useRef<EventRecordData[] | null>(null);

  const run = useCallback((work: (signal: AbortSignal) => Promise<void>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    work(current.signal).then(
      () => {
        if (current.signal.aborted) return;
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (current.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    void generation;
    pending.current = [];
    setRows([]);
    run(async (signal) => {
      try {
        const page = await listEvents({ limit: PAGE, type }, signal);
        if (signal.aborted) return;
        const late = pending.current ?? [];
        setRows(merge(page.events, late));
        setHeadSeq(Math.max(page.headSeq, ...late.map((e) => e.seq)));
        setFloor(page.events.length < PAGE ? 0 : (page.events.at(-1)?.seq ?? 0));
      } finally {
        if (!signal.aborted) pending.current = null;
      }
    });
    return () => controller.current?.abort();
  }, [type, generation, run]);

  const loadOlder = useCallback(() => {
    if (floor === null || floor <= 1) return;
    run(async (signal) => {
      const page = await listEvents({ before: floor, limit: PAGE, type }, signal);
      if (signal.aborted) return;
      setRows((current) => merge(current, page.events));
      setFloor(page.events.length < PAGE ? 0 : (page.events.at(-1)?.seq ?? 0));
    });
  }, [floor, type, run]);

  useLiveEvents((event) => {
    if (type && event.type !== type) return;
    if (pending.current) {
      pending.current.push(event);
      return;
    }
    setRows((current) => merge(current, [event]));
    setHeadSeq((head) => Math.max(head ?? 0, event.seq));
  });

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, headSeq, loading, error, floor, loadOlder, reload };
}
