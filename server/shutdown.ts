import { Worker } from 'node:worker_threads';

// A thread of its own: its timer fires even while the main thread is blocked (Atomics.wait in a
// log stream's exit flush, a synchronous native call), which no timer of the main thread can.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setTimeout(() => process.kill(workerData.pid, 'SIGKILL'), workerData.ms);
`;

/**
 * Kills the process `ms` from now unless it has exited by then. The last resort of a shutdown: the
 * main thread's own forced exit (exit code 1) comes first whenever that thread can still run.
 */
export function armExitWatchdog(ms: number): void {
  const worker = new Worker(WATCHDOG, { eval: true, workerData: { pid: process.pid, ms } });
  // Never what keeps the process alive: a clean exit ends the thread with it.
  worker.unref();
}
