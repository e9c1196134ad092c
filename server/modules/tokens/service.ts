import type { ApiToken, CreatedToken } from '@shared/schemas/tokens';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Clock, nowStored } from '../../time';
import { newSecret, sha256 } from '../auth/service';
import { NO_UNIT_PATH } from '../units/service';
import type { ApiTokensTable } from './table';

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

/** The live token behind a bearer secret, if any. */
export async function resolveToken(
  db: DbOrTrx,
  clock: Clock,
  secret: string,
): Promise<ResolvedToken | undefined> {
  if (!secret.startsWith(PREFIX)) return undefined;
  // With its unit's path in the same read: every report sent with a token asks for both.
  const row = await db
    .selectFrom('api_tokens')
    .leftJoin('units', 'units.id', 'api_tokens.unit_id')
    .selectAll('api_tokens')
    .select('units.path as unit_path')
    .where('api_tokens.token_hash', '=', sha256(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = nowStored(clock);
  if (!row.last_used_at || now.slice(0, 16) !== row.last_used_at.slice(0, 16)) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { ...toToken(row), unitId: Number(row.unit_id), unitPath: row.unit_path ?? NO_UNIT_PATH };
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
