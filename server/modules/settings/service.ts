import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { readSetting, storeSetting } from './stored';

const DUTY_KEY = 'duty';

/** The duty rules in force: stored values over the defaults (a new default reaches old databases). */
export async function getDutySettings(db: DbOrTrx): Promise<DutySettings> {
  return { ...DEFAULT_DUTY_SETTINGS, ...(await readSetting<Partial<DutySettings>>(db, DUTY_KEY)) };
}

export async function putDutySettings(tx: Tx, settings: DutySettings): Promise<DutySettings> {
  // Ending at the hand-over, the "day" shift would be the whole duty day and the night one another.
  if (settings.template === 'day_night' && settings.dayShiftEnd === settings.handoverTime)
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      `body.dayShiftEnd: the day shift must end before the next hand-over (${settings.handoverTime})`,
    );
  const before = await getDutySettings(tx.trx);
  await storeSetting(tx, DUTY_KEY, settings);
  const changed = (Object.keys(settings) as (keyof DutySettings)[]).filter(
    (k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]),
  );
  await tx.record({ type: 'settings.updated', subject: 'settings:duty', payload: { settings, changed } });
  return settings;
}

export { getInstallation, type Installation, recordInstallation } from './installation';
export { readSetting, readSettings, storeSetting } from './stored';
