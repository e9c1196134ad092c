import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';

const DUTY_KEY = 'duty';

/** The duty rules in force: stored values over the defaults (a new default reaches old databases). */
export async function getDutySettings(db: DbOrTrx): Promise<DutySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', DUTY_KEY).executeTakeFirst();
  return { ...DEFAULT_DUTY_SETTINGS, ...(row ? (JSON.parse(row.value) as Partial<DutySettings>) : {}) };
}

export async function putDutySettings(tx: Tx, settings: DutySettings): Promise<DutySettings> {
  // Ending at the hand-over, the "day" shift would be the whole duty day and the night one another.
  if (settings.template === 'day_night' && settings.dayShiftEnd === settings.handoverTime)
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      `body.dayShiftEnd: the day shift must end before the next hand-over (${settings.handoverTime})`,
    );
  const before = await getDutySettings(tx.trx);
  const row = {
    key: DUTY_KEY,
    value: JSON.stringify(settings),
    updated_at: nowStored(tx.clock),
    updated_by: tx.actor,
  };
  const exists = await tx.trx
    .selectFrom('settings')
    .select('key')
    .where('key', '=', DUTY_KEY)
    .executeTakeFirst();
  if (exists) await tx.trx.updateTable('settings').set(row).where('key', '=', DUTY_KEY).execute();
  else await tx.trx.insertInto('settings').values(row).execute();
  const changed = (Object.keys(settings) as (keyof DutySettings)[]).filter(
    (k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]),
  );
  await tx.record({ type: 'settings.updated', subject: 'settings:duty', payload: { settings, changed } });
  return settings;
}
