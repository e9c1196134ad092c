import { incidentCard } from '@shared/domain/board-fields';
import { DEFAULT_HOPS, parseDuration } from '@shared/domain/deadline-policy';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import type { IncidentHop, IncidentHops } from '@shared/schemas/posts';
import type { Insertable } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { getUnit, isWithin, ROOT_UNIT_ID } from '../units/service';
import { type HopRow, hopRows } from './hops-repo';

/** A first hop as stored, but for the incident it belongs to. */
export type FirstHop = Omit<Insertable<IncidentHopsTable>, 'id' | 'incident_id'>;

import { refreshObligations } from './obligations';
import { getDeadlinePolicy } from './policy';
import { loadIncident, reportRows } from './repo';
import type { IncidentHopsTable } from './table';

/** Who acts on a hop: a person of a unit. */
export interface UnitCaller {
  username: string;
  unitId: number;
  unitPath: string;
}

function toHop(h: HopRow, policy: DeadlinePolicy): IncidentHop {
  const due = Date.parse(h.received_at) + parseDuration((policy.hops ?? DEFAULT_HOPS)[h.hop]);
  return {
    hop: h.hop,
    fromUnitId: Number(h.from_unit_id),
    fromUnitName: h.from_unit_name,
    toUnitId: Number(h.to_unit_id),
    toUnitName: h.to_unit_name,
    receivedAt: h.received_at,
    receivedBy: h.received_by,
    dueAt: new Date(due).toISOString(),
    takenAt: h.taken_at,
    takenBy: h.taken_by,
    late: h.taken_at !== null && Date.parse(h.taken_at) > due,
  };
}

/**
 * The first hop of a report recorded below the district: a community's goes to its township, a
 * township's to the district. Its clock runs from the receipt at the recording unit.
 */
export async function openFirstHop(
  trx: Trx,
  incidentId: number,
  unitId: number,
  receivedAt: string,
  actor: string,
): Promise<void> {
  const hop = await firstHopOf(trx, unitId, receivedAt, actor);
  if (hop) await insertFirstHop(trx, incidentId, hop);
}

/** The first hop of a report recorded by this unit, before the incident is stored; none at the district. */
export async function firstHopOf(
  trx: Trx,
  unitId: number,
  receivedAt: string,
  actor: string,
): Promise<FirstHop | undefined> {
  if (unitId === ROOT_UNIT_ID) return undefined;
  const unit = await getUnit(trx, unitId);
  if (!unit || unit.parentId === null) return undefined;
  const parent = (await getUnit(trx, unit.parentId))!;
  return {
    hop: parent.id === ROOT_UNIT_ID ? 'townshipToDistrict' : 'communityToTownship',
    from_unit_id: unit.id,
    from_unit_name: unit.name,
    to_unit_id: parent.id,
    to_unit_name: parent.name,
    received_at: receivedAt,
    received_by: actor,
    taken_at: null,
    taken_by: null,
  };
}

export async function insertFirstHop(trx: Trx, incidentId: number, hop: FirstHop): Promise<void> {
  await trx
    .insertInto('incident_hops')
    .values({ incident_id: incidentId, ...hop })
    .execute();
}

/**
 * 接收/核实: the upper unit (or one above it) takes the report waiting on it. The hop's clock is met;
 * a township's take starts the next hop up, to the district, from now. Out of the caller's sight: 404.
 */
