import type { ApiToken, CreatedToken } from '@shared/schemas/tokens';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Clock, nowStored } from '../../time';
import { newSecret, sha256 } from '../auth/service';
import { NO_UNIT_PATH } from '../units/service';
import { KnownTokens, sameMinute } from './known-tokens';
import type { ApiTokensTable } from './table';

export { KnownTokens };

const PREFIX = 'dcs_';

function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: Number(row.id),
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listTokens(db: DbOrTrx): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
  return rows.map(toToken);
}

export async function createToken(tx: Tx, name: string): Promise<CreatedToken> {
  const secret = PREFIX + newSecret();
  const row = await tx.trx
    .insertInto('api_tokens')
    .values({
      name,
      token_hash: sha256(secret),
      created_by: tx.actor,
      created_at: nowStored(tx.clock),
      // A token belongs to the unit of its creator: its intake records incidents of that unit.
      unit_id: tx.unit.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.record({
    type: 'token.created',
    subject: `token:${row.id}`,
    payload: { tokenId: Number(row.id), name },
  });
  return { token: toToken(row), secret };
}

export async function revokeToken(tx: Tx, id: number): Promise<ApiToken> {
  const row = await tx.trx
    .updateTable('api_tokens')
    .set({ revoked_at: nowStored(tx.clock) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const existing = await tx.trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return existing ? toToken(existing) : notFound(`token ${id}`);
  }
  await tx.record({
    type: 'token.revoked',
    subject: `token:${id}`,
    payload: { tokenId: id, name: row.name },
  });
  return toToken(row);
}

/** A token as the auth plugin sees it: with the unit it acts for (its creator's). */
export type ResolvedToken = ApiToken & { unitId: number; unitPath: string };

/** The live token behind a bearer secret, if any; `known`: the tokens this process may answer from memory. */
export async function resolveToken(
  db: DbOrTrx,
  clock: Clock,
  secret: string,
  known?: KnownTokens<ResolvedToken>,
): Promise<ResolvedToken | undefined> {
  if (!secret.startsWith(PREFIX)) return undefined;
  const hash = sha256(secret);
  const now = nowStored(clock);
  const remembered = known?.get(hash, now);
  if (remembered) return remembered;
  const generation = known?.generation ?? 0;
  // With its unit's path in the same read: every report sent with a token asks for both.
  const row = await db
    .selectFrom('api_tokens')
    .leftJoin('units', 'units.id', 'api_tokens.unit_id')
    .selectAll('api_tokens')
    .select('units.path as unit_path')
    .where('api_tokens.token_hash', '=', hash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!sameMinute(row.last_used_at, now)) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    row.last_used_at = now;
  }
  const token = { ...toToken(row), unitId: Number(row.unit_id), unitPath: row.unit_path ?? NO_UNIT_PATH };
  known?.remember(hash, token, generation);
  return token;
}

export async function isTokenLive(db: DbOrTrx, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
