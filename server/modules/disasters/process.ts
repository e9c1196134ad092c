import { upgradePolicy } from '@shared/domain/deadline-policy';
import { DEFAULT_DISASTER_CLOCKS, type DisasterState, deadMissing } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type { CreateDisasterBody, Disaster, UpdateDisasterBody } from '@shared/schemas/disasters';
import { TOWNSHIP_KINDS } from '@shared/schemas/units';
import type { DbOrTrx } from '../../db/database';
import { fail } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { getDeadlinePolicy } from '../incidents/service';
import { getUnit } from '../units/service';
import { notAhead } from './dates';
import { districtFigures } from './figures';
import { affectedTownships } from './lookups';
import { clockValues, refreshDisasterObligations } from './obligations';
import { disasterInSight } from './scope';
import type { DisastersTable } from './table';
import type { DisasterCaller, DisasterRow } from './types';
import { linksOf, loadDisaster, publicHeader } from './views';

async function checkTownships(db: DbOrTrx, ids: number[]): Promise<void> {
  for (const id of ids) {
    const unit = await getUnit(db, id);
    if (!unit || !TOWNSHIP_KINDS.includes(unit.kind) || unit.parentId !== 1 || !unit.enabled)
      fail(
        'DUTY_ERR_VALIDATION',
        `body.townships: unit ${id} is not an enabled township, street or development zone`,
      );
  }
}

async function checkLinks(db: DbOrTrx, incidentIds: number[], warningIds: number[]): Promise<void> {
  for (const id of incidentIds) {
    const found = await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) fail('DUTY_ERR_VALIDATION', `body.incidentIds: no incident ${id}`);
  }
  for (const id of warningIds) {
    const found = await db.selectFrom('warnings').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) fail('DUTY_ERR_VALIDATION', `body.warningIds: no warning ${id}`);
  }
}

async function setLinks(tx: Tx, id: number, kind: 'incident' | 'warning', refs: number[]): Promise<void> {
  await tx.trx.deleteFrom('disaster_links').where('disaster_id', '=', id).where('kind', '=', kind).execute();
  if (refs.length > 0)
    await tx.trx
      .insertInto('disaster_links')
      .values(refs.map((ref_id) => ({ disaster_id: id, kind, ref_id })))
      .execute();
}

