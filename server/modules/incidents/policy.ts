import { NATIONAL_DEFAULT_POLICY, validatePolicy } from '@shared/domain/deadline-policy';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';

const KEY = 'deadline_policy';

export async function getDeadlinePolicy(db: DbOrTrx): Promise<DeadlinePolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as DeadlinePolicy) : NATIONAL_DEFAULT_POLICY;
}

/** Another profile or an edited table; each incident follows it from its next change on. */
export async function putDeadlinePolicy(tx: Tx, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
  const problems = validatePolicy(policy);
  if (problems.length) throw new DutyError('DUTY_ERR_VALIDATION', `deadline policy: ${problems.join('; ')}`);
  const row = {
    key: KEY,
    value: JSON.stringify(policy),
    updated_at: nowStored(tx.clock),
    updated_by: tx.actor,
  };
  const exists = await tx.trx.selectFrom('settings').select('key').where('key', '=', KEY).executeTakeFirst();
  if (exists) await tx.trx.updateTable('settings').set(row).where('key', '=', KEY).execute();
  else await tx.trx.insertInto('settings').values(row).execute();
  await tx.record({ type: 'settings.deadlines_updated', subject: 'settings:deadlines', payload: { policy } });
  return policy;
}
