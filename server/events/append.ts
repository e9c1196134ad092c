import { DISTRICT_PATH } from '@shared/domain/district';
import type { AnyDutyEvent, EventPayloads, EventType } from '@shared/events';
import { sql } from 'kysely';
import type { Trx } from '../db/database';
import { isPostgres } from '../db/schema-helpers';
import { type Clock, nowStored } from '../time';
import { algOf, chainHash, GENESIS_HASH, KEYED, keyedWithoutKey } from './chain';

/** An arbitrary constant: the advisory lock that serialises appends on PostgreSQL. */
const APPEND_LOCK_KEY = 7_202_611;

export interface NewEvent<T extends EventType> {
  type: T;
  actor: string;
  subject: string;
  payload: EventPayloads[T];
  /** The event's audience: a unit path; default `/1/` (the district only). */
  unit?: string;
}

/** The audience of an event recorded without one: the district. */
export const DEFAULT_EVENT_UNIT = DISTRICT_PATH;

/**
 * Takes the append lock (PostgreSQL; held to commit, taken again at no cost). Every command takes it
 * first, before any row lock: were it taken only at the first append, a command holding it and
 * waiting for a row could meet a scanner holding that row and waiting for it (a deadlock, a 500).
 */
export async function lockAppends(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${APPEND_LOCK_KEY})`.execute(trx);
}

/**
 * Appends one event inside the caller's transaction. On PostgreSQL the advisory lock is held to
 * commit, so `seq` order is commit order and catch-up by `seq` never skips a slow transaction.
 * SQLite serialises write transactions itself. With `key` (AUDIT_KEY) the link is an HMAC.
 */
export async function appendEvent<T extends EventType>(
  trx: Trx,
  clock: Clock,
  event: NewEvent<T>,
  key?: string,
): Promise<AnyDutyEvent> {
  await lockAppends(trx);
  const last = await trx
    .selectFrom('events')
    .select(['seq', 'hash', 'alg'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.alg === KEYED && !key) throw keyedWithoutKey(Number(last.seq));
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: nowStored(clock),
    type: event.type,
    actor: event.actor,
    subject: event.subject,
    payload: JSON.stringify(event.payload),
    unit_path: event.unit ?? DEFAULT_EVENT_UNIT,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The audience is hashed with the event (a district event as before units: see chainHash).
  await trx
    .insertInto('events')
    .values({ ...row, prev_hash: prevHash, hash: chainHash(prevHash, row, key), alg: algOf(key) })
    .execute();
  const { unit_path: unit, ...rest } = row;
  return { ...rest, unit, payload: event.payload } as AnyDutyEvent;
}
