import { localDateOf } from '@shared/domain/duty-day';
import type { ZeroFiling, ZeroFilingBody } from '@shared/schemas/zero-reports';
import { DutyError, fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { toStored } from '../../time';
import { getUnit, isWithin } from '../units/service';
import { asks, cutoffInstant } from './dates';
import { fileDisasterDaily } from './disaster-link';
import * as repo from './repo';
import type { ZeroCaller } from './types';

function checkFigures(body: ZeroFilingBody): void {
  const hasFigures = body.figures !== undefined && Object.keys(body.figures).length > 0;
  if (hasFigures === (body.nothingNew === true))
    fail('DUTY_ERR_VALIDATION', 'body: exactly one of nothingNew (无新增) or figures');
  for (const [k, v] of Object.entries(body.figures ?? {}))
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      fail('DUTY_ERR_VALIDATION', `body.figures.${k}: a number of 0 or more`);
}

/**
 * A unit files its zero report for a date (default today): one tap "无新增", or a few figures. The
 * caller files for its own unit or one below (the district on a unit's behalf); a unit not asked, or
 * out of the caller's sight, is 404. A second filing for the same date keeps the first instant (and
 * its lateness) and updates the content.
 */
export async function fileZeroReport(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  id: number,
  body: ZeroFilingBody,
): Promise<ZeroFiling> {
  checkFigures(body);
  const row = await repo.findRequest(tx.trx, id);
  const unit = await getUnit(tx.trx, body.unitId);
  if (!row || !unit || !isWithin(caller.unitPath, unit.path))
    notFound(`zero-report ask ${id} of unit ${body.unitId}`);
  const asked = (await repo.unitsOf(tx.trx, [id])).get(id) ?? [];
  if (!asked.some((u) => u.unitId === unit.id)) notFound(`zero-report ask ${id} of unit ${body.unitId}`);
  if (row.ended_at !== null)
    throw new DutyError('DUTY_ERR_CONFLICT', `this zero-report request ended at ${row.ended_at}`);
  const now = tx.clock.now();
  const today = localDateOf(now, zone);
  const date = body.forDate ?? today;
  if (date > today) fail('DUTY_ERR_VALIDATION', `body.forDate: ${date} is after today (${today})`);
  if (!asks(row, date, zone))
    fail(
      'DUTY_ERR_VALIDATION',
      `body.forDate: ${date} is not asked (from ${row.first_date} to ${row.last_date ?? '…'})`,
    );
  const late = now.getTime() > cutoffInstant(date, row.cutoff, zone).getTime();
  const at = toStored(now);
  const content = {
    nothing_new: body.nothingNew ? 1 : 0,
    figures: body.figures && !body.nothingNew ? JSON.stringify(body.figures) : null,
    note: body.note ?? '',
    updated_by: caller.username,
    updated_at: at,
  };
  const before = await repo.findFiling(tx.trx, id, unit.id, date);
  if (before) {
    await tx.trx.updateTable('zero_filings').set(content).where('id', '=', Number(before.id)).execute();
  } else {
    await tx.trx
      .insertInto('zero_filings')
      .values({
        request_id: id,
        unit_id: unit.id,
        unit_path: unit.path,
        for_date: date,
        filed_by: caller.username,
        filed_at: at,
        late: late ? 1 : 0,
        ...content,
      })
      .execute();
  }
  const filing = repo.toFiling((await repo.findFiling(tx.trx, id, unit.id, date))!, unit.name);
  if (row.disaster_id !== null)
    await fileDisasterDaily(tx, zone, caller, Number(row.disaster_id), unit, date, body);
  await tx.record({
    type: 'zero_report.filed',
    subject: `zero:${id}`,
    payload: { filing, first: before === undefined },
    unit: unit.path,
  });
  return filing;
}
