import type { DbOrTrx } from '../../db/database';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';

const KEY = 'installation';

/** The record of a database's first start: written once, in the transaction that made the first start. */
export interface Installation {
  /** When the first start happened (for an adopted database: when this record was written). */
  at: string;
  /** Demo people and data were seeded on the first start. */
  demo: boolean;
  /** The database already held data from a version that kept no such record: nothing was seeded. */
  adopted: boolean;
  version: string;
}

export async function getInstallation(db: DbOrTrx): Promise<Installation | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as Installation) : undefined;
}

/**
 * Records the first start, with its event. The caller holds the append lock (every command does), so
 * of several nodes starting at once exactly one finds no record and writes it.
 */
export async function recordInstallation(
  tx: Tx,
  fields: Omit<Installation, 'at'>,
  db: string,
): Promise<Installation> {
  const installation: Installation = { at: nowStored(tx.clock), ...fields };
  await tx.trx
    .insertInto('settings')
    .values({
      key: KEY,
      value: JSON.stringify(installation),
      updated_at: installation.at,
      updated_by: tx.actor,
    })
    .execute();
  await tx.record({
    type: 'system.installed',
    subject: 'system:installation',
    payload: { demo: installation.demo, adopted: installation.adopted, version: installation.version, db },
  });
  return installation;
}
