import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig, redactUrl } from '../config';
import { connect } from '../db/connect';

/**
 * `npm run backup [-- <file>]`: an online backup of the SQLite database (consistent while the
 * server keeps writing). PostgreSQL is backed up with its own tools: see the README.
 */
const config = loadConfig();
if (config.dbKind !== 'sqlite') {
  process.stderr.write(
    `backup: ${redactUrl(config.databaseUrl)} is PostgreSQL; use pg_dump (README, "Backup and restore")\n`,
  );
  process.exit(2);
}
const stamp = DateTime.utc().toFormat("yyyyMMdd'T'HHmmss'Z'");
const target = resolve(process.argv[2] ?? `backups/duty-${stamp}.sqlite`);
mkdirSync(dirname(target), { recursive: true });
const { db, sqlite } = connect(config);
try {
  const started = Date.now();
  await sqlite!.backup(target);
  process.stdout.write(`backup written: ${target} (${Date.now() - started} ms)\n`);
} finally {
  await db.destroy();
}