/** POST /api/disasters (the district). */
export async function createDisaster(tx: Tx, zone: string, body: CreateDisasterBody): Promise<Disaster> {
  const now = tx.clock.now();
  const beganAt = toStored(new Date(body.beganAt));
  notAhead(beganAt, now, 'body.beganAt');
  await checkTownships(tx.trx, body.townships);
  await checkLinks(tx.trx, body.incidentIds ?? [], body.warningIds ?? []);
  const values = upgradePolicy(await getDeadlinePolicy(tx.trx)).disasters ?? DEFAULT_DISASTER_CLOCKS;
  const stamp = nowStored(tx.clock);
  const severe = body.severeLoss === true;
  const major = body.major === true || severe;
  const inserted = await tx.trx
    .insertInto('disasters')
    .values({
      type: body.type,
      subtype: body.subtype ?? null,
      title: body.title,
      began_at: beganAt,
      state: 'developing',
      major: body.major === true ? 1 : 0,
      severe_loss: severe ? 1 : 0,
      major_since: major ? beganAt : null,
      severe_since: severe ? beganAt : null,
      stable_at: null,
      closed_at: null,
      disaster_text: body.disasterText ?? '',
      relief_text: body.reliefText ?? '',
      policy: JSON.stringify(values),
      next_due_at: null,
      created_by: tx.actor,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  await tx.trx
    .insertInto('disaster_units')
    .values(body.townships.map((unit_id) => ({ disaster_id: id, unit_id })))
    .execute();
  await setLinks(tx, id, 'incident', body.incidentIds ?? []);
  await setLinks(tx, id, 'warning', body.warningIds ?? []);
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.created',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now) },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(
    tx.trx,
    id,
    { userId: 0, username: tx.actor, unitId: 1, unitPath: DISTRICT_PATH, roles: [] },
    now,
    zone,
  );
}

/** Sets severe_since / major_since from the flags and the district's dead + missing, once each. */
export async function settleSeverity(tx: Tx, row: DisasterRow, at: string): Promise<void> {
  const { totals } = await districtFigures(tx.trx, Number(row.id));
  const values = clockValues(row);
  const severeNow = Number(row.severe_loss) === 1 || deadMissing(totals) >= values.severeDeadMissing;
  const majorNow = severeNow || row.severe_since !== null || Number(row.major) === 1;
  const severeSince = row.severe_since ?? (severeNow ? at : null);
  const majorSince = majorNow ? (row.major_since ?? at) : null;
  if (severeSince !== row.severe_since || majorSince !== row.major_since)
    await tx.trx
      .updateTable('disasters')
      .set({ severe_since: severeSince, major_since: majorSince })
      .where('id', '=', Number(row.id))
      .execute();
}

/** PATCH /api/disasters/:id (the district). */
export async function updateDisaster(
  tx: Tx,
  zone: string,
  id: number,
  body: UpdateDisasterBody,
): Promise<Disaster> {
  const now = tx.clock.now();
  const caller = { unitPath: DISTRICT_PATH };
  const row = await disasterInSight(tx.trx, caller, id);
  if (row.state === 'closed') fail('DUTY_ERR_CONFLICT', `disaster ${id} is closed`);
  const changed: string[] = [];
  const set: Partial<Record<keyof DisastersTable, unknown>> = {};
  const change = (field: string, column: keyof DisastersTable, value: unknown, before: unknown) => {
    if (value === undefined || value === before) return;
    set[column] = value;
    changed.push(field);
  };
  change('title', 'title', body.title, row.title);
  change('subtype', 'subtype', body.subtype, row.subtype);
  change('disasterText', 'disaster_text', body.disasterText, row.disaster_text);
  change('reliefText', 'relief_text', body.reliefText, row.relief_text);
  change('major', 'major', body.major === undefined ? undefined : body.major ? 1 : 0, Number(row.major));
  change(
    'severeLoss',
    'severe_loss',
    body.severeLoss === undefined ? undefined : body.severeLoss ? 1 : 0,
    Number(row.severe_loss),
  );
  if (body.townships !== undefined) {
    const before = (await affectedTownships(tx.trx, id)).map((t) => t.id).sort((a, b) => a - b);
    const after = [...body.townships].sort((a, b) => a - b);
    if (before.join(',') !== after.join(',')) {
      await checkTownships(tx.trx, after);
      await tx.trx.deleteFrom('disaster_units').where('disaster_id', '=', id).execute();
      await tx.trx
        .insertInto('disaster_units')
        .values(after.map((unit_id) => ({ disaster_id: id, unit_id })))
        .execute();
      changed.push('townships');
    }
  }
  await checkLinks(tx.trx, body.incidentIds ?? [], body.warningIds ?? []);
  const links = await linksOf(tx.trx, id);
  const sameIds = (a: number[], b: number[]) =>
    [...a].sort((x, y) => x - y).join(',') === [...b].sort((x, y) => x - y).join(',');
  if (
    body.incidentIds !== undefined &&
    !sameIds(
      body.incidentIds,
      links.incidents.map((i) => i.id),
    )
  ) {
    await setLinks(tx, id, 'incident', body.incidentIds);
    changed.push('incidentIds');
  }
  if (
    body.warningIds !== undefined &&
    !sameIds(
      body.warningIds,
      links.warnings.map((x) => x.id),
    )
  ) {
    await setLinks(tx, id, 'warning', body.warningIds);
    changed.push('warningIds');
  }
  if (changed.length === 0) return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
  const stamp = nowStored(tx.clock);
  await tx.trx
    .updateTable('disasters')
    .set({ ...(set as object), updated_at: stamp })
    .where('id', '=', id)
    .execute();
  // Flags changed: severe / major from now (a severe one stays severe); unflagged major and not
  // severe is no longer major, and its open zero reports go.
  const updated = (await tx.trx.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst())!;
  await settleSeverity(tx, updated, stamp);
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.updated',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now), changed },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
}

function districtCaller(tx: Tx): DisasterCaller {
  return { userId: 0, username: tx.actor, unitId: 1, unitPath: DISTRICT_PATH, roles: [] };
}

/** POST /api/disasters/:id/state: developing ⇄ stable → closed (closing unstable sets stable too). */
export async function changeDisasterState(
  tx: Tx,
  zone: string,
  id: number,
  body: { state: DisasterState; at?: string },
): Promise<Disaster> {
  const now = tx.clock.now();
  const row = await disasterInSight(tx.trx, { unitPath: DISTRICT_PATH }, id);
  const from = row.state as DisasterState;
  if (from === 'closed') fail('DUTY_ERR_CONFLICT', `disaster ${id} is closed`);
  if (from === body.state) fail('DUTY_ERR_CONFLICT', `disaster ${id} is already ${from}`);
  const at = body.at ? toStored(new Date(body.at)) : nowStored(tx.clock);
  notAhead(at, now, 'body.at');
  if (Date.parse(at) < Date.parse(row.began_at))
    fail('DUTY_ERR_VALIDATION', `body.at: ${at} is before the disaster began (${row.began_at})`);
  const set =
    body.state === 'developing'
      ? { state: body.state, stable_at: null }
      : body.state === 'stable'
        ? { state: body.state, stable_at: at }
        : { state: body.state, closed_at: at, stable_at: row.stable_at ?? at };
  await tx.trx
    .updateTable('disasters')
    .set({ ...set, updated_at: nowStored(tx.clock) })
    .where('id', '=', id)
    .execute();
  await refreshDisasterObligations(tx, id, zone);
  await tx.record({
    type: 'disaster.state_changed',
    subject: `disaster:${id}`,
    payload: { disaster: await publicHeader(tx.trx, id, now), from },
    unit: DISTRICT_PATH,
  });
  return loadDisaster(tx.trx, id, districtCaller(tx), now, zone);
}
