import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** SQLite's own default: the committing connection checkpoints once the log holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * The worker: its own connection to the same file, a PASSIVE checkpoint every `everyMs` (it never
 * waits for and never blocks the writer; it copies what no reader still needs).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
// A checkpoint copies pages from the log to the file; it needs no page cache of its own.
db.pragma('cache_size = -64');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection; the main connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's checkpoints off the requests. By default the commit that fills the write-ahead log
 * past 1,000 pages copies them into the database file (and syncs it) before its caller is answered:
 * a report every so often waits several milliseconds more. Here the main connection never
 * checkpoints; a worker thread does, on its own connection, every `everyMs`. Durability is the
 * commit's fsync of the log either way. Should the worker fail, the main connection checkpoints by
 * itself again, as SQLite does by default.
 */
export function startCheckpointer(
  sqlite: SQLite.Database,
  path: string,
  everyMs: number,
  onFailure: (err: Error) => void,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, everyMs },
    // A timer and one statement: the smallest heap V8 allows, not the main thread's.
    resourceLimits: {
      maxYoungGenerationSizeMb: 1,
      maxOldGenerationSizeMb: 8,
      codeRangeSizeMb: 2,
      stackSizeMb: 1,
    },
  });
  worker.unref();
  let stopping = false;
  const fallBack = (err: Error) => {
    if (stopping) return;
    stopping = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    onFailure(err);
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`the checkpoint worker ended (exit code ${code})`)));
  sqlite.pragma('wal_autocheckpoint = 0');
  return {
    stop: async () => {
      if (stopping) return;
      stopping = true;
      const ended = new Promise<void>((done) => worker.once('exit', () => done()));
      // Held (ref) until it is gone: otherwise a process with nothing else to do ends before it.
      worker.ref();
      worker.postMessage('stop');
      const slow = setTimeout(() => void worker.terminate(), 5000);
      await ended;
      clearTimeout(slow);
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    },
  };
}
