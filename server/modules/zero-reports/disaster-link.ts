import type { ZeroFilingBody } from '@shared/schemas/zero-reports';
import type { DbOrTrx } from '../../db/database';
import { DutyError, fail } from '../../errors';
import type { Tx } from '../../events/command';
import { dailyFilings, disasterInSight, fileFigures, loadDisaster } from '../disasters/service';
import type { Unit } from '../units/service';
import type { Counted, ZeroCaller } from './types';

// ---- The link with disasters (灾情报送): through the disasters module's front door only. ----

/** The affected townships of a disaster (its zero reports ask them); a closed one asks nobody. */
export async function disasterTownships(
  db: DbOrTrx,
  caller: ZeroCaller,
  id: number,
  now: Date,
  zone: string,
): Promise<number[]> {
  const disaster = await loadDisaster(db, id, caller, now, zone).catch((err: unknown) => {
    if (err instanceof DutyError && err.code === 'DUTY_ERR_NOT_FOUND')
      fail('DUTY_ERR_VALIDATION', `body.refId: disaster ${id} does not exist`);
    throw err;
  });
  if (disaster.state === 'closed') fail('DUTY_ERR_UNPROCESSABLE', `body.refId: disaster ${id} is closed`);
  return disaster.townships.map((u) => u.unitId);
}

/**
 * A disaster's daily filings of a date (filed on the disaster's page, or through a zero report), as
 * they count here: per unit, its first filing of the date.
 */
export async function disasterDailyFilings(
  db: DbOrTrx,
  disasterId: number,
  date: string,
): Promise<Map<number, Omit<Counted, 'source'>>> {
  const out = new Map<number, Omit<Counted, 'source'>>();
  const filings = [...(await dailyFilings(db, disasterId, date))].sort((a, b) =>
    a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : a.id - b.id,
  );
  for (const f of filings)
    if (!out.has(f.unitId))
      out.set(f.unitId, {
        filedAt: f.filedAt,
        nothingNew: f.nothingNew,
        figures: f.nothingNew ? null : f.figures,
        note: f.note,
        filedBy: f.filedBy,
      });
  return out;
}

/**
 * A township's zero report on a disaster-linked request is its daily (24-hour) disaster filing too,
 * in the same transaction: the figures filed, or "无新增" (the last figures carried over). A refusal
 * there (a fractional count of people) refuses the zero report too.
 */
export async function fileDisasterDaily(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  disasterId: number,
  unit: Unit,
  date: string,
  body: ZeroFilingBody,
): Promise<void> {
  // A closed disaster's figures are final: the zero report is still taken, the disaster left alone.
  if ((await disasterInSight(tx.trx, caller, disasterId)).state === 'closed') return;
  await fileFigures(tx, zone, caller, disasterId, {
    unitId: unit.id,
    kind: 'daily',
    forDate: date,
    ...(body.nothingNew ? { nothingNew: true } : { figures: body.figures }),
    ...(body.note ? { note: body.note } : {}),
  });
}
