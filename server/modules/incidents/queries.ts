import { DISTRICT_PATH } from '@shared/domain/district';
import type { DraftIncident, DraftInstruction } from '@shared/domain/handover-draft';
import type { DraftReport } from '@shared/domain/handover-lines';
import type { Incident, IncidentDetail, IncidentQuery, ObligationView } from '@shared/schemas/incidents';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import { deliveryStates } from '../outbox/service';
import { displayNames } from '../users/service';
import { actionRows, obligationsOf, obligationView, reportRows, toIncident, toReport } from './repo';

/** The list's filter and order: open ones by urgency, the rest newest first, at most `limit`. */
export function filteredIncidents<O>(
  q: SelectQueryBuilder<Database, 'incidents', O>,
  query: IncidentQuery,
  underPath?: string,
): SelectQueryBuilder<Database, 'incidents', O> {
  q = withinUnit(q, underPath);
  if (query.stage === 'open') q = q.where('incidents.stage', '!=', 'closed');
  else if (query.stage) q = q.where('incidents.stage', '=', query.stage);
  if (query.from) q = q.where('incidents.received_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('incidents.received_at', '<', new Date(query.to).toISOString());
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('incidents.summary', 'like', like),
        eb('incidents.address', 'like', like),
        eb('incidents.caller', 'like', like),
      ]),
    );
  }
  if (query.instructed !== undefined) {
    const given = sql<boolean>`exists (select 1 from incident_actions a where a.incident_id = incidents.id and a.type = 'instruction')`;
    q = q.where(query.instructed ? given : sql<boolean>`not ${given}`);
  }
  // The open ones by urgency: overdue and nearest deadline first, so a limit drops the least urgent.
  if (query.stage === 'open')
    q = q.orderBy(sql`incidents.next_due_at is null`).orderBy('incidents.next_due_at');
  return q.orderBy('incidents.received_at', 'desc').limit(query.limit ?? 500);
}

/**
 * Only the incidents of a unit's subtree (DESIGN 2.7): those whose unit path starts with `underPath`.
 * The district (`/1/`, or no path: the server's own reads) sees all. Paths hold digits and slashes
 * only, so `like` needs no escaping.
 */
export function withinUnit<O>(
  q: SelectQueryBuilder<Database, 'incidents', O>,
  underPath: string | undefined,
): SelectQueryBuilder<Database, 'incidents', O> {
  if (underPath === undefined || underPath === DISTRICT_PATH) return q;
  return q.where('incidents.unit_path', 'like', `${underPath}%`);
}

/** Whether incident `id` exists and lies within `underPath`: a caller sees no other (404, not 403). */
export async function incidentWithin(db: DbOrTrx, id: number, underPath: string): Promise<boolean> {
  const row = await db.selectFrom('incidents').select('unit_path').where('id', '=', id).executeTakeFirst();
  return row?.unit_path.startsWith(underPath) ?? false;
}

export async function listIncidents(
  db: DbOrTrx,
  query: IncidentQuery,
  now: string,
  underPath?: string,
): Promise<Incident[]> {
  const rows = await filteredIncidents(db.selectFrom('incidents').selectAll(), query, underPath).execute();
  const obligations = await obligationsOf(
    db,
    rows.map((r) => Number(r.id)),
    now,
  );
  return rows.map((r) => toIncident(r, obligations.get(Number(r.id)) ?? []));
}

/**
 * What a handover draft needs of the incidents, and only that: those received in [from, to) and
 * every one open as of `openBefore`, each with the few columns its lines use. Only an open incident
 * owes anything, so only the open ones carry their obligations (without the 直报 records, which no
 * line shows), and only those not met yet (the next deadline, overdue and the alarms are of those
 * alone); a closed one has none and is not overdue. At most `limit` of each kind.
 */
export async function handoverIncidents(
  db: DbOrTrx,
  window: { from: string; to: string },
  openBefore: string,
  now: string,
  limit: number,
): Promise<DraftIncident[]> {
  const columns = ['id', 'category', 'grade', 'stage', 'received_at', 'address', 'summary', 'drill'] as const;
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const [received, open] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(columns)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('incidents')
      .select(columns)
      // Literally, so the partial index of the open incidents (incidents_open_idx) serves it.
      .where(sql<boolean>`stage <> 'closed'`)
      .where('received_at', '<', new Date(openBefore).toISOString())
      // Those received in the window come with the read above.
      .where((eb) => eb.or([eb('received_at', '<', from), eb('received_at', '>=', to)]))
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  // Open now, or received later in the window and not closed (a draft written before the shift's end).
  const openIds = [
    ...new Set([...received, ...open].filter((r) => r.stage !== 'closed').map((r) => Number(r.id))),
  ];
  const owed = new Map<number, ObligationView[]>(openIds.map((id) => [id, []]));
  if (openIds.length > 0) {
    const rows = await db
      .selectFrom('incident_obligations')
      .select(['incident_id', 'kind', 'key', 'due_at', 'done_at', 'report_number', 'late'])
      .where('incident_id', 'in', openIds)
      // Met ones decide nothing the draft says: not the next deadline, not overdue, not an alarm.
      .where('done_at', 'is', null)
      .execute();
    // As obligationsOf orders them: by deadline, those without one (the 终报) last.
    const keyed = rows.map((row) => ({ row, order: `${row.due_at ?? '\uffff'} ${row.key}` }));
    keyed.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    for (const { row } of keyed) owed.get(Number(row.incident_id))?.push(obligationView(row, now));
  }
  const byId = new Map<number, DraftIncident>();
  for (const row of [...received, ...open]) {
    const id = Number(row.id);
    const obligations = owed.get(id) ?? [];
    byId.set(id, {
      id,
      category: row.category,
      grade: row.grade,
      stage: row.stage,
      receivedAt: row.received_at,
      location: { address: row.address },
      summary: row.summary,
      obligations,
      overdue: obligations.some((o) => o.overdue),
      drill: row.drill === 1,
    });
  }
  return [...byId.values()];
}

