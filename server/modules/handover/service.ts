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
import { buildHandover } from './build';
import { gatherDraft, handoverShift, incomingOfficers } from './gather';
import * as repo from './repo';

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
  const built = buildHandover(
    { sections: draft.sections, pending: draft.pending, open: draft.openIncidents },
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
    { sections: h.content.sections, pending: h.pending, open: fresh.openIncidents },
    body,
    zone,
  );
  const content = { ...h.content, sections: built.sections, openIncidents: fresh.openIncidents };
  const updated = await repo.updateSubmitted(tx.trx, id, {
    content: JSON.stringify(content),
    carried: JSON.stringify(built.carried),
    pending: JSON.stringify(built.pending),
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
  const incoming = await incomingOfficers(tx.trx, zone, h.shift.end);
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
  const sealed = await repo.updateSubmitted(tx.trx, id, {
    status: 'sealed',
    incoming_user_id: user.id,
    carried: JSON.stringify(h.carried.map((c) => ({ ...c, confirmed: true }))),
    accepted_at: nowStored(tx.clock),
    accepted_by: user.username,
    accepted_by_name: user.displayName,
  });
  if (!sealed) throw new DutyError('DUTY_ERR_SEALED', `handover #${id} was signed meanwhile`);
  const handover = await getHandover(tx.trx, zone, id);
  await tx.record({ type: 'handover.accepted', subject: `handover:${id}`, payload: { handover } });
  await recordHandoverCheckpoint(tx, id);
  return getHandover(tx.trx, zone, id);
}

/** A sealed handover is corrected only by appending a signed amendment. */
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
