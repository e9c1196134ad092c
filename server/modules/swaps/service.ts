import { addDays, dutyDayBounds } from '@shared/domain/duty-day';
import { checkRoster } from '@shared/domain/roster-checks';
import type { RosterCheck, Shift } from '@shared/schemas/roster';
import type { DecideSwapBody, RequestSwapBody, Swap, SwapPreview } from '@shared/schemas/swaps';
import type { User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import {
  assertRosterable,
  findShift,
  peopleById,
  reassignShift,
  rosterContext,
  shiftsOnDays,
  toRosterShift,
} from '../roster/service';
import * as repo from './repo';

const MAX_LIST = 200;
/** Rest and consecutive-hours rules reach this far around the days a swap touches. */
const MARGIN_DAYS = 3;

/** Only a shift still ahead, nobody checked in, changes hands: what was stood is history. */
function assertSwappable(shift: Shift, now: Date): void {
  if (shift.checkInAt)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `shift ${shift.id} has been checked in to`);
  if (Date.parse(shift.start) <= now.getTime()) {
    throw new DutyError(
      'DUTY_ERR_CONFLICT',
      `shift ${shift.id} has already started: only future shifts are swapped`,
    );
  }
}

function notNow(swap: Swap, wanted: Swap['status']): never {
  if (swap.status === wanted || !repo.PENDING.includes(swap.status)) {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `swap ${swap.id} is already ${swap.status}`);
  }
  throw new DutyError('DUTY_ERR_CONFLICT', `swap ${swap.id} is ${swap.status} and cannot become ${wanted}`);
}

const getSwap = async (db: DbOrTrx, id: number) => (await repo.findSwap(db, id)) ?? notFound(`swap ${id}`);
const getShift = async (db: DbOrTrx, id: number) => (await findShift(db, id)) ?? notFound(`shift ${id}`);

export async function requestSwap(tx: Tx, user: User, body: RequestSwapBody): Promise<Swap> {
  const now = tx.clock.now();
  const shift = await getShift(tx.trx, body.shiftId);
  if (shift.userId !== user.id && !user.roles.includes('admin')) {
    throw new DutyError(
      'DUTY_ERR_FORBIDDEN',
      'only the person on the shift (or an administrator) asks to swap it',
    );
  }
  assertSwappable(shift, now);
  if (body.toUserId === shift.userId)
    throw new DutyError('DUTY_ERR_UNPROCESSABLE', 'a swap needs another person');
  const people = await peopleById(tx.trx);
  assertRosterable(people.get(body.toUserId), shift.role, body.toUserId);
  const shiftIds = [shift.id];
  if (body.counterShiftId !== undefined) {
    const counter = await getShift(tx.trx, body.counterShiftId);
    if (counter.userId !== body.toUserId) {
      throw new DutyError(
        'DUTY_ERR_UNPROCESSABLE',
        `shift ${counter.id} is not a shift of user ${body.toUserId}`,
      );
    }
    assertSwappable(counter, now);
    assertRosterable(people.get(shift.userId), counter.role, shift.userId);
    shiftIds.push(counter.id);
  }
  const pending = await repo.pendingTouching(tx.trx, shiftIds);
  if (pending)
    throw new DutyError('DUTY_ERR_CONFLICT', `swap ${pending.id} of this shift is still ${pending.status}`);
  const swap = await repo.insertSwap(tx.trx, {
    shift_id: shift.id,
    from_user_id: shift.userId,
    to_user_id: body.toUserId,
    counter_shift_id: body.counterShiftId ?? null,
    status: 'requested',
    reason: body.reason,
    requested_by: user.username,
    requested_at: nowStored(tx.clock),
    accepted_at: null,
    decided_by: null,
    decided_at: null,
    decision_note: null,
  });
  await tx.record({ type: 'swap.requested', subject: `swap:${swap.id}`, payload: { swap } });
  return swap;
}

export async function acceptSwap(tx: Tx, user: User, id: number): Promise<Swap> {
  const swap = await getSwap(tx.trx, id);
  if (user.id !== swap.toUserId)
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the counterpart accepts a swap');
  const accepted =
    (await repo.transition(tx.trx, id, ['requested'], {
      status: 'accepted',
      accepted_at: nowStored(tx.clock),
    })) ?? notNow(await getSwap(tx.trx, id), 'accepted');
  await tx.record({ type: 'swap.accepted', subject: `swap:${id}`, payload: { swap: accepted } });
  return accepted;
}

async function decide(
  tx: Tx,
  id: number,
  status: 'approved' | 'rejected' | 'cancelled',
  note?: string,
): Promise<Swap> {
  const from: Swap['status'][] = status === 'approved' ? ['accepted'] : repo.PENDING;
  const patch = {
    status,
    decided_by: tx.actor,
    decided_at: nowStored(tx.clock),
    decision_note: note ?? null,
  };
  const decided =
    (await repo.transition(tx.trx, id, from, patch)) ?? notNow(await getSwap(tx.trx, id), status);
  await tx.record({ type: `swap.${status}`, subject: `swap:${id}`, payload: { swap: decided } });
  return decided;
}

