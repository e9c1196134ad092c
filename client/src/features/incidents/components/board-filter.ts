import { gradeLabel } from '@shared/domain/grading';
import { categoryName } from '@shared/domain/report-text';
import type { Incident } from '@shared/schemas/incidents';

export type BoardColumnKey = 'detection' | 'reporting' | 'handling';

export const columnOf: Record<Incident['stage'], BoardColumnKey | null> = {
  received: 'detection',
  verified: 'detection',
  reported: 'reporting',
  handling: 'handling',
  closed: null,
};

/** Soonest deadline first; incidents with none last, newest first among equals. */
export function byNextDue(a: Incident, b: Incident): number {
  const da = a.nextDueAt ? Date.parse(a.nextDueAt) : Number.POSITIVE_INFINITY;
  const db = b.nextDueAt ? Date.parse(b.nextDueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return Date.parse(b.receivedAt) - Date.parse(a.receivedAt);
}

export function byClosedDesc(a: Incident, b: Incident): number {
  return Date.parse(b.closedAt ?? b.receivedAt) - Date.parse(a.closedAt ?? a.receivedAt);
}

/** Free text over what an officer remembers of a call: number, kind, place, caller, account. */
export function matchesFilter(incident: Incident, text: string): boolean {
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
