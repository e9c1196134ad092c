import type { DisasterRecipient, DisasterReportKind } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type {
  DisasterReport,
  DisasterReportHeader,
  ReportFigures,
  SendDisasterReportBody,
} from '@shared/schemas/disasters';
import type { ReportSignoff } from '@shared/schemas/incidents';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { formatLocal, nowStored } from '../../time';
import { refreshDisasterObligations, reportOnTime } from '../disasters/service';
import { enqueue } from '../outbox/service';
import { resolveSignoff } from './signoffs';
import type { DisasterReportsTable } from './table';

type ReportRow = Selectable<DisasterReportsTable>;

function header(row: ReportRow): DisasterReportHeader {
  const signoff = row.signoff === null ? null : (JSON.parse(row.signoff) as ReportSignoff);
  return {
    id: Number(row.id),
    disasterId: Number(row.disaster_id),
    kind: row.kind as DisasterReportKind,
    recipient: row.recipient as DisasterRecipient,
    forDate: row.for_date,
    title: row.title,
    text: row.text,
    signoff,
    // One approval covers every recipient of a send; the column (unique) marks the first report only.
    signoffRequestId: signoff?.requestId ?? null,
    sentBy: row.sent_by,
    sentAt: row.sent_at,
    onTime: row.on_time === null ? null : row.on_time === 1,
  };
}

export function toReport(row: ReportRow): DisasterReport {
  return { ...header(row), figures: JSON.parse(row.figures) as ReportFigures };
}

/** A disaster's sent reports, oldest first. */
export async function reportRows(db: DbOrTrx, disasterId: number): Promise<ReportRow[]> {
  return db
    .selectFrom('disaster_reports')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

export interface SendOptions {
  zone: string;
  callerIsLeader: boolean;
  upstreams: readonly string[];
  /** The figures as they stand (districtFigures, with the townships' names). */
  figures: ReportFigures;
  /** 因灾死亡失踪人员: the list goes up with the report (name, township, cause, date). */
  victims: readonly { name: string; unitName: string; status: string; cause: string; date: string }[];
}

/**
 * A 灾情 report sent up: one immutable row per recipient, each enqueued in the outbox to every
 * configured upstream, each judged on time or late by the obligation it met (the core's clocks decide;
 * stored once, never flips). Signed off first (签发), as written incident reports are.
 */
export async function sendDisasterReport(
  tx: Tx,
  disasterId: number,
  body: SendDisasterReportBody,
  opts: SendOptions,
): Promise<{ reports: DisasterReport[] }> {
  const recipients: DisasterRecipient[] = body.recipients ?? ['city'];
  const sentAt = nowStored(tx.clock);
  const forDate =
    body.forDate ?? (body.kind === 'daily' ? formatLocal(tx.clock.now(), opts.zone, 'yyyy-MM-dd') : null);
  const earlier = await reportRows(tx.trx, disasterId);
  if (body.kind !== 'initial' && !earlier.some((r) => r.kind === 'initial')) {
    throw new DutyError('DUTY_ERR_CONFLICT', 'send the initial report (初报) first');
  }
  const signed = await resolveSignoff(tx, disasterId, { ...body, recipients, forDate }, opts.callerIsLeader);
  const ids: number[] = [];
  for (const [i, recipient] of recipients.entries()) {
    const inserted = await tx.trx
      .insertInto('disaster_reports')
      .values({
        disaster_id: disasterId,
        kind: body.kind,
        recipient,
        for_date: forDate,
        title: body.title,
        text: body.text,
        figures: JSON.stringify(opts.figures),
        signoff: JSON.stringify(signed.signoff),
        signoff_request_id: i === 0 ? signed.requestId : null,
        sent_by: tx.actor,
        sent_at: sentAt,
        on_time: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(inserted.id));
  }
  // The core's clocks see the new reports and mark the obligations they meet; each report stores
  // whether the one it met was met in time (null: it met none).
  await refreshDisasterObligations(tx, disasterId, opts.zone);
  for (const id of ids) {
    const onTime = await reportOnTime(tx.trx, disasterId, id);
    if (onTime === null) continue;
    await tx.trx
      .updateTable('disaster_reports')
      .set({ on_time: onTime ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }
  const rows = await tx.trx
    .selectFrom('disaster_reports')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  const reports = rows.map(toReport);
  for (const report of reports) {
    const { figures, ...lean } = report;
    for (const [i, endpoint] of opts.upstreams.entries()) {
      await enqueue(tx, {
        topic: 'upstream_disaster_report',
        key: `disaster-report-${report.id}-${i}`,
        endpoint,
        subject: `disaster-report:${report.id}`,
        payload: {
          disasterId,
          report: lean,
          figures,
          victims: opts.victims.map((v) => ({
            name: v.name,
            township: v.unitName,
            status: v.status,
            cause: v.cause,
            date: v.date,
          })),
        },
      });
    }
    await tx.record({
      type: 'disaster.report_sent',
      subject: `disaster:${disasterId}`,
      payload: { report: lean },
      unit: DISTRICT_PATH,
    });
  }
  return { reports };
}
