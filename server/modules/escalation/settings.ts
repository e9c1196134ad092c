import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '@shared/schemas/escalation';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { readSetting, storeSetting } from '../settings/service';
import { getUser } from '../users/service';

const KEY = 'escalation';

/** The delay and the chain in force: stored values over the defaults (10 minutes, no chain yet). */
export async function getEscalationSettings(db: DbOrTrx): Promise<EscalationSettings> {
  return { ...DEFAULT_ESCALATION_SETTINGS, ...(await readSetting<Partial<EscalationSettings>>(db, KEY)) };
}

export async function putEscalationSettings(
  tx: Tx,
  settings: EscalationSettings,
): Promise<EscalationSettings> {
  const labels = settings.steps.map((s) => s.label);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined)
    throw new DutyError('DUTY_ERR_VALIDATION', `body.steps: the step "${twice}" is listed twice`);
  for (const [i, step] of settings.steps.entries()) {
    if (step.userId == null) continue;
    const person = await getUser(tx.trx, step.userId).catch((err: unknown) => {
      if (err instanceof DutyError) return undefined;
      throw err;
    });
    if (!person)
      throw new DutyError(
        'DUTY_ERR_VALIDATION',
        `body.steps[${i}].userId: there is no person #${step.userId}`,
      );
  }
  const before = await getEscalationSettings(tx.trx);
  await storeSetting(tx, KEY, settings);
  const changed = (Object.keys(settings) as (keyof EscalationSettings)[]).filter(
    (k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]),
  );
  await tx.record({
    type: 'escalation.settings_updated',
    subject: 'settings:escalation',
    payload: { settings, changed },
  });
  return settings;
}
