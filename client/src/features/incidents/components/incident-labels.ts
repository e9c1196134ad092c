import type { MessageKey } from '@client/lib/i18n';
import type { CasualtyField } from '@shared/domain/incident-flags';
import type { Grade } from '@shared/domain/incident-types';
import type { ActionBody, Incident, ObligationView, Report } from '@shared/schemas/incidents';

export type GradeLook = Grade | 'none';

/** I red, II orange, III yellow, IV blue, ungraded grey: the colours of the warning scale. */
export const gradeColor: Record<GradeLook, string> = {
  I: '#cf1322',
  II: '#fa8c16',
  III: '#fadb14',
  IV: '#1677ff',
  none: '#8c8c8c',
};

/** Text on a filled grade badge: dark on yellow, white elsewhere. */
export const gradeInk: Record<GradeLook, string> = {
  I: '#fff',
  II: '#fff',
  III: '#262626',
  IV: '#fff',
  none: '#fff',
};

export function gradeLook(grade: Grade | null): GradeLook {
  return grade ?? 'none';
}

export const stageLabel: Record<Incident['stage'], MessageKey> = {
  received: 'incidents.stage.received',
  verified: 'incidents.stage.verified',
  reported: 'incidents.stage.reported',
  handling: 'incidents.stage.handling',
  closed: 'incidents.stage.closed',
};

export const obligationLabel: Record<ObligationView['kind'], MessageKey> = {
  initial_phone: 'incidents.ob.initial_phone',
  initial_written: 'incidents.ob.initial_written',
  followup_daily: 'incidents.ob.followup_daily',
  followup_change: 'incidents.ob.followup_change',
  final: 'incidents.ob.final',
  direct_entry: 'incidents.ob.direct_entry',
  direct_notified: 'incidents.ob.direct_notified',
  notification: 'incidents.ob.notification',
  hop: 'incidents.ob.hop',
};

export const sourceLabel: Record<Incident['source'], MessageKey> = {
  phone: 'incidents.source.phone',
  api: 'incidents.source.api',
  walk_in: 'incidents.source.walk_in',
  monitoring: 'incidents.source.monitoring',
  tip_off: 'incidents.source.tip_off',
  media: 'incidents.source.media',
};

export const actionLabel: Record<ActionBody['type'], MessageKey> = {
  dispatch: 'incidents.action.dispatch',
  instruction: 'incidents.action.instruction',
  update: 'incidents.action.update',
  note: 'incidents.action.note',
};

export const actionColor: Record<ActionBody['type'], string> = {
  dispatch: 'blue',
  instruction: 'gold',
  update: 'green',
  note: 'default',
};

export const reportKindLabel: Record<Report['kind'], MessageKey> = {
  initial: 'incidents.reportKind.initial',
  followup: 'incidents.reportKind.followup',
  final: 'incidents.reportKind.final',
};

export const channelLabel: Record<Report['channel'], MessageKey> = {
  phone: 'incidents.channel.phone',
  written: 'incidents.channel.written',
  system: 'incidents.channel.system',
};

export const deliveryLabel: Record<Report['delivery'], MessageKey> = {
  none: 'incidents.delivery.none',
  pending: 'incidents.delivery.pending',
  sent: 'incidents.delivery.sent',
  failed: 'incidents.delivery.failed',
};

export const deliveryColor: Record<Report['delivery'], string> = {
  none: 'default',
  pending: 'processing',
  sent: 'success',
  failed: 'error',
};

export const casualtyLabel: Record<CasualtyField, MessageKey> = {
  deaths: 'incidents.cas.deaths',
  missing: 'incidents.cas.missing',
  seriousInjuries: 'incidents.cas.seriousInjuries',
  poisoned: 'incidents.cas.poisoned',
  minorInjuries: 'incidents.cas.minorInjuries',
  injuredUnknown: 'incidents.cas.injuredUnknown',
  trapped: 'incidents.cas.trapped',
  endangered: 'incidents.cas.endangered',
  evacuated: 'incidents.cas.evacuated',
};

/** Timeline entries are event types; unknown ones show as they are. */
export const eventLabel: Partial<Record<string, MessageKey>> = {
  'incident.created': 'incidents.ev.created',
  'incident.updated': 'incidents.ev.updated',
  'incident.verified': 'incidents.ev.verified',
  'incident.acknowledged': 'incidents.ev.acknowledged',
  'incident.reported': 'incidents.ev.reported',
  'incident.action': 'incidents.ev.action',
  'incident.closed': 'incidents.ev.closed',
  'incident.overdue': 'incidents.ev.overdue',
  'incident.taken': 'incidents.ev.taken',
  'incident.signoff_requested': 'incidents.ev.signoffRequested',
  'incident.signoff_approved': 'incidents.ev.signoffApproved',
  'incident.signoff_returned': 'incidents.ev.signoffReturned',
  'report.delivery': 'incidents.ev.delivery',
};

/** The department of a `notification:<department>` obligation key; null for any other key. */
export function notificationDepartment(key: string): string | null {
  return key.startsWith('notification:') ? key.slice('notification:'.length) : null;
}

/** The statutory obligations the officer records (not reports up the chain). */
export const STATUTORY_KINDS: readonly ObligationView['kind'][] = [
  'direct_entry',
  'direct_notified',
  'notification',
];

export const directScopeLabel: Record<Incident['directReport'], MessageKey> = {
  in_scope: 'incidents.direct.in_scope',
  not_production: 'incidents.direct.not_production',
  below_threshold: 'incidents.direct.below_threshold',
  drill: 'incidents.direct.drill',
};
