import {
  type DisasterFigures,
  FIGURE_FIELDS,
  roundFigure,
  WHOLE_FIGURES,
  ZERO_FIGURES,
} from '@shared/domain/disasters';
import { localDateOf } from '@shared/domain/duty-day';
import type { Filing, FilingBody } from '@shared/schemas/disasters';
import type { DbOrTrx } from '../../db/database';
import { fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { getUnit, isWithin } from '../units/service';
import { realDate } from './dates';
import { parseFigures } from './figures';
import { affectedTownships } from './lookups';
import { refreshDisasterObligations } from './obligations';
import { settleSeverity } from './process';
import { disasterInSight, sightPath, townshipOfPath } from './scope';
import type { DisasterCaller } from './types';
import { toFilings } from './views';

/**
 * A unit's figures: an affected township, or a community / village under one, within the caller's
 * sight; the district's (or a township's for its community) is marked on behalf (代报). Omitted
 * figures keep the unit's last value; `nothingNew` carries them over. One event.
 */
export async function fileFigures(
  tx: Tx,
  zone: string,
  caller: DisasterCaller,
  disasterId: number,
  body: FilingBody,
): Promise<Filing> {
  const row = await disasterInSight(tx.trx, caller, disasterId);
  if (row.state === 'closed')
    fail('DUTY_ERR_CONFLICT', `disaster ${disasterId} is closed; its figures are final`);
  const unit = await getUnit(tx.trx, body.unitId);
  if (!unit || !isWithin(caller.unitPath, unit.path)) notFound(`unit ${body.unitId}`);
  const township = townshipOfPath(unit.path);
  const affected = (await affectedTownships(tx.trx, disasterId)).some((t) => t.id === township);
  if (township === null || !affected)
    fail('DUTY_ERR_VALIDATION', `body.unitId: ${unit.name} is not in a township this disaster affects`);
  realDate(body.forDate, 'body.forDate');
  const nothingNew = body.nothingNew === true;
  if ((body.figures !== undefined) === nothingNew)
    fail('DUTY_ERR_VALIDATION', 'body: send either figures or nothingNew: true, exactly one of them');
  for (const f of WHOLE_FIGURES) {
    const v = body.figures?.[f];
    if (v !== undefined && !Number.isInteger(v))
      fail('DUTY_ERR_VALIDATION', `body.figures.${f}: a whole number`);
  }
  const lastRow = await tx.trx
    .selectFrom('disaster_filings')
    .select('figures')
    .where('disaster_id', '=', disasterId)
    .where('unit_id', '=', unit.id)
    .orderBy('filed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const figures: DisasterFigures = lastRow ? parseFigures(lastRow.figures) : { ...ZERO_FIGURES };
  for (const f of FIGURE_FIELDS) {
    const v = body.figures?.[f];
    if (v !== undefined) figures[f] = roundFigure(v);
  }
  const now = tx.clock.now();
  const forDate = body.kind === 'daily' ? (body.forDate ?? localDateOf(now, zone)) : (body.forDate ?? null);
  const stamp = nowStored(tx.clock);
  const inserted = await tx.trx
    .insertInto('disaster_filings')
    .values({
      disaster_id: disasterId,
      unit_id: unit.id,
      unit_path: unit.path,
      kind: body.kind,
      for_date: forDate,
      figures: JSON.stringify(figures),
      nothing_new: nothingNew ? 1 : 0,
      note: body.note ?? '',
      on_behalf: caller.unitId !== unit.id ? 1 : 0,
      filed_by: tx.actor,
      filed_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await settleSeverity(tx, row, stamp);
  await tx.trx.updateTable('disasters').set({ updated_at: stamp }).where('id', '=', disasterId).execute();
  await refreshDisasterObligations(tx, disasterId, zone);
  const saved = await tx.trx
    .selectFrom('disaster_filings')
    .selectAll()
    .where('id', '=', Number(inserted.id))
    .executeTakeFirstOrThrow();
  const [filing] = await toFilings(tx.trx, [saved]);
  await tx.record({
    type: 'disaster.figures_filed',
    subject: `disaster:${disasterId}`,
    payload: { filing: filing! },
    unit: unit.path,
  });
  return filing!;
}

/** GET /api/disasters/:id/filings: the filings the caller sees (of one unit when asked), newest first. */
export async function listFilings(
  db: DbOrTrx,
  caller: DisasterCaller,
  disasterId: number,
  unitId: number | undefined,
): Promise<Filing[]> {
  await disasterInSight(db, caller, disasterId);
  let q = db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .where('unit_path', 'like', `${sightPath(caller)}%`);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  return toFilings(
    db,
    rows.filter((r) => isWithin(sightPath(caller), r.unit_path)),
  );
}

/** The daily filings of one local date, every unit's (for the zero-report tool). */
export async function dailyFilings(db: DbOrTrx, disasterId: number, forDate: string): Promise<Filing[]> {
  const rows = await db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .where('kind', '=', 'daily')
    .where('for_date', '=', forDate)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  return toFilings(db, rows);
}
