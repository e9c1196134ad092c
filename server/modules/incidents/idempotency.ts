import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DutyError } from '../../errors';
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
  return app.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    const now = nowStored(app.clock);
    if (!existing) {
      await trx
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
        .execute();
      return { kind: 'fresh' as const };
    }
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
  });
}

/** Written in the same transaction as the incident: the stored answer exists exactly when the incident does. */
export async function completeKey(
  trx: Parameters<Parameters<FastifyInstance['command']>[1]>[0]['trx'],
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
