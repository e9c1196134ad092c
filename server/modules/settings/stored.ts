import type { DbOrTrx } from '../../db/database';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';

/**
 * The settings table is one JSON value per key. Other modules keep their settings here (the
 * incidents module its deadline policy) through these, never by writing the table themselves.
 */
export async function readSetting<T>(db: DbOrTrx, key: string): Promise<T | undefined> {
  return (await readSettings(db, [key])).get(key) as T | undefined;
}

/** Several keys in one read: the value of each key stored (keys not stored are left out). */
export async function readSettings(db: DbOrTrx, keys: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

/** Inserts or replaces the value under `key`, stamped with the command's actor; the caller records the event. */
export async function storeSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  const row = {
    key,
    value: JSON.stringify(value),
    updated_at: nowStored(tx.clock),
    updated_by: tx.actor,
  };
  const exists = await tx.trx.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
  if (exists) await tx.trx.updateTable('settings').set(row).where('key', '=', key).execute();
  else await tx.trx.insertInto('settings').values(row).execute();
}
