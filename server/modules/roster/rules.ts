import type { DutyRole, RosterContext, RosterPerson } from '@shared/domain/roster-types';
import type { Period } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import { getDutySettings } from '../settings/service';
import { listRosterPeople } from '../users/service';
import { periodsTouching } from './repo';

/** Settings, zone and the periods around a range: what every roster rule needs. */
export async function rosterContext(
  db: DbOrTrx,
  zone: string,
  from: string,
  to: string,
): Promise<RosterContext & { periods: Period[] }> {
  const [settings, periods] = await Promise.all([getDutySettings(db), periodsTouching(db, from, to)]);
  return { zone, settings, periods };
}

/** Only qualified people holding the role sit the post: a stand-in (a security guard, say) never. */
export function assertRosterable(
  person: RosterPerson | undefined,
  role: DutyRole,
  userId: number,
): RosterPerson {
  if (!person?.enabled)
    throw new DutyError('DUTY_ERR_NOT_ROSTERABLE', `user ${userId} does not exist or is disabled`);
  if (!person.qualified) {
    throw new DutyError(
      'DUTY_ERR_NOT_QUALIFIED',
      `${person.displayName} has no duty qualification and cannot be rostered`,
    );
  }
  const needs = role === 'leader' ? ['leader'] : role === 'officer' ? ['officer'] : ['officer', 'leader'];
  if (!person.roles.some((r) => needs.includes(r))) {
    throw new DutyError(
      'DUTY_ERR_WRONG_ROLE',
      `${person.displayName} does not hold the role needed for a ${role} shift`,
    );
  }
  return person;
}

export async function peopleById(db: DbOrTrx): Promise<Map<number, RosterPerson>> {
  return new Map((await listRosterPeople(db)).map((p) => [p.id, p]));
}
