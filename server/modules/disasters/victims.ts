import type { Victim, VictimBody, VictimPatchBody } from '@shared/schemas/disasters';
import type { DbOrTrx } from '../../db/database';
import { fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { getUnit, isWithin, type Unit } from '../units/service';
import { realDate } from './dates';
import { affectedTownships, unitNames } from './lookups';
import { belowTownship, disasterInSight, isDistrict, sightPath, townshipOfPath, townshipPath } from './scope';
import type { DisasterCaller, VictimRow } from './types';

async function toVictims(db: DbOrTrx, rows: VictimRow[]): Promise<Victim[]> {
  const units = await unitNames(
    db,
    rows.map((r) => Number(r.unit_id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    disasterId: Number(r.disaster_id),
    unitId: Number(r.unit_id),
    unitName: units.get(Number(r.unit_id)) ?? '',
    name: r.name,
    status: r.status as Victim['status'],
    cause: r.cause,
    date: r.date,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** The 因灾死亡失踪人员 list the caller may see (a unit: its township's). */
export async function listVictims(
  db: DbOrTrx,
  disasterId: number,
  caller: Pick<DisasterCaller, 'unitPath'>,
): Promise<Victim[]> {
  let q = db.selectFrom('disaster_victims').selectAll().where('disaster_id', '=', disasterId);
  if (!isDistrict(caller))
    q = q.where('unit_id', '=', belowTownship(caller) ? -1 : (townshipOfPath(caller.unitPath) ?? -1));
  return toVictims(db, await q.orderBy('date').orderBy('id').execute());
}

/** The township a victim is recorded for: an affected one the caller may record for (the district, or itself). */
async function victimTownship(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  unitId: number,
): Promise<Unit> {
  const unit = await getUnit(tx.trx, unitId);
  if (!unit || !isWithin(townshipPath(caller.unitPath), unit.path)) notFound(`unit ${unitId}`);
  const affected = (await affectedTownships(tx.trx, disasterId)).some((t) => t.id === unit.id);
  if (!affected)
    fail('DUTY_ERR_VALIDATION', `body.unitId: ${unit.name} is not a township this disaster affects`);
  if (!isDistrict(caller) && caller.unitId !== unit.id)
    fail('DUTY_ERR_FORBIDDEN', 'the 因灾死亡失踪人员 list is kept by the township and the district');
  return unit;
}

async function victimInSight(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
): Promise<VictimRow> {
  await disasterInSight(tx.trx, caller, disasterId);
  const row = await tx.trx
    .selectFrom('disaster_victims')
    .selectAll()
    .where('id', '=', victimId)
    .where('disaster_id', '=', disasterId)
    .executeTakeFirst();
  if (!row || !isWithin(sightPath(caller), row.unit_path)) notFound(`victim ${victimId}`);
  if (!isDistrict(caller) && caller.unitId !== Number(row.unit_id))
    fail('DUTY_ERR_FORBIDDEN', 'the 因灾死亡失踪人员 list is kept by the township and the district');
  return row;
}

async function victimView(tx: Tx, id: number): Promise<Victim> {
  const row = await tx.trx
    .selectFrom('disaster_victims')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await toVictims(tx.trx, [row]))[0]!;
}

export async function addVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  body: VictimBody,
): Promise<Victim> {
  await disasterInSight(tx.trx, caller, disasterId);
  realDate(body.date, 'body.date');
  const unit = await victimTownship(tx, caller, disasterId, body.unitId);
  const stamp = nowStored(tx.clock);
  const inserted = await tx.trx
    .insertInto('disaster_victims')
    .values({
      disaster_id: disasterId,
      unit_id: unit.id,
      unit_path: unit.path,
      name: body.name,
      status: body.status,
      cause: body.cause,
      date: body.date,
      note: body.note ?? '',
      created_by: tx.actor,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const victim = await victimView(tx, Number(inserted.id));
  await tx.record({
    type: 'disaster.victim_recorded',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: unit.path,
  });
  return victim;
}

export async function updateVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
  body: VictimPatchBody,
): Promise<Victim> {
  const row = await victimInSight(tx, caller, disasterId, victimId);
  realDate(body.date, 'body.date');
  const unit = body.unitId !== undefined ? await victimTownship(tx, caller, disasterId, body.unitId) : null;
  await tx.trx
    .updateTable('disaster_victims')
    .set({
      ...(unit ? { unit_id: unit.id, unit_path: unit.path } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.cause !== undefined ? { cause: body.cause } : {}),
      ...(body.date !== undefined ? { date: body.date } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      updated_at: nowStored(tx.clock),
    })
    .where('id', '=', Number(row.id))
    .execute();
  const victim = await victimView(tx, victimId);
  await tx.record({
    type: 'disaster.victim_updated',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: unit?.path ?? row.unit_path,
  });
  return victim;
}

export async function removeVictim(
  tx: Tx,
  caller: DisasterCaller,
  disasterId: number,
  victimId: number,
): Promise<Victim> {
  const row = await victimInSight(tx, caller, disasterId, victimId);
  const victim = await victimView(tx, victimId);
  await tx.trx.deleteFrom('disaster_victims').where('id', '=', Number(row.id)).execute();
  await tx.record({
    type: 'disaster.victim_removed',
    subject: `disaster:${disasterId}`,
    payload: { victim },
    unit: row.unit_path,
  });
  return victim;
}
