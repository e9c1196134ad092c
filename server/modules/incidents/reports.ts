import { incidentCard } from '@shared/domain/board-fields';
import type { ReportChannel, ReportKind, ReportRecord } from '@shared/domain/incident-types';
import { draftReportText, type ReportIncident, reportTitle } from '@shared/domain/report-text';
import type { Report } from '@shared/schemas/incidents';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { enqueue } from '../outbox/service';
import { incidentRow, readIncidentRow, reload } from './lifecycle';
import { obligationsFor, refreshObligations } from './obligations';
import { insertReport, reportRows, toReport, updateIncidentRow } from './repo';
import { markSignoffUsed, resolveSignoff } from './signoffs';
import { reportView } from './snapshot';

export interface SendReport {
  kind: ReportKind;
  channel: ReportChannel;
  recipient: string;
  text?: string;
  /** An approved sign-off request of this incident (written reports). */
  signoffRequestId?: number;
  /** The leader who consented by telephone (电话请示同意), recorded by the caller. */
  phoneConsentBy?: string;
}

/** The draft a composer starts from: the six items of 第十二条 for a 首报, what changed for a 续报. */
export async function draftFor(
  db: DbOrTrx,
  id: number,
  kind: ReportKind,
  zone: string,
  asOf: string,
): Promise<{ title: string; text: string }> {
  const row = await readIncidentRow(db, id);
  const { snapshot, reports } = await reportView(db, row);
  const rows = await reportRows(db, id);
  // Each earlier report with the incident as it stood then: a 续报 says what changed since the last.
  const sent = rows.map((r) => ({
    kind: r.kind,
    sentAt: r.sent_at,
    incident: JSON.parse(r.snapshot) as ReportIncident,
  }));
  return {
    title: reportTitle(reports.length + 1, kind, reports.filter((r) => r.kind === 'followup').length),
    text: draftReportText({ kind, incident: snapshot, reports: sent, asOf, zone }),
  };
}

/** A report sent up: numbered, immutable, judged on time or late against its obligations. */
export async function sendReport(
  tx: Tx,
  id: number,
  body: SendReport,
  opts: { zone: string; callerIsLeader: boolean; upstreams: readonly string[] },
): Promise<{ report: Report }> {
  const row = await incidentRow(tx, id);
  if (row.stage === 'closed') throw new DutyError('DUTY_ERR_CONFLICT', 'the incident is closed');
  const { snapshot, reports } = await reportView(tx.trx, row);
  if (body.kind !== 'initial' && !reports.some((r) => r.kind === 'initial')) {
    throw new DutyError('DUTY_ERR_CONFLICT', 'send the initial report (首报) first');
  }
  if (body.kind === 'final' && reports.some((r) => r.kind === 'final')) {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'the final report (终报) was already sent');
  }
  const signed = await resolveSignoff(tx, id, body, opts.callerIsLeader);
  const signedOffBy = signed.signoff?.leader ?? null;
  const draft = await draftFor(tx.trx, id, body.kind, opts.zone, nowStored(tx.clock));
  const sentAt = nowStored(tx.clock);
  const number = reports.length + 1;
  const record: ReportRecord = { number, kind: body.kind, channel: body.channel, sentAt };
  const obligations = await obligationsFor(tx.trx, row, [...reports, record], opts.zone);
  const late = obligations.some((o) => o.reportNumber === number && o.late);
  const inserted = await insertReport(tx.trx, {
    incident_id: id,
    number,
    title: draft.title,
    kind: body.kind,
    channel: body.channel,
    recipient: body.recipient,
    text: signed.text ?? body.text ?? draft.text,
    signed_off_by: signedOffBy,
    signoff: signed.signoff ? JSON.stringify(signed.signoff) : null,
    signoff_request_id: signed.requestId,
    sent_at: sentAt,
    sent_by: tx.actor,
    late: late ? 1 : 0,
    snapshot: JSON.stringify(snapshot),
  });
  if (signed.requestId !== null) await markSignoffUsed(tx, signed.requestId, Number(inserted.id));
  if (row.stage === 'received' || row.stage === 'verified') {
    await updateIncidentRow(tx.trx, id, { stage: 'reported', updated_at: sentAt });
  }
  await refreshObligations(
    tx.trx,
    await incidentRow(tx, id),
    [...reports, record],
    opts.zone,
    tx.clock.now(),
  );
  // Drills never go upstream; a phone report has nothing to forward.
  const forwarded = row.drill !== 1 && body.channel !== 'phone' && opts.upstreams.length > 0;
  if (forwarded) {
    for (const [i, endpoint] of opts.upstreams.entries()) {
      await enqueue(tx, {
        topic: 'upstream_report',
        key: `report-${inserted.id}-${i}`,
        endpoint,
        subject: `report:${inserted.id}`,
        payload: {
          incidentId: id,
          incident: snapshot,
          report: {
            number,
            title: draft.title,
            kind: body.kind,
            text: inserted.text,
            sentAt,
            signedOffBy,
            signoff: signed.signoff,
          },
        },
      });
    }
  }
  const report = toReport(inserted, forwarded ? 'pending' : 'none');
  const incident = await reload(tx, id);
  await tx.record({
    type: 'incident.reported',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), report },
    unit: incident.unitPath,
  });
  return { report };
}
