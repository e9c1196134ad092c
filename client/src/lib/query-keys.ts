/**
 * The first element of every query key: one resource each. Live events make resources stale by
 * this name (`live-cache.ts`); a feature's keys are `[resource, ...what it asked for]`.
 */
export type Resource =
  | 'audit'
  /** The official calendar (holidays, make-up workdays, the missing-year flag). */
  | 'calendar'
  /** One natural disaster's page: `['disaster', id]`. */
  | 'disaster'
  /** The natural disasters (灾情报送) list. */
  | 'disasters'
  /** The handover draft of the caller's shift: drafted from nearly every record of the shift. */
  | 'drafts'
  | 'duty'
  | 'escalations'
  | 'feeds'
  | 'handovers'
  | 'health'
  // The board's lists of incident cards: patched from each incident event's card, not read again.
  | 'incident-board'
  | 'incidents'
  | 'logbook'
  | 'outbox'
  | 'periods'
  /** The duty network: unit posts, their spot-checks, reports from below (the network board). */
  | 'posts'
  | 'roster'
  | 'session'
  | 'settings'
  /** 签发 requests: an incident's, and the ones awaiting the signed-in leader. */
  | 'signoffs'
  | 'spotchecks'
  | 'stats'
  | 'swaps'
  | 'tokens'
  /** The units tree of the duty network (DESIGN 2.7). */
  | 'units'
  | 'users'
  /** Warnings (预警), emergency responses and consultations: the wall, the briefing, the warnings page. */
  | 'warnings'
  /** Zero-report requests (零报告) with today's round; a unit's own asks. */
  | 'zero-reports'
  /** One zero-report request's round of a date. */
  | 'zero-report';

/** A query key: its resource, then the parameters of the read (plain JSON values). */
export type ResourceKey = readonly [Resource, ...unknown[]];

export const resourceKey = <const P extends unknown[]>(resource: Resource, ...params: P) =>
  [resource, ...params] as const;
