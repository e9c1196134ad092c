import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/**
 * The choices that differ between SQLite and PostgreSQL, behind names that say what the caller
 * needs; modules call these and never ask which database they run on.
 */

/** SQLite runs one write transaction at a time on its one connection; PostgreSQL runs them side by side. */
export function writesOneAtATime(db: Kysely<any>): boolean {
  return !isPostgres(db);
}

/**
 * The rows of `query` (ordered and limited as it says), each handed to `build` as the array of its
 * `values`, for reads of thousands of rows. SQLite gives them as one JSON value, an ordered aggregate
 * (json_group_array in `order`): better-sqlite3 builds every row object key by key (each key looked up
 * again for every row), where one JSON text is parsed at once. PostgreSQL gives the rows as they are:
 * pg reads them as fast as it parses one JSON text, and building that text (json_agg) cost the server
 * more than the read itself (a shift's 5,000 duty-log entries: 9 ms instead of 3.5; pg's work is
 * within a tenth). There one array is filled again for each row: `build` reads it and keeps none of it.
 */
export async function readRows<T>(
  db: Kysely<any>,
  query: SelectQueryBuilder<any, any, any>,
  values: readonly string[],
  order: RawBuilder<unknown>,
  build: (row: readonly unknown[]) => T,
): Promise<T[]> {
  if (isPostgres(db)) {
    // Only the values: a column the query selects for the order alone is not sent (a fifth less to
    // read for the duty log's ids).
    const rows: Record<string, unknown>[] = await query.clearSelect().select(values).execute();
    const row = new Array<unknown>(values.length);
    return rows.map((found) => {
      for (let i = 0; i < values.length; i++) row[i] = found[values[i]!];
      return build(row);
    });
  }
  const columns = sql.join(values.map((v) => sql.ref(v)));
  const found = await db
    .selectFrom(query.as('e'))
    .select(sql<string | null>`json_group_array(json_array(${columns}) order by ${order})`.as('rows'))
    .executeTakeFirst();
  return found?.rows ? (JSON.parse(found.rows) as unknown[][]).map(build) : [];
}