export async function takeHop(tx: Tx, zone: string, caller: UnitCaller, incidentId: number) {
  const row =
    (await tx.trx.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirst()) ??
    notFound(`incident ${incidentId}`);
  if (!isWithin(caller.unitPath, row.unit_path)) notFound(`incident ${incidentId}`);
  const hops = await hopRows(tx.trx, incidentId);
  if (hops.length === 0)
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      `incident #${incidentId} was recorded by the district itself: there is no hop to take`,
    );
  const open = hops.find((h) => h.taken_at === null);
  if (!open) {
    const last = hops[hops.length - 1]!;
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `taken already by ${last.taken_by} at ${last.taken_at}`);
  }
  const to = (await getUnit(tx.trx, Number(open.to_unit_id)))!;
  if (!isWithin(caller.unitPath, to.path))
    throw new DutyError(
      'DUTY_ERR_FORBIDDEN',
      `the report waits on ${to.name}: only ${to.name} or a unit above it takes it`,
    );
  const now = nowStored(tx.clock);
  const claimed = await tx.trx
    .updateTable('incident_hops')
    .set({ taken_at: now, taken_by: caller.username })
    .where('id', '=', Number(open.id))
    .where('taken_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'taken already');
  // The township took it: the next hop, to the district, runs from this receipt. The district
  // taking a community's report itself ends the trail.
  if (to.parentId !== null && caller.unitId !== ROOT_UNIT_ID) {
    const parent = (await getUnit(tx.trx, to.parentId))!;
    await tx.trx
      .insertInto('incident_hops')
      .values({
        incident_id: incidentId,
        hop: 'townshipToDistrict',
        from_unit_id: to.id,
        from_unit_name: to.name,
        to_unit_id: parent.id,
        to_unit_name: parent.name,
        received_at: now,
        received_by: caller.username,
        taken_at: null,
        taken_by: null,
      })
      .execute();
  }
  await refreshObligations(
    tx.trx,
    row,
    (await reportRows(tx.trx, incidentId)).map((r) => ({
      number: Number(r.number),
      kind: r.kind,
      channel: r.channel,
      sentAt: r.sent_at,
    })),
    zone,
    tx.clock.now(),
  );
  const incident = (await loadIncident(tx.trx, incidentId, toStored(tx.clock.now())))!;
  const policy = await getDeadlinePolicy(tx.trx);
  const taken = (await hopRows(tx.trx, incidentId)).find((h) => Number(h.id) === Number(open.id))!;
  const hop = toHop(taken, policy);
  await tx.record({
    type: 'incident.taken',
    subject: `incident:${incidentId}`,
    payload: { incident: incidentCard(incident), hop },
    unit: row.unit_path,
  });
  return { incident, hop };
}

/** The hop trail: who recorded it where, and each hop up with its clock. Out of sight: 404. */
export async function incidentHops(
  db: DbOrTrx,
  viewerPath: string,
  incidentId: number,
): Promise<IncidentHops> {
  const row =
    (await db
      .selectFrom('incidents')
      .select(['id', 'unit_id', 'unit_path', 'created_by', 'received_at'])
      .where('id', '=', incidentId)
      .executeTakeFirst()) ?? notFound(`incident ${incidentId}`);
  if (!isWithin(viewerPath, row.unit_path)) notFound(`incident ${incidentId}`);
  const unit = await getUnit(db, Number(row.unit_id));
  const policy = await getDeadlinePolicy(db);
  return {
    incidentId,
    originUnitId: Number(row.unit_id),
    originUnitName: unit?.name ?? '',
    recordedBy: row.created_by,
    receivedAt: row.received_at,
    hops: (await hopRows(db, incidentId)).map((h) => toHop(h, policy)),
  };
}

/** Reports recorded below the viewer's own unit (a township's, a community's), newest first. */
export async function reportsFromBelow(db: DbOrTrx, viewerPath: string, limit: number) {
  const rows = await db
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .select([
      'incidents.id',
      'incidents.category',
      'incidents.summary',
      'incidents.address',
      'incidents.received_at',
      'incidents.unit_id',
      'incidents.unit_path',
      'incidents.stage',
      'units.name as unit_name',
    ])
    .where('incidents.unit_path', 'like', `${viewerPath}%`)
    .where('incidents.unit_path', '!=', viewerPath)
    .orderBy('incidents.received_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(limit)
    .execute();
  const policy = await getDeadlinePolicy(db);
  const ids = rows.map((r) => Number(r.id));
  const hops =
    ids.length === 0
      ? []
      : await db
          .selectFrom('incident_hops')
          .selectAll()
          .where('incident_id', 'in', ids)
          .orderBy('id')
          .execute();
  return rows
    .filter((r) => isWithin(viewerPath, r.unit_path))
    .map((r) => ({
      incidentId: Number(r.id),
      category: r.category,
      summary: r.summary,
      address: r.address,
      receivedAt: r.received_at,
      originUnitId: Number(r.unit_id),
      originUnitName: r.unit_name,
      stage: r.stage,
      hops: hops.filter((h) => Number(h.incident_id) === Number(r.id)).map((h) => toHop(h, policy)),
    }));
}