/** A leader or administrator decides; the counterpart may decline. */
export async function rejectSwap(tx: Tx, user: User, id: number, note?: string): Promise<Swap> {
  const swap = await getSwap(tx.trx, id);
  const decider = user.roles.includes('leader') || user.roles.includes('admin');
  if (!decider && user.id !== swap.toUserId) {
    throw new DutyError(
      'DUTY_ERR_FORBIDDEN',
      'only a leader, an administrator or the counterpart rejects a swap',
    );
  }
  return decide(tx, id, 'rejected', note);
}

export async function cancelSwap(tx: Tx, user: User, id: number): Promise<Swap> {
  const swap = await getSwap(tx.trx, id);
  if (swap.requestedBy !== user.username && swap.fromUserId !== user.id) {
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the requester withdraws a swap');
  }
  return decide(tx, id, 'cancelled');
}

export function listSwaps(db: DbOrTrx, status?: Swap['status']): Promise<Swap[]> {
  return repo.listSwaps(db, status, MAX_LIST);
}

/** The roster checks as they would stand after the swap, for the days it touches. */
async function checkAfter(db: DbOrTrx, zone: string, swap: Swap): Promise<RosterCheck> {
  const moved = new Map([[swap.shiftId, swap.toUserId]]);
  if (swap.counterShiftId !== null) moved.set(swap.counterShiftId, swap.fromUserId);
  const touched = (await Promise.all([...moved.keys()].map((id) => getShift(db, id)))).map((s) => s.dutyDate);
  const sorted = [...touched].sort();
  const [from, to] = [sorted[0]!, sorted.at(-1)!];
  const [ctx, shifts, people] = await Promise.all([
    rosterContext(db, zone, from, to),
    shiftsOnDays(db, addDays(from, -MARGIN_DAYS), addDays(to, MARGIN_DAYS)),
    peopleById(db),
  ]);
  const after = shifts.map((s) => toRosterShift({ ...s, userId: moved.get(s.id) ?? s.userId }));
  const full = checkRoster({ from, to, shifts: after, people: [...people.values()], ctx });
  const two = (userId: number) => userId === swap.fromUserId || userId === swap.toUserId;
  const days = touched.map((d) => dutyDayBounds(d, zone, ctx.settings.handoverTime));
  const check = {
    gaps: full.gaps.filter((g) =>
      days.some((d) => Date.parse(g.from) < d.end.getTime() && Date.parse(g.to) > d.start.getTime()),
    ),
    understaffed: full.understaffed.filter((u) => touched.includes(u.dutyDate)),
    conflicts: full.conflicts.filter((c) => two(c.userId)),
    unqualified: full.unqualified.filter((u) => two(u.userId)),
  };
  const ok =
    !check.gaps.length && !check.understaffed.length && !check.conflicts.length && !check.unqualified.length;
  return { ok, ...check };
}

export async function previewSwap(db: DbOrTrx, zone: string, id: number): Promise<SwapPreview> {
  const swap = await getSwap(db, id);
  return { swap, check: await checkAfter(db, zone, swap) };
}

/** The roster changes only here: both shifts change hands in the transaction that approves. */
export async function approveSwap(
  tx: Tx,
  zone: string,
  user: User,
  id: number,
  body: DecideSwapBody,
): Promise<Swap> {
  const swap = await getSwap(tx.trx, id);
  if (swap.status !== 'accepted') notNow(swap, 'approved');
  if (user.id === swap.fromUserId || user.id === swap.toUserId) {
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'nobody approves a swap they are part of');
  }
  const changes = [{ shift: await getShift(tx.trx, swap.shiftId), from: swap.fromUserId, to: swap.toUserId }];
  if (swap.counterShiftId !== null) {
    changes.push({
      shift: await getShift(tx.trx, swap.counterShiftId),
      from: swap.toUserId,
      to: swap.fromUserId,
    });
  }
  const people = await peopleById(tx.trx);
  for (const { shift, from, to } of changes) {
    if (shift.userId !== from) {
      throw new DutyError(
        'DUTY_ERR_CONFLICT',
        `shift ${shift.id} changed hands since the swap was requested`,
      );
    }
    assertSwappable(shift, tx.clock.now());
    assertRosterable(people.get(to), shift.role, to);
  }
  const check = await checkAfter(tx.trx, zone, swap);
  if (check.conflicts.length || check.unqualified.length) {
    if (!body.override) {
      const message =
        'after this swap the roster has conflicts or unqualified people; an administrator may override with a note';
      throw new DutyError('DUTY_ERR_CONFLICT', message, {}, { check });
    }
    if (!user.roles.includes('admin'))
      throw new DutyError('DUTY_ERR_FORBIDDEN', 'only an administrator overrides the roster checks');
    if (!body.note)
      throw new DutyError('DUTY_ERR_VALIDATION', 'body.note: an override needs a note giving the reason');
  }
  const approved = await decide(tx, id, 'approved', body.note);
  for (const { shift: before, to } of changes) {
    const shift = await reassignShift(tx.trx, before.id, to, nowStored(tx.clock));
    await tx.record({
      type: 'roster.shift_updated',
      subject: `shift:${shift.id}`,
      payload: { shift, before },
    });
  }
  return approved;
}
