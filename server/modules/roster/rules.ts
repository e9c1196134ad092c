import { dutyDayBounds } from '@shared/domain/duty-day';
import type { DutyRole, RosterContext, RosterPerson } from '@shared/domain/roster-types';
import type { Period } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import { toStored } from '../../time';
import { calendarData } from '../calendar/service';
import { getDutySettings } from '../settings/service';
import { listRosterPeople } from '../users/service';
import { dutyDrivers } from '../warnings/service';
import { periodsTouching } from './repo';

/**
 * Settings, zone, the declared periods, the official calendar and the warnings and responses around
 * a range: what every roster rule needs. `asOf` (now) bounds the warnings still in force: without
 * it they are taken to last for ever.
 */
export async function rosterContext(
  db: DbOrTrx,
  zone: string,
  from: string,
  to: string,
  asOf?: Date,
): Promise<RosterContext & { periods: Period[] }> {
  const [settings, periods, calendar] = await Promise.all([
    getDutySettings(db),
    periodsTouching(db, from, to),
    calendarData(db),
  ]);
  const start = dutyDayBounds(from, zone, settings.handoverTime).start;
  const end = dutyDayBounds(to, zone, settings.handoverTime).end;
  const drivers = await dutyDrivers(db, toStored(start), toStored(end));
  return { zone, settings, periods, calendar, drivers, ...(asOf ? { asOf: toStored(asOf) } : {}) };
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
