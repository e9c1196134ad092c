import type {
  AcceptHandoverBody,
  Handover,
  HandoverQuery,
  ReviseHandoverBody,
  SubmitHandoverBody,
} from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { recordHandoverCheckpoint } from '../audit/service';
import { getDutySettings } from '../settings/service';
import { buildHandover } from './build';
import { gatherDraft, handoverShift, incomingOfficers } from './gather';
import * as repo from './repo';
import { earlyReason, handoverWindow } from './window';

const MAX_LIST = 200;

export async function getHandover(db: DbOrTrx, zone: string, id: number): Promise<Handover> {
  return (await repo.findHandover(db, id, zone)) ?? notFound(`handover ${id}`);
}

/** Written by the outgoing officer on duty: the draft as edited, every open incident carried over. */
export async function submitHandover(
  tx: Tx,
  zone: string,
  user: User,
  body: SubmitHandoverBody,
): Promise<Handover> {
  const now = tx.clock.now();
  const shift = await handoverShift(tx.trx, user.id, now);
  const draft = await gatherDraft(tx.trx, zone, shift, now);
  if (draft.existing)
    throw new DutyError(
      'DUTY_ERR_ALREADY_DONE',
      `this shift was already handed over (#${draft.existing.id})`,
    );
  const reason = earlyReason(now, shift.end, draft.window, body.earlyReason, 'hand over', zone);
  const built = buildHandover(
    {
      sections: draft.sections,
      pending: draft.pending,
      open: draft.openIncidents,
      handedOn: new Set(draft.pending.map((p) => p.key)),
    },
    body,
    zone,
  );
  const at = nowStored(tx.clock);
  const id = await repo.insertHandover(tx.trx, {
    duty_date: shift.dutyDate,
    shift_start: shift.start,
    shift_end: shift.end,
    outgoing_user_id: user.id,
    incoming_user_id: draft.people.incoming[0]?.userId ?? null,
    status: 'submitted',
    content: JSON.stringify({
      sections: built.sections,
      people: draft.people,
      openIncidents: draft.openIncidents,
    }),
    carried: JSON.stringify(built.carried),
    pending: JSON.stringify(built.pending),
    notes: body.notes ?? '',
    submitted_at: at,
    submitted_by: user.username,
    submitted_by_name: user.displayName,
    accepted_at: null,
    accepted_by: null,
    accepted_by_name: null,
    created_at: at,
    early_reason: reason,
    accepted_early_reason: null,
    alarms: JSON.stringify(draft.alarms),
  });
  const handover = await getHandover(tx.trx, zone, id);
  await tx.record({ type: 'handover.submitted', subject: `handover:${id}`, payload: { handover } });
  return handover;
}

async function awaiting(tx: Tx, zone: string, id: number): Promise<Handover> {
  const h = await getHandover(tx.trx, zone, id);
  if (h.status === 'sealed')
    throw new DutyError(
      'DUTY_ERR_SEALED',
      `handover #${id} was signed by ${h.acceptedByName} and is sealed: append an amendment instead`,
    );
  return h;
}

/** Until the incoming officer signs, the outgoing one may still correct what was handed over. */
export async function reviseHandover(
  tx: Tx,
  zone: string,
  user: User,
  id: number,
  body: ReviseHandoverBody,
): Promise<Handover> {
  const h = await awaiting(tx, zone, id);
  if (h.submittedBy !== user.username)
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the officer who handed it over revises it');
  const fresh = await gatherDraft(tx.trx, zone, h.shift, tx.clock.now());
  const built = buildHandover(
    {
      sections: h.content.sections,
      pending: h.pending,
      open: fresh.openIncidents,
      handedOn: new Set(fresh.pending.map((p) => p.key)),
    },
    body,
    zone,
  );
  const content = { ...h.content, sections: built.sections, openIncidents: fresh.openIncidents };
  const updated = await repo.updateSubmitted(tx.trx, id, {
    content: JSON.stringify(content),
    carried: JSON.stringify(built.carried),
    pending: JSON.stringify(built.pending),
    alarms: JSON.stringify(fresh.alarms),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
  });
  if (!updated) throw new DutyError('DUTY_ERR_SEALED', `handover #${id} was signed meanwhile`);
  const handover = await getHandover(tx.trx, zone, id);
  await tx.record({ type: 'handover.revised', subject: `handover:${id}`, payload: { handover } });
  return handover;
}

