import type { AnyDutyEvent } from '@shared/events';

const ROSTER_PREFIXES = ['roster.', 'attendance.', 'swap.approved', 'settings.updated', 'duty.changed'];

/** Events that change what a roster view shows. */
export function touchesRoster(event: AnyDutyEvent): boolean {
  return ROSTER_PREFIXES.some((prefix) => event.type.startsWith(prefix));
}
