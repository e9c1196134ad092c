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

const jsonOf = (db: Kysely<any>, column: string) =>
  isPostgres(db) ? sql`${sql.ref(column)}::json` : sql`${sql.ref(column)}`;

/** The text at `path` inside a JSON text column. */
export function jsonText(db: Kysely<any>, column: string, path: string[]): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`${jsonOf(db, column)} #>> ${`{${path.join(',')}}`}::text[]`
    : sql<string>`${jsonOf(db, column)} ->> ${`$.${path.join('.')}`}`;
}

/** The JSON value under `key` of a JSON text column: text on SQLite, already parsed by pg on PostgreSQL. */
export function jsonMember(db: Kysely<any>, column: string, key: string): RawBuilder<unknown> {
  return isPostgres(db)
    ? sql<unknown>`${jsonOf(db, column)} -> ${key}::text`
    : sql<unknown>`${jsonOf(db, column)} -> ${`$.${key}`}`;
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
