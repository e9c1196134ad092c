import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import type { Database } from './database';

export interface Connection {
  db: Kysely<Database>;
  kind: Config['dbKind'];
  /** SQLite only: the raw handle, for online backup. */
  sqlite?: SQLite.Database;
}

export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' ? path : resolve(path);
}

/** Told when PostgreSQL drops an idle pooled connection (a restart, a terminated backend). */
export type IdleConnectionLost = (err: Error) => void;

export function connect(
  config: Pick<Config, 'databaseUrl' | 'dbKind'>,
  onIdleConnectionLost: IdleConnectionLost = () => {},
): Connection {
  if (config.dbKind === 'postgres') {
    // Integers come back as numbers; COUNT(*) (int8) is cast where it is used.
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // Without a listener the pool's 'error' is an uncaught exception that ends the process; the
    // pool has already discarded the broken connection and opens a new one when next needed.
    pool.on('error', onIdleConnectionLost);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  }
  const path = sqlitePath(config.databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // An acknowledged report is on disk, also across power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) }),
    kind: 'sqlite',
    sqlite,
  };
}

const STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every query anew, and compiling SQL is a good part of a short query's cost.
 * A better-sqlite3 statement can run again with other parameters, so the most recently used ones
 * are kept by their SQL text. Safe because the one connection runs one query at a time.
 */
function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (source) => {
      let statement = kept.get(source);
      if (statement) kept.delete(source);
      else {
        statement = sqlite.prepare(source);
        if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      }
      kept.set(source, statement);
      return statement;
    },
  };
}
