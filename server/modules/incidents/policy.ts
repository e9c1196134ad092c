import { NATIONAL_DEFAULT_POLICY, upgradePolicy, validatePolicy } from '@shared/domain/deadline-policy';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { readSetting, storeSetting } from '../settings/service';

const KEY = 'deadline_policy';

/** The policy in force; a custom one stored in the shape before issue 14 is upgraded as it is read. */
export async function getDeadlinePolicy(db: DbOrTrx): Promise<DeadlinePolicy> {
  const stored = await readSetting<unknown>(db, KEY);
  return stored === undefined ? NATIONAL_DEFAULT_POLICY : upgradePolicy(stored);
}

/** The policy an incident was received under (its snapshot), else the one in force. */
export async function incidentPolicy(db: DbOrTrx, snapshot: string | null): Promise<DeadlinePolicy> {
  return snapshot ? upgradePolicy(JSON.parse(snapshot)) : getDeadlinePolicy(db);
}

/** Another profile or an edited table; incidents received from now on follow it (each keeps its own). */
export async function putDeadlinePolicy(tx: Tx, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
  const problems = validatePolicy(policy);
  if (problems.length) throw new DutyError('DUTY_ERR_VALIDATION', `deadline policy: ${problems.join('; ')}`);
  await storeSetting(tx, KEY, policy);
  await tx.record({ type: 'settings.deadlines_updated', subject: 'settings:deadlines', payload: { policy } });
  return policy;
}
