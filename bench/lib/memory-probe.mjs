/**
 * Loaded into a server process with NODE_OPTIONS="--expose-gc --import …/memory-probe.mjs": on
 * SIGUSR2 it collects garbage (twice, so finalizers run) and writes process.memoryUsage() as one
 * JSON line to MEMORY_PROBE_FILE (appending), so a bench can read the heap of a built server it did
 * not start in-process (bench/lib/console-cost.ts).
 */
import { appendFileSync } from 'node:fs';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

const file = process.env.MEMORY_PROBE_FILE;

/** What each V8 space has committed (size) and holds (used), in bytes: the young generation shows here. */
const spaceSizes = () =>
  Object.fromEntries(
    getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
  );
if (file) {
  process.on('SIGUSR2', () => {
    const before = process.memoryUsage().rss;
    const spacesBeforeGc = spaceSizes();
    globalThis.gc?.();
    globalThis.gc?.();
    const m = process.memoryUsage();
    // MEMORY_PROBE_SNAPSHOTS=<folder>: a heap snapshot beside each probe, to see what the heap holds.
    const dir = process.env.MEMORY_PROBE_SNAPSHOTS;
    const snapshot = dir ? writeHeapSnapshot(`${dir}/probe-${Date.now()}.heapsnapshot`) : undefined;
    const spaces = spaceSizes();
    appendFileSync(
      file,
      `${JSON.stringify({ ...m, rssBeforeGc: before, snapshot, spaces, spacesBeforeGc })}\n`,
    );
  });
}
