import type { AnyDutyEvent, DutyEvent, EventType } from '@shared/events';
import type { QueryClient } from '@tanstack/react-query';
import { patchIncident } from './live-patches/incidents';
import { subscribeLiveEvents } from './live-store';
import type { Resource } from './query-keys';

/**
 * What a live event does to the cache: the resources it makes stale (read again, once, after a
 * burst settles), and optionally a patch applied at once (the board moves a card before any read).
 */
export interface CacheRule<T extends EventType> {
  stale: readonly Resource[];
  patch?: (client: QueryClient, event: DutyEvent<T>) => void;
}

const DUTY: readonly Resource[] = ['duty', 'roster', 'stats'];

/**
 * One rule per event type, in one place: a new event type does not compile until it says what it
 * changes in the console.
 */
export const LIVE_CACHE: { readonly [T in EventType]: CacheRule<T> } = {
  'user.created': { stale: ['users'] },
  'user.updated': { stale: ['users', 'duty', 'roster'] },
  'user.password_reset': { stale: ['users'] },
  'token.created': { stale: ['tokens'] },
  'token.revoked': { stale: ['tokens'] },
  'auth.signed_in': { stale: ['audit'] },
  'auth.signed_out': { stale: ['audit'] },
  'auth.password_changed': { stale: ['audit'] },
  'system.started': { stale: ['audit'] },
  'system.installed': { stale: ['audit'] },
  'settings.updated': { stale: ['settings', ...DUTY] },
  'settings.deadlines_updated': { stale: ['settings'] },
  'roster.generated': { stale: DUTY },
  'roster.shift_created': { stale: DUTY },
  'roster.shift_updated': { stale: DUTY },
  'roster.shift_deleted': { stale: DUTY },
  'roster.published': { stale: DUTY },
  'roster.period_created': { stale: ['periods', ...DUTY] },
  'roster.period_deleted': { stale: ['periods', ...DUTY] },
  'duty.changed': { stale: DUTY },
  'attendance.checked_in': { stale: [...DUTY, 'spotchecks'] },
  'attendance.checked_out': { stale: [...DUTY, 'spotchecks'] },
  'attendance.missed': { stale: [...DUTY, 'spotchecks'] },
  'spotcheck.issued': { stale: ['spotchecks', 'stats'] },
  'spotcheck.answered': { stale: ['spotchecks', 'stats'] },
  'spotcheck.missed': { stale: ['spotchecks', 'stats'] },
  'swap.requested': { stale: ['swaps'] },
  'swap.accepted': { stale: ['swaps'] },
  'swap.approved': { stale: ['swaps', ...DUTY] },
  'swap.rejected': { stale: ['swaps'] },
  'swap.cancelled': { stale: ['swaps'] },
  'incident.created': { stale: ['incidents', 'stats'], patch: patchIncident },
  'incident.updated': { stale: ['incidents', 'stats'], patch: patchIncident },
  'incident.verified': { stale: ['incidents', 'stats'], patch: patchIncident },
  'incident.acknowledged': { stale: ['incidents', 'stats'], patch: patchIncident },
  'incident.reported': { stale: ['incidents', 'stats', 'outbox'], patch: patchIncident },
  'incident.action': { stale: ['incidents'], patch: patchIncident },
  'incident.closed': { stale: ['incidents', 'stats'], patch: patchIncident },
  'incident.overdue': { stale: ['incidents', 'stats'], patch: patchIncident },
  'report.delivery': { stale: ['outbox', 'incidents'] },
  'calendar.feed_created': { stale: ['feeds'] },
  'calendar.feed_revoked': { stale: ['feeds'] },
  'calendar.roster_feed_created': { stale: ['feeds'] },
  'calendar.roster_feed_revoked': { stale: ['feeds'] },
  'logbook.added': { stale: ['logbook', 'handovers', 'stats'] },
  'logbook.updated': { stale: ['logbook', 'handovers'] },
  'logbook.linked': { stale: ['logbook', 'incidents'] },
  'handover.submitted': { stale: ['handovers'] },
  'handover.revised': { stale: ['handovers'] },
  // A sealed handover closes its shift's log entries to edits.
  'handover.accepted': { stale: ['handovers', 'logbook', 'stats'] },
  'handover.amended': { stale: ['handovers'] },
};

const SETTLE_MS = 200;

/**
 * Applies every live event to the cache: patches at once, and marks its resources stale after a
 * burst settles (approving a swap emits several events; one read answers them all). Active
 * queries of a stale resource are read again; inactive ones on their next use.
 */
export function connectLiveCache(client: QueryClient): () => void {
  const pending = new Set<Resource>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    for (const resource of pending) void client.invalidateQueries({ queryKey: [resource] });
    pending.clear();
  };
  const unsubscribe = subscribeLiveEvents((event: AnyDutyEvent) => {
    const rule = LIVE_CACHE[event.type] as CacheRule<EventType> | undefined;
    if (!rule) return;
    rule.patch?.(client, event as DutyEvent<EventType>);
    for (const resource of rule.stale) pending.add(resource);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
