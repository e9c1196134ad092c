import { DISTRICT_PATH } from '@shared/domain/district';
import type { AnyDutyEvent, DutyEvent, EventType } from '@shared/events';
import type { Role } from '@shared/schemas/users';
import { isWithin } from '../modules/units/service';
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
 * (besides `self` events about the viewer itself): the kind of caller, its roles and its unit
 * (DESIGN 2.7), the subtree it may see.
 */
export interface Audience {
  /** Equal keys, equal audience. */
  key: string;
  caller: Caller;
  /** The path of the viewer's unit: it reads the events of this unit and the units below. */
  unitPath: string;
}

/**
 * One Audience object per key, shared by every console of that audience (1,000 consoles are a
 * handful of audiences): no copy per console, and a decision about an event is taken once per
 * audience (`reads`). At most a few hundred keys exist (roles × units); the map is bounded anyway.
 */
const AUDIENCES = new Map<string, Audience>();
const MAX_AUDIENCES = 10_000;

export function audienceOf(viewer: Viewer): Audience {
  const key =
    viewer.kind === 'token'
      ? `token@${viewer.unitPath}`
      : `user:${[...viewer.roles].sort().join(',')}@${viewer.unitPath}`;
  const known = AUDIENCES.get(key);
  if (known) return known;
  const audience: Audience =
    viewer.kind === 'token'
      ? { key, caller: { kind: 'token' }, unitPath: viewer.unitPath }
      : { key, caller: { kind: 'user', roles: [...viewer.roles].sort() }, unitPath: viewer.unitPath };
  if (AUDIENCES.size >= MAX_AUDIENCES) AUDIENCES.clear();
  AUDIENCES.set(key, audience);
  return audience;
}

/**
 * Who may read one event type on the live feed, live and on catch-up. Each event also has its
 * audience, the unit it belongs to (`event.unit`, DESIGN 3): a viewer reads it when `access` allows
 * the viewer's roles and the event's unit is the viewer's own or one below it (a township's incident:
 * the township, the district; never a sibling township). The hash chain and `seq` stay global.
 */