/** The incoming officer signs for every carried item, one by one; then the handover is sealed. */
export async function acceptHandover(
  tx: Tx,
  zone: string,
  user: User,
  id: number,
  body: AcceptHandoverBody,
): Promise<Handover> {
  const h = await awaiting(tx, zone, id);
  const incoming = await incomingOfficers(tx.trx, h.shift.end);
  const allowed = new Set(incoming.map((s) => s.userId));
  if (!allowed.has(user.id) || user.username === h.submittedBy) {
    const names = incoming.map((s) => s.userName).join('、') || 'nobody (no roster)';
    throw new DutyError(
      'DUTY_ERR_NOT_INCOMING',
      `only the officer rostered on the next shift signs: ${names}`,
    );
  }
  const confirmed = new Set(body.confirmed);
  const missing = h.carried.filter((c) => !confirmed.has(c.key)).map((c) => c.key);
  const unknown = body.confirmed.filter((k) => !h.carried.some((c) => c.key === k));
  if (missing.length || unknown.length) {
    const problems = [
      missing.length ? `not confirmed: ${missing.join(', ')}` : '',
      unknown.length ? `not carried: ${unknown.join(', ')}` : '',
    ];
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      `confirm every carried item and nothing else (${problems.filter(Boolean).join('; ')})`,
      {},
      { missing, unknown },
    );
  }
  const window = handoverWindow(h.shift.end, (await getDutySettings(tx.trx)).handoverWindowMinutes);
  const reason = earlyReason(tx.clock.now(), h.shift.end, window, body.earlyReason, 'sign for', zone);
  const sealed = await repo.updateSubmitted(tx.trx, id, {
    status: 'sealed',
    incoming_user_id: user.id,
    carried: JSON.stringify(h.carried.map((c) => ({ ...c, confirmed: true }))),
    accepted_at: nowStored(tx.clock),
    accepted_by: user.username,
    accepted_by_name: user.displayName,
    accepted_early_reason: reason,
  });
  if (!sealed) throw new DutyError('DUTY_ERR_SEALED', `handover #${id} was signed meanwhile`);
  const handover = await getHandover(tx.trx, zone, id);
  await tx.record({ type: 'handover.accepted', subject: `handover:${id}`, payload: { handover } });
  await recordHandoverCheckpoint(tx, id);
  return getHandover(tx.trx, zone, id);
}

/** Who answers for a handover's record: its two signatories, the leader on call of its shift. */
export function mayAmend(h: Handover, user: Pick<User, 'id' | 'roles'>): boolean {
  if (user.roles.includes('admin')) return true;
  const answerable = [
    h.outgoing?.userId,
    h.incoming?.userId,
    ...h.content.people.leaders.map((p) => p.userId),
  ];
  return answerable.includes(user.id);
}

/**
 * A sealed handover is corrected only by appending a signed amendment: by one of its signatories,
 * the leader on call of its shift, or an administrator.
 */
export async function amendHandover(
  tx: Tx,
  zone: string,
  user: User,
  id: number,
  text: string,
): Promise<Handover> {
  const h = await getHandover(tx.trx, zone, id);
  if (h.status !== 'sealed')
    throw new DutyError('DUTY_ERR_CONFLICT', 'not signed yet: the outgoing officer revises it until then');
  if (!mayAmend(h, user)) {
    const leaders = h.content.people.leaders.map((p) => p.name).join('、') || '—';
    throw new DutyError(
      'DUTY_ERR_FORBIDDEN',
      `only the officers who handed over and signed handover #${id} (${h.submittedByName}, ${h.acceptedByName}), ` +
        `the leader on call of that shift (${leaders}) or an administrator amend it`,
    );
  }
  const amendment = await repo.insertAmendment(tx.trx, {
    handover_id: id,
    text,
    author: user.username,
    author_name: user.displayName,
    signed_at: nowStored(tx.clock),
  });
  const handover = await getHandover(tx.trx, zone, id);
  await tx.record({ type: 'handover.amended', subject: `handover:${id}`, payload: { handover, amendment } });
  return handover;
}

/**
 * For each instant, the sealed handover that closed the duty over it: the one of its own shift,
 * or, when that shift was never handed over, the first sealed one after it. Null while open.
 */
export async function sealedOver(db: DbOrTrx, instants: string[]): Promise<(number | null)[]> {
  if (instants.length === 0) return [];
  let earliest = instants[0]!;
  for (const at of instants) if (at < earliest) earliest = at;
  const sealed = await repo.sealedEndingAfter(db, earliest);
  return instants.map((at) => {
    // The first to end after `at`: ends ascend, so halve the range.
    let lo = 0;
    let hi = sealed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sealed[mid]!.end > at) hi = mid;
      else lo = mid + 1;
    }
    return sealed[lo]?.id ?? null;
  });
}

export function searchHandovers(db: DbOrTrx, zone: string, query: HandoverQuery): Promise<Handover[]> {
  if (query.from && query.to && query.to < query.from)
    throw new DutyError('DUTY_ERR_VALIDATION', 'querystring.to is before querystring.from');
  return repo.listHandovers(db, query, zone, query.limit ?? MAX_LIST);
}

/** Handed over, not yet signed: every console shows "awaiting handover" until it is. */
export function awaitingHandovers(db: DbOrTrx, zone: string): Promise<Handover[]> {
  return repo.listHandovers(db, { status: 'submitted' }, zone, 50);
}

export async function latestHandover(db: DbOrTrx, zone: string): Promise<Handover | null> {
  return (await repo.listHandovers(db, {}, zone, 1))[0] ?? null;
}

/** Whether any handover was ever written (the demo seeds an empty database only). */
export async function anyHandover(db: DbOrTrx): Promise<boolean> {
  return (await db.selectFrom('handovers').select('id').limit(1).executeTakeFirst()) !== undefined;
}
