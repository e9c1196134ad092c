import type { AnyDutyEvent, DutyEvent, EventType } from '@shared/events';
import type { Role } from '@shared/schemas/users';
import { type Access, ADMIN, accessAllows, type Caller } from '../plugins/access';

/**
 * Who holds a live feed: a signed-in person with their roles, or an API token; each with its unit
 * (DESIGN 2.7): `unitPath` is the subtree it may see (a token's is its creator's unit).
 */
export type Viewer =
  | { kind: 'user'; userId: number; roles: readonly Role[]; unitId: number; unitPath: string }
  | { kind: 'token'; tokenId: number; unitId: number; unitPath: string };

/**
 * The class of viewers a read rule decides for: viewers of one audience are sent the same events
 * (besides `self` events about the viewer itself). Today the kind of caller and its roles; units
 * (DESIGN 2.7) add the subtree a viewer may see here, and `mayRead` then also checks the event's unit.
 */
export interface Audience {
  /** Equal keys, equal audience. */
  key: string;
  caller: Caller;
}

export function audienceOf(viewer: Viewer): Audience {
  if (viewer.kind === 'token') return { key: 'token', caller: { kind: 'token' } };
  return {
    key: `user:${[...viewer.roles].sort().join(',')}`,
    caller: { kind: 'user', roles: viewer.roles },
  };
}

/** Who may read one event type on the live feed, live and on catch-up. */
export interface ReadRule<T extends EventType> {
  /** In a route's words (`config.access`): who may read every event of this type. */
  access: Access;
  /** Besides: the one viewer an event is about (its own `user.updated`: the console follows its name and roles). */
  self?: (event: DutyEvent<T>, viewer: Viewer) => boolean;
}

/** One rule per event type: an event type without a rule does not compile. */
export type ReadRules = { readonly [T in EventType]: ReadRule<T> };

/** Any signed-in person: what the GET routes of rosters, incidents, logbook, handovers declare. */
const STAFF: Access = 'user';

/**
 * The read rules. People and their sign-ins, tokens, calendar feeds and the system are the audit
 * trail's (`GET /api/events`, admin). The duty itself is every signed-in person's, as its GET routes
 * are. API tokens may call `POST /api/incidents` only and read no route: they are sent no event (the
 * incident they created is in the intake's answer).
 */
export const READ_RULES: ReadRules = {
  'user.created': { access: ADMIN },
  'user.updated': {
    access: ADMIN,
    self: (event, viewer) => viewer.kind === 'user' && event.payload.user.id === viewer.userId,
  },
  'user.password_reset': { access: ADMIN },
  'token.created': { access: ADMIN },
  'token.revoked': { access: ADMIN },
  'auth.signed_in': { access: ADMIN },
  'auth.signed_out': { access: ADMIN },
  'auth.password_changed': { access: ADMIN },
  'system.started': { access: ADMIN },
  'system.installed': { access: ADMIN },
  'calendar.feed_created': { access: ADMIN },
  'calendar.feed_revoked': { access: ADMIN },
  'calendar.roster_feed_created': { access: ADMIN },
  'calendar.roster_feed_revoked': { access: ADMIN },
  'settings.updated': { access: STAFF },
  'settings.deadlines_updated': { access: STAFF },
  'roster.generated': { access: STAFF },
  'roster.shift_created': { access: STAFF },
  'roster.shift_updated': { access: STAFF },
  'roster.shift_deleted': { access: STAFF },
  'roster.published': { access: STAFF },
  'roster.period_created': { access: STAFF },
  'roster.period_deleted': { access: STAFF },
  'duty.changed': { access: STAFF },
  'attendance.checked_in': { access: STAFF },
  'attendance.checked_out': { access: STAFF },
  'attendance.missed': { access: STAFF },
  'spotcheck.issued': { access: STAFF },
  'spotcheck.answered': { access: STAFF },
  'spotcheck.missed': { access: STAFF },
  'swap.requested': { access: STAFF },
  'swap.accepted': { access: STAFF },
  'swap.approved': { access: STAFF },
  'swap.rejected': { access: STAFF },
  'swap.cancelled': { access: STAFF },
  'incident.created': { access: STAFF },
  'incident.updated': { access: STAFF },
  'incident.verified': { access: STAFF },
  'incident.acknowledged': { access: STAFF },
  'incident.reported': { access: STAFF },
  'incident.action': { access: STAFF },
  'incident.closed': { access: STAFF },
  'incident.overdue': { access: STAFF },
  'incident.signoff_requested': { access: STAFF },
  'incident.signoff_approved': { access: STAFF },
  'incident.signoff_returned': { access: STAFF },
  // As GET /api/outbox/backlog declares.
  'report.delivery': { access: ['officer', 'leader', 'admin'] },
  // As GET /api/escalations and /api/settings/escalation declare: the duty room calls the next person.
  'escalation.started': { access: STAFF },
  'escalation.stepped': { access: STAFF },
  'escalation.acknowledged': { access: STAFF },
  'escalation.delivery': { access: STAFF },
  'escalation.settings_updated': { access: STAFF },
  'logbook.added': { access: STAFF },
  'logbook.updated': { access: STAFF },
  'logbook.linked': { access: STAFF },
  'handover.submitted': { access: STAFF },
  'handover.revised': { access: STAFF },
  'handover.accepted': { access: STAFF },
  'handover.amended': { access: STAFF },
  // The duty network's posts, spot-checks and hops: as GET /api/posts/board declares.
  'post.assigned': { access: STAFF },
  'post.checked_in': { access: STAFF },
  'unitcheck.issued': { access: STAFF },
  'unitcheck.answered': { access: STAFF },
  'unitcheck.missed': { access: STAFF },
  'incident.taken': { access: STAFF },
};

type AnyRule = { access: Access; self?: (event: AnyDutyEvent, viewer: Viewer) => boolean };

/** Whether this viewer (of this audience) may read the event; an unknown type is read by nobody. */
export function mayRead(viewer: Viewer, audience: Audience, event: AnyDutyEvent): boolean {
  const rule = (READ_RULES as Record<string, AnyRule | undefined>)[event.type];
  if (!rule) return false;
  return accessAllows(rule.access, audience.caller) || (rule.self?.(event, viewer) ?? false);
}

/**
 * A viewer as a live feed holds it, reading the log in seq order. What it may read is decided by
 * its rights now, as for `GET` routes; a change to the viewer in the log after they were read
 * (`asOf`) takes effect from that event on (a user given or losing the admin role while connected).
 */
export interface Reader {
  viewer: Viewer;
  audience: Audience;
  /** The log's head when the viewer's rights were read. */
  asOf: number;
}

export function newReader(viewer: Viewer, asOf: number): Reader {
  return { viewer, audience: audienceOf(viewer), asOf };
}

/** Takes the next event of the log for this reader: follows changes to it, then says whether it is sent. */
export function reads(reader: Reader, event: AnyDutyEvent): boolean {
  const { viewer } = reader;
  if (
    event.type === 'user.updated' &&
    event.seq > reader.asOf &&
    viewer.kind === 'user' &&
    event.payload.user.id === viewer.userId
  ) {
    const { roles, unitId, unitPath } = event.payload.user;
    reader.viewer = { ...viewer, roles, unitId, unitPath };
    reader.audience = audienceOf(reader.viewer);
    reader.asOf = event.seq;
  }
  return mayRead(reader.viewer, reader.audience, event);
}
