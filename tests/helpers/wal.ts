import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * How many transactions the SQLite write-ahead log holds: its commit frames, read from the file
 * itself (https://www.sqlite.org/fileformat2.html#walformat), so a test sees the commits (each one
 * fsync under synchronous=FULL) without asking the code under test. A frame belongs to the log when
 * its salts are the header's (frames left from before the last reset have older salts); a commit
 * frame carries the database size after the commit, every other frame 0. Empty the log first
 * (`pragma wal_checkpoint(TRUNCATE)`) so that only the commits since then are counted.
 */
export function walCommits(databaseFile: string): number {
  const path = `${databaseFile}-wal`;
  if (!existsSync(path)) return 0;
  const wal = readFileSync(path);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return commits;
}

/**
 * How many incidents the database file holds by itself, without its write-ahead log: a copy of it
 * opened alone. What was checkpointed is there; what is only in the log is not.
 */
export function incidentsInFileAlone(file: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'duty-main-file-'));
  try {
    copyFileSync(file, join(dir, 'copy.sqlite'));
    const copy = new SQLite(join(dir, 'copy.sqlite'), { readonly: true });
    try {
      // A fresh database's tables may still be only in the log.
      const table = copy.prepare("select 1 from sqlite_master where name = 'incidents'").get();
      return table ? (copy.prepare('select count(*) as n from incidents').get() as { n: number }).n : 0;
    } finally {
      copy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
