import { NATIONAL_DEFAULT_POLICY, validatePolicy } from '@shared/domain/deadline-policy';
import { statutoryPolicyProblems } from '@shared/domain/direct-report';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { readSetting, storeSetting } from '../settings/service';

const KEY = 'deadline_policy';

export async function getDeadlinePolicy(db: DbOrTrx): Promise<DeadlinePolicy> {
  return (await readSetting<DeadlinePolicy>(db, KEY)) ?? NATIONAL_DEFAULT_POLICY;
}

/** Another profile or an edited table; each incident follows it from its next change on. */
export async function putDeadlinePolicy(tx: Tx, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
  const problems = [...validatePolicy(policy), ...statutoryPolicyProblems(policy)];
  if (problems.length) throw new DutyError('DUTY_ERR_VALIDATION', `deadline policy: ${problems.join('; ')}`);
  await storeSetting(tx, KEY, policy);
  await tx.record({ type: 'settings.deadlines_updated', subject: 'settings:deadlines', payload: { policy } });
  return policy;
}
