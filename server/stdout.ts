import { hostname } from 'node:os';

/**
 * The process's standard output, for log lines and the start-up banner, such that nothing written
 * there can stop or stall the server: a reader that went away (EPIPE) silences it; a reader that
 * stopped reading (a full pipe) makes lines wait in memory up to a bound, then be dropped and
 * counted. Nothing here blocks the main thread, so nothing here can hold up a shutdown
 * (pino's own destination sleeps in Atomics.wait at exit, for ever, on a full pipe).
 */

/** Bytes waiting for a slow reader beyond which new lines are dropped. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

let guarded = false;
let gone = false;
let dropped = 0;

function guard(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', () => {
    gone = true;
  });
  process.stdout.on('drain', () => {
    if (dropped === 0 || gone) return;
    const msg = `${dropped} log lines were dropped: standard output was not being read`;
    dropped = 0;
    put(`${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, hostname: hostname(), msg })}\n`);
  });
}

function put(text: string): void {
  if (gone) return;
  if (process.stdout.writableLength + text.length > MAX_PENDING_BYTES) {
    dropped++;
    return;
  }
  try {
    process.stdout.write(text);
  } catch {
    // A file on a full disk throws from a synchronous write; the line is lost, the server goes on.
    dropped++;
  }
}

/** Writes to standard output; never throws, never blocks. */
export function writeStdout(text: string): void {
  guard();
  put(text);
}

/** pino's destination when standard output is not a terminal: JSON lines through writeStdout. */
export const stdoutDestination = { write: writeStdout };

/** Waits until what was written has left (or the reader is gone), at most `timeoutMs`. */
export function flushStdout(timeoutMs: number): Promise<void> {
  return new Promise((done) => {
    if (gone || process.stdout.writableLength === 0) return done();
    const finish = () => {
      clearTimeout(timer);
      process.stdout.off('drain', finish);
      process.stdout.off('error', finish);
      done();
    };
    const timer = setTimeout(finish, timeoutMs);
    timer.unref();
    process.stdout.once('drain', finish);
    process.stdout.once('error', finish);
  });
}
