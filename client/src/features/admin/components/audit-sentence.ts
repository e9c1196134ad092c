import { categoryLabel } from '@client/lib/domain-labels';
import type { Lang } from '@client/lib/i18n';
import { warningWords } from '@client/lib/warning-labels';
import type { CategoryCode } from '@shared/domain/incident-types';
import type { Consultation, EmergencyResponse, Warning } from '@shared/schemas/warnings';
import type { AnyKey, Words } from '../i18n';

/** An audit line as a sentence: who did what to which record. The JSON stays one click away. */
export interface AuditLine {
  type: string;
  actor: string;
  subject: string;
  payload: Record<string, unknown>;
}

const STATUTORY_KIND: Record<string, AnyKey> = {
  direct_entry: 'incidents.ob.direct_entry',
  direct_notified: 'incidents.ob.direct_notified',
  notification: 'incidents.ob.notification',
};

/** The common event types; any other reads the fallback sentence. */
const SENTENCE: Record<string, AnyKey> = {
  'incident.created': 'audit.say.incident.created',
  'incident.updated': 'audit.say.incident.updated',
  'incident.verified': 'audit.say.incident.verified',
  'incident.acknowledged': 'audit.say.incident.acknowledged',
  'incident.reported': 'audit.say.incident.reported',
  'incident.action': 'audit.say.incident.action',
  'incident.closed': 'audit.say.incident.closed',
  'incident.overdue': 'audit.say.incident.overdue',
  'incident.statutory_recorded': 'audit.say.incident.statutory_recorded',
  'handover.submitted': 'audit.say.handover.submitted',
  'handover.revised': 'audit.say.handover.revised',
  'handover.accepted': 'audit.say.handover.accepted',
  'handover.amended': 'audit.say.handover.amended',
  'logbook.added': 'audit.say.logbook.added',
  'logbook.updated': 'audit.say.logbook.updated',
  'logbook.linked': 'audit.say.logbook.linked',
  'auth.signed_in': 'audit.say.auth.signed_in',
  'auth.signed_out': 'audit.say.auth.signed_out',
  'auth.password_changed': 'audit.say.auth.password_changed',
  'user.created': 'audit.say.user.created',
  'user.updated': 'audit.say.user.updated',
  'user.password_reset': 'audit.say.user.password_reset',
  'attendance.checked_in': 'audit.say.attendance.checked_in',
  'attendance.checked_out': 'audit.say.attendance.checked_out',
  'attendance.missed': 'audit.say.attendance.missed',
  'spotcheck.issued': 'audit.say.spotcheck.issued',
  'spotcheck.answered': 'audit.say.spotcheck.answered',
  'spotcheck.missed': 'audit.say.spotcheck.missed',
  'roster.published': 'audit.say.roster.published',
  'system.started': 'audit.say.system.started',
  'report.delivery': 'audit.say.report.delivery',
  'warning.issued': 'audit.say.warning.issued',
  'warning.changed': 'audit.say.warning.changed',
  'warning.lifted': 'audit.say.warning.lifted',
  'response.started': 'audit.say.response.started',
  'response.changed': 'audit.say.response.changed',
  'response.ended': 'audit.say.response.ended',
  'consultation.recorded': 'audit.say.consultation.recorded',
  'settings.policy_profile_selected': 'audit.say.settings.policy_profile_selected',
  'settings.policy_profile_saved': 'audit.say.settings.policy_profile_saved',
  'settings.policy_profile_deleted': 'audit.say.settings.policy_profile_deleted',
};

/** The kind of record an event is about, as a word (the type tag's text). */
export const KIND_LABEL: Record<string, AnyKey> = {
  user: 'audit.kind.user',
  token: 'audit.kind.token',
  auth: 'audit.kind.auth',
  system: 'audit.kind.system',
  incident: 'audit.kind.incident',
  report: 'audit.kind.incident',
  duty: 'audit.kind.duty',
  attendance: 'audit.kind.duty',
  spotcheck: 'audit.kind.spotcheck',
  logbook: 'audit.kind.logbook',
  handover: 'audit.kind.handover',
  roster: 'audit.kind.roster',
  swap: 'audit.kind.roster',
  settings: 'audit.kind.settings',
  calendar: 'audit.kind.roster',
  warning: 'audit.kind.warning',
  response: 'audit.kind.warning',
  consultation: 'audit.kind.warning',
};

const REPORT_KIND: Record<string, AnyKey> = {
  initial: 'audit.report.initial',
  followup: 'audit.report.followup',
  final: 'audit.report.final',
};

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function auditSentence(
  line: AuditLine,
  t: Words,
  lang: Lang,
  person: (username: string) => string,
): string {
  const p = line.payload;
  const incident = obj(p.incident);
  const id = line.subject.includes(':') ? line.subject.slice(line.subject.indexOf(':') + 1) : line.subject;
  const category = str(incident.category);
  let what = category ? categoryLabel(category as CategoryCode, lang) : '';
  let incidentId = str(incident.id);
  if (line.type === 'incident.reported') {
    const kind = REPORT_KIND[str(obj(p.report).kind)];
    what = kind ? t(kind) : '';
  } else if (line.type === 'incident.action') what = str(obj(p.action).text);
  else if (line.type === 'incident.statutory_recorded') {
    const o = obj(p.obligation);
    const record = obj(o.record);
    what = [
      STATUTORY_KIND[str(o.kind)] ? t(STATUTORY_KIND[str(o.kind)]!) : '',
      str(record.department),
      str(record.recordNumber),
    ]
      .filter((s) => s !== '')
      .join(' ');
  } else if (line.type.startsWith('logbook.')) {
    what = str(obj(p.entry).content);
    if (line.type === 'logbook.linked') incidentId = str(p.incidentId);
  } else if (line.type.startsWith('user.created') || line.type === 'user.updated')
    what = str(obj(p.user).displayName) || str(obj(p.user).username);
  else if (line.type === 'user.password_reset') what = person(str(p.username));
  else if (line.type.startsWith('attendance.')) what = str(obj(p.shift).userName);
  else if (line.type === 'roster.published') what = str(obj(p.month).month);
  else if (line.type.startsWith('warning.') && p.warning)
    what = warningWords(lang).warning(p.warning as Warning);
  else if (line.type.startsWith('response.') && p.response)
    what = warningWords(lang).response(p.response as EmergencyResponse);
  else if (line.type === 'consultation.recorded')
    what = str((p.consultation as Consultation | undefined)?.conclusions);
  else if (line.type === 'settings.policy_profile_selected') what = str(obj(p.policy).name);
  else if (line.type === 'settings.policy_profile_saved') what = str(obj(obj(p.profile).policy).name);
  else if (line.type === 'settings.policy_profile_deleted') what = str(p.name);
  else if (line.type === 'report.delivery') {
    incidentId = str(p.incidentId);
    what = t(p.status === 'sent' ? 'audit.delivery.sent' : 'audit.delivery.retrying');
  }
  if (what.length > 60) what = `${what.slice(0, 60)}…`;
  const vars = { who: person(line.actor), id, what, incident: incidentId };
  // A statutory record (直报录入, a notification) overdue is no report overdue: say which.
  const overdueKind =
    line.type === 'incident.overdue' ? STATUTORY_KIND[str(obj(p.obligation).kind)] : undefined;
  if (overdueKind) return t('audit.say.incident.statutory_overdue', { ...vars, kind: t(overdueKind) });
  const key = SENTENCE[line.type];
  if (key) return t(key, vars);
  const kind = KIND_LABEL[line.type.split('.')[0] ?? ''];
  return t('audit.say.other', { ...vars, kind: kind ? t(kind) : line.type });
}
