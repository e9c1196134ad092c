import type { AnyDutyEvent, DutyEvent, EventType } from '@shared/events';
import type { EventPage } from '@shared/schemas/events';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
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

// The handover draft is drafted from the shift's records: what changes them changes it.
const DUTY: readonly Resource[] = ['duty', 'roster', 'stats', 'drafts'];
// A report from a unit below lands on the network board too.
const INCIDENT: readonly Resource[] = ['incidents', 'stats', 'drafts', 'posts'];
const HANDOVER: readonly Resource[] = ['handovers', 'drafts'];
// Warnings and responses strengthen the duty (DESIGN 2.5): the duty views read them too.
const WARNINGS: readonly Resource[] = ['warnings', 'drafts', 'duty', 'roster'];
// Natural disasters: the list and each disaster's page (figures, obligations, victims, reports).
const DISASTERS: readonly Resource[] = ['disasters', 'disaster'];

/**
 * One rule per event type, in one place: a new event type does not compile until it says what it
 * changes in the console.
 */
export const LIVE_CACHE: { readonly [T in EventType]: CacheRule<T> } = {
  'user.created': { stale: ['users'] },
  'user.updated': { stale: ['users', 'duty', 'roster'] },
  'user.password_reset': { stale: ['users'] },
  'unit.created': { stale: ['units'] },
  'unit.updated': { stale: ['units', 'users'] },
  'token.created': { stale: ['tokens'] },
  'token.revoked': { stale: ['tokens'] },
  // Events that change nothing on screen but the audit trail, which takes every event (below).
  'auth.signed_in': { stale: [] },
  'auth.signed_out': { stale: [] },
  'auth.password_changed': { stale: [] },
  'system.started': { stale: [] },
  'system.installed': { stale: [] },
  'settings.updated': { stale: ['settings', ...DUTY] },
  'settings.deadlines_updated': { stale: ['settings'] },
  'settings.policy_profile_selected': { stale: ['settings'] },
  'settings.policy_profile_saved': { stale: ['settings'] },
  'settings.policy_profile_deleted': { stale: ['settings'] },
  'roster.generated': { stale: DUTY },
  'roster.shift_created': { stale: DUTY },
  'roster.shift_updated': { stale: DUTY },
  'roster.shift_deleted': { stale: DUTY },
  'roster.published': { stale: DUTY },
  'roster.period_created': { stale: ['periods', ...DUTY] },
  'roster.period_deleted': { stale: ['periods', ...DUTY] },
  'calendar.days_set': { stale: ['calendar', 'periods', ...DUTY] },
  'calendar.day_cleared': { stale: ['calendar', 'periods', ...DUTY] },
  'duty.changed': { stale: DUTY },
  'attendance.checked_in': { stale: [...DUTY, 'spotchecks'] },
  'attendance.checked_out': { stale: [...DUTY, 'spotchecks'] },
  'attendance.missed': { stale: [...DUTY, 'spotchecks'] },
  'spotcheck.issued': { stale: ['spotchecks', 'stats', 'drafts'] },
  'spotcheck.answered': { stale: ['spotchecks', 'stats', 'drafts'] },
  'spotcheck.missed': { stale: ['spotchecks', 'stats', 'drafts'] },
  'post.assigned': { stale: ['posts'] },
  'post.checked_in': { stale: ['posts'] },
  'unitcheck.issued': { stale: ['posts'] },
  'unitcheck.answered': { stale: ['posts'] },
  'unitcheck.missed': { stale: ['posts'] },
  'incident.taken': { stale: INCIDENT, patch: patchIncident },
  'swap.requested': { stale: ['swaps', 'stats'] },
  'swap.accepted': { stale: ['swaps', 'stats'] },
  'swap.approved': { stale: ['swaps', ...DUTY] },
  'swap.rejected': { stale: ['swaps', 'stats'] },
  'swap.cancelled': { stale: ['swaps', 'stats'] },
  'incident.created': { stale: INCIDENT, patch: patchIncident },
  'incident.updated': { stale: INCIDENT, patch: patchIncident },
  'incident.verified': { stale: INCIDENT, patch: patchIncident },
  'incident.acknowledged': { stale: INCIDENT, patch: patchIncident },
  'incident.reported': { stale: [...INCIDENT, 'outbox'], patch: patchIncident },
  'incident.action': { stale: INCIDENT, patch: patchIncident },
  'incident.closed': { stale: INCIDENT, patch: patchIncident },
  'incident.overdue': { stale: INCIDENT, patch: patchIncident },
  'incident.statutory_recorded': { stale: INCIDENT, patch: patchIncident },
  'incident.signoff_requested': { stale: ['signoffs', 'incidents'] },
  'incident.signoff_approved': { stale: ['signoffs', 'incidents'] },
  'incident.signoff_returned': { stale: ['signoffs', 'incidents'] },
  'report.delivery': { stale: ['outbox', 'incidents', 'drafts'] },
  'calendar.feed_created': { stale: ['feeds'] },
  'calendar.feed_revoked': { stale: ['feeds'] },
  'calendar.roster_feed_created': { stale: ['feeds'] },
  'calendar.roster_feed_revoked': { stale: ['feeds'] },
  'logbook.added': { stale: ['logbook', 'drafts', 'stats'] },
  'logbook.updated': { stale: ['logbook', 'drafts'] },
  'logbook.linked': { stale: ['logbook', 'incidents', 'drafts'] },
  'handover.submitted': { stale: HANDOVER },
  'handover.revised': { stale: HANDOVER },
  // A sealed handover closes its shift's log entries to edits.
  'handover.accepted': { stale: [...HANDOVER, 'logbook', 'stats'] },
  'handover.amended': { stale: HANDOVER },
  'escalation.started': { stale: ['escalations'] },
  'escalation.stepped': { stale: ['escalations'] },
  'escalation.acknowledged': { stale: ['escalations'] },
  'escalation.delivery': { stale: ['escalations'] },
  'escalation.settings_updated': { stale: ['settings'] },
  // The wall, the briefing, the warnings page and the handover draft (预警与应急响应) read them.
  'warning.issued': { stale: WARNINGS },
  'warning.changed': { stale: WARNINGS },
  'warning.lifted': { stale: WARNINGS },
  'response.started': { stale: WARNINGS },
  'response.changed': { stale: WARNINGS },
  'response.ended': { stale: WARNINGS },
  'consultation.recorded': { stale: WARNINGS },
  'disaster.created': { stale: DISASTERS },
  'disaster.updated': { stale: DISASTERS },
  'disaster.state_changed': { stale: DISASTERS },
  'disaster.figures_filed': { stale: DISASTERS },
  'disaster.victim_recorded': { stale: DISASTERS },
  'disaster.victim_updated': { stale: DISASTERS },
  'disaster.victim_removed': { stale: DISASTERS },
  'disaster.overdue': { stale: DISASTERS },
  'disaster.report_sent': { stale: [...DISASTERS, 'outbox'] },
  'disaster.signoff_requested': { stale: [...DISASTERS, 'signoffs'] },
  'disaster.signoff_decided': { stale: [...DISASTERS, 'signoffs'] },
  'disaster.photo_added': { stale: DISASTERS },
};

type AuditPages = InfiniteData<Static<typeof EventPage>, number | null>;

/**
 * Every event is a line of the audit trail: it is put on top of each audit query (`['audit', type
 * or null]`) it belongs to, so the trail grows without a read. A query being read takes it by
 * reading again (its answer would overwrite the line).
 */
function appendToAuditTrail(client: QueryClient, event: AnyDutyEvent): void {
  for (const query of client.getQueryCache().findAll({ queryKey: ['audit'] })) {
    const type = query.queryKey[1];
    if (typeof type === 'string' && type !== event.type) continue;
    if (query.state.fetchStatus === 'fetching') {
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    client.setQueryData<AuditPages>(query.queryKey, (data) => {
      const [head, ...older] = data?.pages ?? [];
      if (!data || !head || head.events.some((e) => e.seq === event.seq)) return data;
      const line = event as Static<typeof EventPage>['events'][number];
      const top = { ...head, events: [line, ...head.events], headSeq: Math.max(head.headSeq, event.seq) };
      return { ...data, pages: [top, ...older] };
    });
  }
}

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
    appendToAuditTrail(client, event);
    for (const resource of rule.stale) pending.add(resource);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
