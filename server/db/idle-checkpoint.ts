import type SQLite from 'better-sqlite3';

/**
 * Commands between two checkpoints while the writer has idle moments. A new incident writes 20–40
 * pages to the log (the row, its obligations, its event, its key and their 18 b-trees), so this
 * keeps the log well below SQLite's own 1,000-page mark, where the commit itself would checkpoint.
 */
export const IDLE_CHECKPOINT_EVERY = 16;

/**
 * Checkpoints the write-ahead log once the writer has been idle a moment (group commit's
 * `whenIdle`: 30 ms after its last batch, when the consoles have taken in its push), instead of in
 * the commit that fills it: that commit's caller, and every console waiting for its event, would
 * wait for the copy into the database file and its sync. A PASSIVE checkpoint never waits for
 * anyone. SQLite's own checkpoint in the commit stays as the fallback for a writer that is never
 * idle (a long burst), and the commit's sync of the log keeps every acknowledged command durable
 * either way.
 */
export function idleCheckpoint(
  sqlite: SQLite.Database,
  onError: (err: unknown) => void,
  every = IDLE_CHECKPOINT_EVERY,
): (committed: number) => void {
  let pending = 0;
  return (committed) => {
    pending += committed;
    if (pending < every || !sqlite.open) return;
    pending = 0;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      onError(err);
    }
  };
}
