import { incidentCard } from '@shared/domain/board-fields';
import {
  computeStatutoryObligations,
  notificationKey,
  notificationPolicy,
} from '@shared/domain/direct-report';
import type { Casualties, DeadlinePolicy, Obligation } from '@shared/domain/incident-types';
import type {
  DirectEntryBody,
  DirectNotifiedBody,
  Incident,
  NotificationBody,
  StatutoryRecord,
} from '@shared/schemas/incidents';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { displayNames } from '../users/service';
import { incidentRow, reload } from './lifecycle';
import { refreshObligations } from './obligations';
import { incidentPolicy } from './policy';
import type { IncidentRow } from './repo';
import { reportView } from './snapshot';

/**
 * 联网直报 and the notifications with the 首报 (DESIGN §2.3): the obligations from the incident and
 * what was recorded (shared/domain/direct-report.ts), and the three commands that record them.
 */
export async function statutoryObligationsFor(db: DbOrTrx, row: IncidentRow): Promise<Obligation[]> {
  const records = await db
    .selectFrom('incident_statutory_records')
    .select(['key', 'done_at'])
    .where('incident_id', '=', Number(row.id))
    .execute();
  const done = Object.fromEntries(records.map((r) => [r.key, r.done_at]));
  return statutoryObligationsUnder(row, done, await incidentPolicy(db, row.policy));
}

/** What the statutory rules read of an incident row. */
export type StatutoryFields = Pick<
  IncidentRow,
  | 'category'
  | 'drill'
  | 'production_related'
  | 'casualties'
  | 'direct_loss_yuan'
  | 'occurred_at'
  | 'received_at'
>;

/** The statutory obligations with these records done (key → when), under the given policy (pure). */
export function statutoryObligationsUnder(
  row: StatutoryFields,
  done: Record<string, string>,
  policy: DeadlinePolicy,
): Obligation[] {
  return computeStatutoryObligations(
    {
      category: row.category,
      drill: row.drill === 1,
      productionRelated: row.production_related === null ? null : row.production_related === 1,
      casualties: JSON.parse(row.casualties) as Casualties,
      directLossYuan: row.direct_loss_yuan,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
      done,
    },
    policy,
  );
}

/** The records of these incidents, by incident and obligation key, with the recorder's display name. */
export async function statutoryRecordsOf(
  db: DbOrTrx,
  ids: number[],
): Promise<Map<number, Map<string, StatutoryRecord>>> {
  const out = new Map<number, Map<string, StatutoryRecord>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('incident_statutory_records')
    .selectAll()
    .where('incident_id', 'in', ids)
    .execute();
  const names = await displayNames(
    db,
    rows.map((r) => r.recorded_by),
  );
  for (const r of rows) {
    const id = Number(r.incident_id);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(r.key, {
      at: r.done_at,
      recordNumber: r.record_number,
      department: r.department,
      person: r.person,
      channel: r.channel as StatutoryRecord['channel'],
      recordedBy: r.recorded_by,
      recordedByName: names[r.recorded_by] ?? r.recorded_by,
      recordedAt: r.recorded_at,
    });
  }
  return out;
}

/** A recorded time: not ahead of now (5 minutes' slack for clocks), not before the accident. */
function recordedInstant(tx: Tx, row: IncidentRow, at: string, field: string): string {
  const stored = toStored(new Date(at));
  if (new Date(stored).getTime() > tx.clock.now().getTime() + 5 * 60_000)
    throw new DutyError('DUTY_ERR_VALIDATION', `body.${field}: must not be in the future`);
  if (stored < row.occurred_at)
    throw new DutyError('DUTY_ERR_VALIDATION', `body.${field}: must not be before the accident happened`);
  return stored;
}

async function record(
  tx: Tx,
  id: number,
  key: string,
  values: {
    done_at: string;
    record_number?: string;
    department?: string;
    person?: string;
    channel?: string;
  },
  zone: string,
): Promise<Incident> {
  const row = await incidentRow(tx, id);
  const owed = (await statutoryObligationsFor(tx.trx, row)).find((o) => o.key === key);
  if (!owed) {
    const what =
      key === 'direct_entry'
        ? 'this incident is not entered into the direct-report system (not an in-scope production-safety accident)'
        : key === 'direct_notified'
          ? 'only an in-scope production fire or road accident is notified by the fire service / traffic police'
          : 'no such notification is owed for this incident';
    throw new DutyError('DUTY_ERR_CONFLICT', what);
  }
  if (owed.doneAt !== null) throw new DutyError('DUTY_ERR_ALREADY_DONE', `${key} was already recorded`);
  await tx.trx
    .insertInto('incident_statutory_records')
    .values({
      incident_id: id,
      key,
      kind: owed.kind as 'direct_entry' | 'direct_notified' | 'notification',
      done_at: values.done_at,
      record_number: values.record_number ?? null,
      department: values.department ?? null,
      person: values.person ?? null,
      channel: values.channel ?? null,
      recorded_by: tx.actor,
      recorded_at: nowStored(tx.clock),
    })
    .execute();
  const updated = await incidentRow(tx, id);
  await refreshObligations(
    tx.trx,
    updated,
    (await reportView(tx.trx, updated)).reports,
    zone,
    tx.clock.now(),
  );
  const incident = await reload(tx, id);
  const obligation = incident.obligations.find((o) => o.key === key)!;
  await tx.record({
    type: 'incident.statutory_recorded',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), obligation },
    unit: incident.unitPath,
  });
  return incident;
}

/** 直报录入: entered into the accident statistics direct-report system, with its record number. */
export async function recordDirectEntry(tx: Tx, id: number, body: DirectEntryBody, zone: string) {
  const row = await incidentRow(tx, id);
  const at = recordedInstant(tx, row, body.enteredAt, 'enteredAt');
  return record(tx, id, 'direct_entry', { done_at: at, record_number: body.recordNumber }, zone);
}

/** The fire service's / traffic police's notification of a production fire or road accident. */
export async function recordDirectNotified(tx: Tx, id: number, body: DirectNotifiedBody, zone: string) {
  const row = await incidentRow(tx, id);
  const at = recordedInstant(tx, row, body.notifiedAt, 'notifiedAt');
  return record(
    tx,
    id,
    'direct_notified',
    { done_at: at, department: body.department, person: body.person },
    zone,
  );
}

/** A department told with the 首报 (条例 第十条): when, how, to whom. */
export async function recordNotification(tx: Tx, id: number, body: NotificationBody, zone: string) {
  const row = await incidentRow(tx, id);
  const departments = notificationPolicy(await incidentPolicy(tx.trx, row.policy)).departments;
  if (!departments.includes(body.department))
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      `body.department: "${body.department}" is not one of the departments notified (${departments.join('、')})`,
    );
  const at = recordedInstant(tx, row, body.notifiedAt, 'notifiedAt');
  return record(
    tx,
    id,
    notificationKey(body.department),
    { done_at: at, department: body.department, person: body.person, channel: body.channel },
    zone,
  );
}
