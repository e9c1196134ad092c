import { type Kysely, type RawBuilder, sql } from 'kysely';
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
 * Many rows as one JSON value: an array holding each row's `values` as an array, the rows in
 * `order` (an ordered aggregate: json_group_array on SQLite, json_agg on PostgreSQL). For reads of
 * thousands of rows: better-sqlite3 builds every row object key by key (each key looked up again
 * for every row), where one JSON text is parsed at once. Read the value with `jsonRowsOf`.
 */
export function jsonRows(db: Kysely<any>, values: string[], order: RawBuilder<unknown>): RawBuilder<unknown> {
  const columns = sql.join(values.map((v) => sql.ref(v)));
  return isPostgres(db)
    ? sql`json_agg(json_build_array(${columns}) order by ${order})`
    : sql`json_group_array(json_array(${columns}) order by ${order})`;
}

/** The rows of a `jsonRows` value: pg has parsed it already, SQLite gives its text; no rows, none. */
export function jsonRowsOf<T extends unknown[]>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
