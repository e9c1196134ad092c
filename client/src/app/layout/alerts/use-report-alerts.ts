import { useNow } from '@client/hooks/use-now';
import { boardQuery } from '@client/lib/api/open-board';
import type { BoardIncident } from '@shared/schemas/incidents';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

/** A report due within this is "due soon" (the board's countdown turns orange at the same point). */
export const DUE_SOON_MS = 10 * 60_000;
/** Overdue and due-soon move with the clock alone; a few seconds late is soon enough for a count. */
const TICK_MS = 5000;

export interface ReportAlerts {
  overdue: BoardIncident[];
  dueSoon: BoardIncident[];
  /** The soonest deadline of all (the longest overdue first). */
  mostUrgent: BoardIncident | null;
}

const dueOf = (i: BoardIncident) => (i.nextDueAt ? Date.parse(i.nextDueAt) : Number.POSITIVE_INFINITY);

export function reportAlertsAt(incidents: readonly BoardIncident[], now: number): ReportAlerts {
  const overdue: BoardIncident[] = [];
  const dueSoon: BoardIncident[] = [];
  for (const incident of incidents) {
    const due = dueOf(incident);
    if (incident.overdue || due < now) overdue.push(incident);
    else if (due - now <= DUE_SOON_MS) dueSoon.push(incident);
  }
  const byDue = (a: BoardIncident, b: BoardIncident) => dueOf(a) - dueOf(b) || a.id - b.id;
  overdue.sort(byDue);
  dueSoon.sort(byDue);
  return { overdue, dueSoon, mostUrgent: overdue[0] ?? dueSoon[0] ?? null };
}

/**
 * The open incidents' reports that are overdue or due soon, from the board's own open list (read
 * once, then moved by every incident event): the alert layer's banner and the 事件 menu badge.
 */
export function useReportAlerts(): ReportAlerts {
  const { data } = useQuery(boardQuery('open'));
  const now = useNow(TICK_MS);
  return useMemo(() => reportAlertsAt(data?.incidents ?? [], now), [data, now]);
}