/**
 * The reports sent and the leader instructions (批示) given in [from, to), with the few columns
 * their lines use, each in the order they were written. The rows are never changed once written,
 * and each was recorded with its `incident.reported` / `incident.action` event in one transaction:
 * these are the reports and instructions the event log holds, without reading its payloads.
 */
export async function handoverWork(
  db: DbOrTrx,
  window: { from: string; to: string },
  limit: number,
): Promise<{ reports: DraftReport[]; instructions: DraftInstruction[] }> {
  const [reports, instructions] = await Promise.all([
    db
      .selectFrom('incident_reports')
      .select(['incident_id', 'title', 'channel', 'recipient', 'sent_at', 'sent_by', 'late'])
      .where('sent_at', '>=', window.from)
      .where('sent_at', '<', window.to)
      .orderBy('sent_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
    db
      .selectFrom('incident_actions')
      .select(['incident_id', 'text', 'actor', 'at'])
      .where('type', '=', 'instruction')
      .where('at', '>=', window.from)
      .where('at', '<', window.to)
      .orderBy('at')
      .orderBy('id')
      .limit(limit)
      .execute(),
  ]);
  return {
    reports: reports.map((r) => ({
      incidentId: Number(r.incident_id),
      title: r.title,
      channel: r.channel as DraftReport['channel'],
      recipient: r.recipient,
      sentAt: r.sent_at,
      sentBy: r.sent_by,
      late: r.late === 1,
    })),
    instructions: instructions.map((a) => ({
      incidentId: Number(a.incident_id),
      text: a.text,
      actor: a.actor,
      at: a.at,
    })),
  };
}

export async function incidentDetail(
  db: DbOrTrx,
  id: number,
  now: string,
  underPath?: string,
): Promise<IncidentDetail> {
  const row =
    (await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()) ??
    notFound(`incident ${id}`);
  const [obligations, reports, actions, timeline] = await Promise.all([
    obligationsOf(db, [id], now),
    reportRows(db, id),
    actionRows(db, id),
    db
      .selectFrom('events')
      .select(['seq', 'at', 'type', 'actor'])
      .where('subject', '=', `incident:${id}`)
      .orderBy('seq')
      .execute(),
  ]);
  const delivery = await deliveryStates(
    db,
    reports.map((r) => `report:${r.id}`),
  );
  const twoHours = 2 * 3_600_000;
  const similar = await withinUnit(db.selectFrom('incidents'), underPath)
    .select(['id', 'summary', 'received_at'])
    .where('id', '!=', id)
    .where((eb) =>
      eb.or([
        eb('address', '=', row.address),
        eb.and([
          eb('category', '=', row.category),
          eb('received_at', '>=', new Date(Date.parse(row.received_at) - twoHours).toISOString()),
          eb('received_at', '<=', new Date(Date.parse(row.received_at) + twoHours).toISOString()),
        ]),
      ]),
    )
    .orderBy('received_at', 'desc')
    .limit(5)
    .execute();
  const incident = toIncident(row, obligations.get(id) ?? []);
  const reportViews = reports.map((r) => toReport(r, delivery.get(`report:${r.id}`) ?? 'none'));
  const names = await displayNames(db, [
    incident.createdBy,
    incident.acknowledgedBy ?? '',
    ...reportViews.flatMap((r) => [r.sentBy, r.signedOffBy ?? '']),
    ...actions.map((a) => a.actor),
    ...timeline.map((e) => e.actor),
  ]);
  const nameOf = (u: string) => names[u] ?? u;
  return {
    incident,
    reports: reportViews,
    actions: actions.map((a) => ({
      id: Number(a.id),
      type: a.type,
      text: a.text,
      actor: a.actor,
      actorName: nameOf(a.actor),
      at: a.at,
    })),
    timeline: timeline.map((e) => ({
      seq: Number(e.seq),
      at: e.at,
      type: e.type,
      actor: e.actor,
      actorName: nameOf(e.actor),
    })),
    similar: similar.map((s) => ({ id: Number(s.id), summary: s.summary, receivedAt: s.received_at })),
    names,
  };
}
