import type { Incident, IncidentDetail, IncidentQuery } from '@shared/schemas/incidents';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import { deliveryStates } from '../outbox/service';
import { actionRows, obligationsOf, reportRows, toIncident, toReport } from './repo';

export async function listIncidents(db: DbOrTrx, query: IncidentQuery, now: string): Promise<Incident[]> {
  let q = db.selectFrom('incidents').selectAll();
  if (query.stage === 'open') q = q.where('stage', '!=', 'closed');
  else if (query.stage) q = q.where('stage', '=', query.stage);
  if (query.from) q = q.where('received_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('received_at', '<', new Date(query.to).toISOString());
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('summary', 'like', like), eb('address', 'like', like), eb('caller', 'like', like)]),
    );
  }
  // The open ones by urgency: overdue and nearest deadline first, so a limit drops the least urgent.
  if (query.stage === 'open') q = q.orderBy(sql`next_due_at is null`).orderBy('next_due_at');
  const rows = await q
    .orderBy('received_at', 'desc')
    .limit(query.limit ?? 500)
    .execute();
  const obligations = await obligationsOf(
    db,
    rows.map((r) => Number(r.id)),
    now,
  );
  return rows.map((r) => toIncident(r, obligations.get(Number(r.id)) ?? []));
}

export async function incidentDetail(db: DbOrTrx, id: number, now: string): Promise<IncidentDetail> {
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
  const similar = await db
    .selectFrom('incidents')
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
  return {
    incident: toIncident(row, obligations.get(id) ?? []),
    reports: reports.map((r) => toReport(r, delivery.get(`report:${r.id}`) ?? 'none')),
    actions: actions.map((a) => ({ id: Number(a.id), type: a.type, text: a.text, actor: a.actor, at: a.at })),
    timeline: timeline.map((e) => ({ seq: Number(e.seq), at: e.at, type: e.type, actor: e.actor })),
    similar: similar.map((s) => ({ id: Number(s.id), summary: s.summary, receivedAt: s.received_at })),
  };
}
