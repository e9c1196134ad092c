import { existsSync, readFileSync } from 'node:fs';

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
