import { gradeLabel } from '@shared/domain/grading';
import { categoryName } from '@shared/domain/report-text';
import type { BoardIncident } from '@shared/schemas/incidents';

export type BoardColumnKey = 'detection' | 'reporting' | 'handling';

export const columnOf: Record<BoardIncident['stage'], BoardColumnKey | null> = {
  received: 'detection',
  verified: 'detection',
  reported: 'reporting',
  handling: 'handling',
  closed: null,
};

/**
 * Soonest deadline first; incidents with none last, newest first among equals. The times are read
 * once per incident, not once per comparison: a board holds thousands.
 */
export function sortByNextDue(incidents: BoardIncident[]): BoardIncident[] {
  return incidents
    .map((i) => ({
      i,
      due: i.nextDueAt ? Date.parse(i.nextDueAt) : Number.POSITIVE_INFINITY,
      received: Date.parse(i.receivedAt),
    }))
    .sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : b.received - a.received))
    .map((x) => x.i);
}

/** The open incidents of each board column, each column by its next deadline. */
export function openColumns(open: BoardIncident[]): Record<BoardColumnKey, BoardIncident[]> {
  const columns: Record<BoardColumnKey, BoardIncident[]> = { detection: [], reporting: [], handling: [] };
  for (const i of open) {
    const key = columnOf[i.stage];
    if (key) columns[key].push(i);
  }
  return {
    detection: sortByNextDue(columns.detection),
    reporting: sortByNextDue(columns.reporting),
    handling: sortByNextDue(columns.handling),
  };
}

export function byClosedDesc(a: BoardIncident, b: BoardIncident): number {
  return Date.parse(b.closedAt ?? b.receivedAt) - Date.parse(a.closedAt ?? a.receivedAt);
}

/** Free text over what an officer remembers of a call: number, kind, place, caller, account. */
export function matchesFilter(incident: BoardIncident, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const hay = [
    `#${incident.id}`,
    String(incident.id),
    categoryName(incident.category),
    incident.category,
    gradeLabel(incident.grade),
    incident.location.address,
    incident.summary,
    incident.caller.name,
    incident.caller.unit ?? '',
    incident.caller.phone ?? '',
    incident.createdBy,
  ]
    .join('\n')
    .toLowerCase();
  return needle.split(/\s+/).every((word) => hay.includes(word));
}
