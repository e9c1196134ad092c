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