export interface ReadRule<T extends EventType> {
  /** In a route's words (`config.access`): who may read every event of this type. */
  access: Access;
  /**
   * Also read by the units below the event's unit: what the event's unit says to its whole subtree
   * (the district's settings, which every console works by). Without it, an event is read only at
   * its unit and above.
   */
  below?: true;
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
 * are. API tokens may call the intakes (`POST /api/incidents`, `/api/warnings` and its changes) only and read no route: they are sent no event (the
 * incident they created is in the intake's answer).
 *
 * Audiences (the unit each event is recorded with, `tx.record({ unit })`):
 * - unit-scoped, read at the unit and above: incident.* (the incident's unit: the township that
 *   recorded it, the district for the district's own); spotcheck.* of a unit (the unit checked: the
 *   district's 查岗 of a township is addressed to that township and seen by the district).
 * - district-wide, read by every signed-in console (`below`, recorded with `/1/`): the duty settings
 *   and the deadline profile, which every unit works by.
 * - the district's own (recorded with `/1/`, read at the district only): its roster, duty post,
 *   attendance, swaps, logbook, handovers, the leader escalation chain, the upward report outbox,
 *   and the admin trail (people, sign-ins, tokens, calendar feeds, the system).
 * - `self`: a person's own `user.updated` reaches them wherever their unit (the console follows its
 *   name, roles and unit).
 */
export const READ_RULES: ReadRules = {
  'user.created': { access: ADMIN },
  'user.updated': {
    access: ADMIN,
    self: (event, viewer) => viewer.kind === 'user' && event.payload.user.id === viewer.userId,
  },
  'user.password_reset': { access: ADMIN },
  // As GET /api/units declares: the tree is every signed-in person's (within their subtree).
  'unit.created': { access: STAFF },
  'unit.updated': { access: STAFF },
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
  'settings.updated': { access: STAFF, below: true },
  'settings.deadlines_updated': { access: STAFF, below: true },
  'settings.policy_profile_selected': { access: STAFF, below: true },
  'settings.policy_profile_saved': { access: STAFF, below: true },
  'settings.policy_profile_deleted': { access: STAFF, below: true },
  'roster.generated': { access: STAFF },
  'roster.shift_created': { access: STAFF },
  'roster.shift_updated': { access: STAFF },
  'roster.shift_deleted': { access: STAFF },
  'roster.published': { access: STAFF },
  'roster.period_created': { access: STAFF },
  'roster.period_deleted': { access: STAFF },
  'calendar.days_set': { access: STAFF },
  'calendar.day_cleared': { access: STAFF },
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
  'incident.statutory_recorded': { access: STAFF },
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
  // As GET /api/warnings and /api/responses declare: the current level is on every console of every
  // unit (recorded for the district, read below it); consultations are the district room's.
  'warning.issued': { access: STAFF, below: true },
  'warning.changed': { access: STAFF, below: true },
  'warning.lifted': { access: STAFF, below: true },
  'response.started': { access: STAFF, below: true },
  'response.changed': { access: STAFF, below: true },
  'response.ended': { access: STAFF, below: true },
  'consultation.recorded': { access: STAFF },
  // The duty network's posts, spot-checks and hops: as GET /api/posts/board declares.
  'post.assigned': { access: STAFF },
  'post.checked_in': { access: STAFF },
  'unitcheck.issued': { access: STAFF },
  'unitcheck.answered': { access: STAFF },
  'unitcheck.missed': { access: STAFF },
  'incident.taken': { access: STAFF },
  // Natural disasters (PLAN-17): the header is public to the units (recorded with '/1/', read below);
  // filings, victims and overdue obligations are recorded with their township's (or community's)
  // path, read there and above; reports and sign-offs are the district's.
  'disaster.created': { access: STAFF, below: true },
  'disaster.updated': { access: STAFF, below: true },
  'disaster.state_changed': { access: STAFF, below: true },
  'disaster.figures_filed': { access: STAFF },
  'disaster.victim_recorded': { access: STAFF },
  'disaster.victim_updated': { access: STAFF },
  'disaster.victim_removed': { access: STAFF },
  'disaster.overdue': { access: STAFF },
  'disaster.report_sent': { access: STAFF },
  'disaster.signoff_requested': { access: STAFF },
  'disaster.signoff_decided': { access: STAFF },
  'disaster.photo_added': { access: STAFF },
  // Zero reports, as GET /api/zero-reports declares: the header of a request is every unit's (recorded
  // for the district, read below it); a filing, reminder or miss is the unit's (and those above).
  'zero_report.requested': { access: STAFF, below: true },
  'zero_report.ended': { access: STAFF, below: true },
  'zero_report.filed': { access: STAFF },
  'zero_report.reminded': { access: STAFF },
  'zero_report.missed': { access: STAFF },
};

type AnyRule = { access: Access; below?: true; self?: (event: AnyDutyEvent, viewer: Viewer) => boolean };

/** The district: the audience of an event without one (sent by a node from before units). */

/** Whether an audience sees the event's unit: its own or one below; with `below`, also one above. */
function seesUnit(audience: Audience, unit: string, below: boolean): boolean {
  return isWithin(audience.unitPath, unit) || (below && isWithin(unit, audience.unitPath));
}

/** Whether this viewer (of this audience) may read the event; an unknown type is read by nobody. */
export function mayRead(viewer: Viewer, audience: Audience, event: AnyDutyEvent): boolean {
  const rule = (READ_RULES as Record<string, AnyRule | undefined>)[event.type];
  if (!rule) return false;
  if (rule.self?.(event, viewer)) return true;
  return (
    accessAllows(rule.access, audience.caller) &&
    seesUnit(audience, event.unit ?? DISTRICT_PATH, rule.below === true)
  );
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

/**
 * What each audience may read of one event, decided once per audience (not once per console): a
 * live event is one object offered to every console in turn (server/plugins/live.ts), so the
 * decision is kept with it and dropped with it. A catch-up reads its own copies from the log.
 */
const decided = new WeakMap<AnyDutyEvent, Map<Audience, boolean>>();

function audienceReads(audience: Audience, viewer: Viewer, event: AnyDutyEvent): boolean {
  let byAudience = decided.get(event);
  if (!byAudience) {
    byAudience = new Map();
    decided.set(event, byAudience);
  }
  const known = byAudience.get(audience);
  if (known !== undefined) return known;
  const answer = mayRead(viewer, audience, event);
  byAudience.set(audience, answer);
  return answer;
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
    // A person moved to another unit reads that unit's events from here on.
    reader.viewer = {
      ...viewer,
      roles,
      unitId: unitId ?? viewer.unitId,
      unitPath: unitPath ?? viewer.unitPath,
    };
    reader.audience = audienceOf(reader.viewer);
    reader.asOf = event.seq;
  }
  // A rule that looks at the viewer itself (`self`) decides per console; every other per audience.
  const rule = (READ_RULES as Record<string, AnyRule | undefined>)[event.type];
  if (rule?.self) return mayRead(reader.viewer, reader.audience, event);
  return audienceReads(reader.audience, reader.viewer, event);
}
