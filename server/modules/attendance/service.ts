import type { MyShifts } from '@shared/schemas/attendance';
import type { Shift } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { findShift, markCheckedIn, markCheckedOut, shiftsOfUser } from '../roster/service';
import { getDutySettings } from '../settings/service';
import { listRosterPeople } from '../users/service';

const HOUR = 3_600_000;

/** The caller's shift that check-in applies to now: window open (before the start) or under way. */
export async function myShifts(db: DbOrTrx, userId: number, now: Date): Promise<MyShifts> {
  const settings = await getDutySettings(db);
  const opensBefore = settings.checkInBeforeMinutes * 60_000;
  const shifts = await shiftsOfUser(
    db,
    userId,
    toStored(now),
    toStored(new Date(now.getTime() + 14 * 24 * HOUR)),
  );
  const current =
    shifts.find(
      (s) => Date.parse(s.start) - opensBefore <= now.getTime() && now.getTime() < Date.parse(s.end),
    ) ?? null;
  return {
    current,
    upcoming: shifts.filter((s) => s !== current && Date.parse(s.start) > now.getTime()).slice(0, 5),
    checkInOpensAt: current ? toStored(new Date(Date.parse(current.start) - opensBefore)) : null,
    checkInDueAt: current
      ? toStored(new Date(Date.parse(current.start) + settings.checkInAfterMinutes * 60_000))
      : null,
  };
}

async function pickShift(tx: Tx, userId: number, shiftId: number | undefined): Promise<Shift> {
  const now = tx.clock.now();
  if (shiftId !== undefined) {
    const shift = await findShift(tx.trx, shiftId);
    if (!shift || shift.userId !== userId) {
      throw new DutyError(
        'DUTY_ERR_NOT_ROSTERED',
        'that shift is not yours: only the rostered person (or an approved swap partner) checks in',
      );
    }
    return shift;
  }
  const mine = await myShifts(tx.trx, userId, now);
  if (mine.current) return mine.current;
  const soon = mine.upcoming[0];
  if (soon && Date.parse(soon.start) - now.getTime() < 24 * HOUR) {
    throw new DutyError(
      'DUTY_ERR_CHECKIN_WINDOW',
      `check-in opens shortly before your shift starts at ${soon.startLocal}`,
    );
  }
  throw new DutyError(
    'DUTY_ERR_NOT_ROSTERED',
    'you are not rostered on duty now: nobody stands in unrecorded',
  );
}

export async function checkIn(tx: Tx, userId: number, shiftId?: number): Promise<Shift> {
  const person = (await listRosterPeople(tx.trx)).find((p) => p.id === userId);
  if (!person?.qualified) {
    throw new DutyError(
      'DUTY_ERR_NOT_QUALIFIED',
      'without the duty qualification nobody can check in to the post',
    );
  }
  const shift = await pickShift(tx, userId, shiftId);
  const settings = await getDutySettings(tx.trx);
  const now = tx.clock.now();
  const opens = Date.parse(shift.start) - settings.checkInBeforeMinutes * 60_000;
  if (now.getTime() < opens)
    throw new DutyError(
      'DUTY_ERR_CHECKIN_WINDOW',
      `check-in for this shift opens at ${toStored(new Date(opens))}`,
    );
  if (now.getTime() >= Date.parse(shift.end))
    throw new DutyError('DUTY_ERR_CHECKIN_WINDOW', 'this shift is over');
  if (shift.checkInAt) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'already checked in');
  const late = now.getTime() > Date.parse(shift.start) + settings.checkInAfterMinutes * 60_000;
  const updated = await markCheckedIn(tx.trx, shift.id, nowStored(tx.clock), late);
  await tx.record({
    type: 'attendance.checked_in',
    subject: `shift:${shift.id}`,
    payload: { shift: updated, late },
  });
  return updated;
}

export async function checkOut(tx: Tx, userId: number, shiftId?: number): Promise<Shift> {
  const now = tx.clock.now();
  const shift =
    shiftId !== undefined
      ? await findShift(tx.trx, shiftId)
      : (
          await shiftsOfUser(
            tx.trx,
            userId,
            toStored(new Date(now.getTime() - 48 * HOUR)),
            toStored(new Date(now.getTime() + 1)),
          )
        ).find((s) => s.checkInAt && !s.checkOutAt);
  if (!shift || shift.userId !== userId)
    throw new DutyError('DUTY_ERR_NOT_ROSTERED', 'no shift of yours to check out of');
  if (!shift.checkInAt) throw new DutyError('DUTY_ERR_CONFLICT', 'check in before checking out');
  if (shift.checkOutAt) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'already checked out');
  const updated = await markCheckedOut(tx.trx, shift.id, nowStored(tx.clock));
  await tx.record({
    type: 'attendance.checked_out',
    subject: `shift:${shift.id}`,
    payload: { shift: updated },
  });
  return updated;
}

export { dutyAt } from './duty-now';
export { missedCheckIns, raiseMissedLeaderPosts } from './missed';
