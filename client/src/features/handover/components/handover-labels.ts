import type { Handover, HandoverAlarm, OpenIncident, SectionKey } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import type { AnyKey } from '../i18n';

export const sectionLabel: Record<SectionKey, AnyKey> = {
  people: 'handover.section.people',
  warnings: 'handover.section.warnings',
  attendance: 'handover.section.attendance',
  received: 'handover.section.received',
  open: 'handover.section.open',
  reports: 'handover.section.reports',
  calls: 'handover.section.calls',
  instructions: 'handover.section.instructions',
  pending: 'handover.section.pending',
  equipment: 'handover.section.equipment',
  notes: 'handover.section.notes',
};

export const alarmLabel: Record<HandoverAlarm['kind'], AnyKey> = {
  missed_check_in: 'handover.alarms.missed_check_in',
  spot_check: 'handover.alarms.spot_check',
  overdue_report: 'handover.alarms.overdue_report',
  upstream_backlog: 'handover.alarms.upstream_backlog',
};

export const statusLabel: Record<Handover['status'], AnyKey> = {
  submitted: 'handover.status.submitted',
  sealed: 'handover.status.sealed',
};

export const statusColor: Record<Handover['status'], string> = {
  submitted: 'orange',
  sealed: 'green',
};

export const stageLabel: Record<OpenIncident['stage'], AnyKey> = {
  received: 'incidents.stage.received',
  verified: 'incidents.stage.verified',
  reported: 'incidents.stage.reported',
  handling: 'incidents.stage.handling',
  closed: 'incidents.stage.closed',
};

type ObligationKind = NonNullable<OpenIncident['next']>['kind'];

export const obligationLabel: Record<ObligationKind, AnyKey> = {
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

/** The officer who may sign: the one rostered next, not the one who handed over. */
export function isIncomingOf(h: Handover, userId: number): boolean {
  if (h.outgoing?.userId === userId) return false;
  return h.incoming?.userId === userId || h.content.people.incoming.some((p) => p.userId === userId);
}

/** Who is expected to sign, by name. */
export function expectedSigner(h: Handover): string {
  return h.incoming?.name ?? h.content.people.incoming.map((p) => p.name).join('、');
}

/** Who may append an amendment (the server decides the same): a signatory, the leader on call, an administrator. */
export function mayAmend(h: Handover, user: Pick<User, 'id' | 'roles'>): boolean {
  if (user.roles.includes('admin')) return true;
  const answerable = [
    h.outgoing?.userId,
    h.incoming?.userId,
    ...h.content.people.leaders.map((p) => p.userId),
  ];
  return answerable.includes(user.id);
}
