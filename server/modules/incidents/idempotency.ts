import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Trx } from '../../db/database';
import { writesOneAtATime } from '../../db/dialect';
import { DutyError } from '../../errors';
import type { Actor, Tx } from '../../events/command';
import { nowStored } from '../../time';

/** A key claimed but never finished (the process died) may be retried after this long. */
const ABANDONED_MS = 60_000;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

export type Claim = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown };

/**
 * Claims an Idempotency-Key for a caller (its own short transaction, so a concurrent request sees it):
 * same key and body → the stored response; a different body → 422; still in flight → 409.
 */
export async function claimKey(
  app: FastifyInstance,
  scope: string,
  key: string,
  hash: string,
): Promise<Claim> {
  return app.db.transaction().execute((trx) => claimIn(trx, nowStored(app.clock), scope, key, hash));
}

async function claimIn(trx: Trx, now: string, scope: string, key: string, hash: string): Promise<Claim> {
  // Insert first: two requests with one new key at once (PostgreSQL) meet at the primary key, where
  // the second waits for the first's claim and then sees it, instead of failing on a duplicate.
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
      request_hash: hash,
      status: 'pending',
      response_status: null,
      response_body: null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { kind: 'fresh' as const };
  const existing = await trx
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (existing.request_hash !== hash) {
    throw new DutyError(
      'DUTY_ERR_IDEMPOTENCY_MISMATCH',
      'this Idempotency-Key was used with a different request body',
    );
  }
  if (existing.status === 'done') {
    return {
      kind: 'replay' as const,
      status: Number(existing.response_status),
      body: JSON.parse(existing.response_body ?? 'null'),
    };
  }
  if (Date.parse(now) - Date.parse(existing.created_at) < ABANDONED_MS) {
    throw new DutyError(
      'DUTY_ERR_IDEMPOTENCY_IN_FLIGHT',
      'a request with this Idempotency-Key is still being processed',
    );
  }
  await trx
    .updateTable('idempotency_keys')
    .set({ created_at: now })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
  return { kind: 'fresh' as const };
}

export type Outcome<T> = { kind: 'done'; result: T } | { kind: 'replay'; status: number; body: unknown };

/**
 * One command under an Idempotency-Key: the stored answer when the key was used before with the
 * same body, else `work` and its answer stored with it.
 *
 * SQLite runs one transaction at a time on its one connection, so there the claim shares the
 * command's transaction: one commit (one fsync) per request instead of two, and a repeat sent
 * meanwhile waits its turn and replays. PostgreSQL runs transactions side by side, so there the
 * claim commits first on its own, where a concurrent repeat sees it in flight (409).
 */
export async function runIdempotent<T>(
  app: FastifyInstance,
  actor: string | Actor,
  claim: { scope: string; key: string; hash: string; status: number },
  work: (tx: Tx) => Promise<T>,
): Promise<Outcome<T>> {
  const { scope, key, hash, status } = claim;
  if (writesOneAtATime(app.db)) {
    return app.command(actor, async (tx): Promise<Outcome<T>> => {
      const claimed = await claimIn(tx.trx, nowStored(app.clock), scope, key, hash);
      if (claimed.kind === 'replay') return claimed;
      const result = await work(tx);
      await completeKey(tx.trx, scope, key, status, result);
      return { kind: 'done', result };
    });
  }
  const claimed = await claimKey(app, scope, key, hash);
  if (claimed.kind === 'replay') return claimed;
  try {
    return await app.command(actor, async (tx) => {
      const result = await work(tx);
      await completeKey(tx.trx, scope, key, status, result);
      return { kind: 'done', result };
    });
  } catch (err) {
    await releaseKey(app, scope, key);
    throw err;
  }
}

/** Written in the same transaction as the incident: the stored answer exists exactly when the incident does. */
export async function completeKey(
  trx: Trx,
  scope: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ status: 'done', response_status: status, response_body: JSON.stringify(body) })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** A failed request frees its key, so the caller can retry with it. */
export async function releaseKey(app: FastifyInstance, scope: string, key: string): Promise<void> {
  await app.db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('status', '=', 'pending')
    .execute();
}
