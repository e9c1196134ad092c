import type { Kysely } from 'kysely';

// The table may not exist in this build: untyped on purpose.
// biome-ignore lint/suspicious/noExplicitAny: a table the Database interface may not know
type AnyDb = Kysely<any>;

import { insertBatches, type Random } from './random';

const TABLE = 'logbook_entries';

/**
 * `count` duty-log entries when the logbook table exists (0 when it does not), filled from its
 * columns as the database describes them, so the benchmark does not depend on the module's code.
 */
export async function seedLogbook(
  db: AnyDb,
  r: Random,
  count: number,
  from: Date,
  to: Date,
): Promise<number> {
  const table = (await db.introspection.getTables()).find((t) => t.name === TABLE);
  if (!table) return 0;
  const span = to.getTime() - from.getTime();
  const columns = table.columns.filter((c) => !c.isAutoIncrementing && c.name !== 'id' && !c.hasDefaultValue);
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(from.getTime() + Math.floor(r.next() * span)).toISOString();
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      if (c.name === 'at' || c.name.endsWith('_at')) row[c.name] = at;
      else if (c.isNullable) row[c.name] = null;
      else if (c.name === 'kind') row[c.name] = r.pick(['call', 'note', 'instruction']);
      else if (/int|serial|real|double|numeric/i.test(c.dataType)) row[c.name] = 0;
      else row[c.name] = `基准值班记录 ${i}`;
    }
    return row;
  });
  const size = Math.max(1, Math.floor(20_000 / Math.max(1, columns.length)));
  await db
    .transaction()
    .execute((trx) => insertBatches(rows, size, (batch) => trx.insertInto(TABLE).values(batch).execute()));
  return count;
}
