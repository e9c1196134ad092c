import type { MessageKey } from '@client/lib/i18n';
import type { Handover, OpenIncident, SectionKey } from '@shared/schemas/handover';

export const sectionLabel: Record<SectionKey, MessageKey> = {
  people: 'handover.section.people',
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

export const statusLabel: Record<Handover['status'], MessageKey> = {
  submitted: 'handover.status.submitted',
  sealed: 'handover.status.sealed',
};

export const statusColor: Record<Handover['status'], string> = {
  submitted: 'orange',
  sealed: 'green',
};

export const stageLabel: Record<OpenIncident['stage'], MessageKey> = {
  received: 'incidents.stage.received',
  verified: 'incidents.stage.verified',
  reported: 'incidents.stage.reported',
  handling: 'incidents.stage.handling',
  closed: 'incidents.stage.closed',
};

type ObligationKind = NonNullable<OpenIncident['next']>['kind'];

export const obligationLabel: Record<ObligationKind, MessageKey> = {
  initial_phone: 'incidents.ob.initial_phone',
  initial_written: 'incidents.ob.initial_written',
  followup_daily: 'incidents.ob.followup_daily',
  followup_change: 'incidents.ob.followup_change',
  final: 'incidents.ob.final',
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
