/**
 * Issue 18 point 4: the server runs with the node flags that keep its memory down (a small V8 young
 * generation, an old generation grown in small steps, one V8 worker thread: see README, "Memory")
 * and with glibc's malloc held to two arenas (MALLOC_ARENA_MAX, an environment variable, not a node
 * flag), written once, in package.json's start script. `npm start` runs that line; the tests and the
 * benches start the built server through tests/helpers/server-process.ts, which reads its flags and
 * that environment from there, so what is measured is what an install runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/databases';
import {
  type ServerProcess,
  serverNodeFlags,
  serverStartEnvironment,
  startServerProcess,
} from '../helpers/server-process';

/** package.json's start script, as written there. */
const START =
  'node scripts/build-changed.mjs && MALLOC_ARENA_MAX=2 node --enable-source-maps --max-semi-space-size=4 --heap-growing-percent=20 --v8-pool-size=1 dist/server/main.mjs';
const FLAGS = [
  '--enable-source-maps',
  '--max-semi-space-size=4',
  '--heap-growing-percent=20',
  '--v8-pool-size=1',
];

let database: TestDatabase | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await database?.drop();
  database = undefined;
});

describe('the node flags of the server', () => {
  it('are those of the start script, and the launcher of the tests starts node with exactly them and its environment', async () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toBe(START);
    expect(serverNodeFlags()).toEqual(FLAGS);
    expect(serverStartEnvironment()).toEqual({ MALLOC_ARENA_MAX: '2' });

    database = await freshDatabase('sqlite');
    server = await startServerProcess({ databaseUrl: database.url });
    // What the kernel says the process was started with: node, the flags, the built server.
    const argv = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(argv.slice(1)).toEqual([...FLAGS, 'dist/server/main.mjs']);
    // …and the environment it was started with: glibc reads MALLOC_ARENA_MAX from there at start.
    const environ = readFileSync(`/proc/${server.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain('MALLOC_ARENA_MAX=2');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('go with a source map that names the TypeScript sources without holding their text', () => {
    // --enable-source-maps keeps the parsed map of dist/server/main.mjs in the heap for the process's
    // life: the mappings are what stack traces need; the sources' text (~2 MB there) is left out.
    const map = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../dist/server/main.mjs.map'), 'utf8'),
    ) as {
      sources: string[];
      sourcesContent?: unknown;
      mappings: string;
    };
    expect(map.sourcesContent).toBeUndefined();
    expect(map.sources).toContain('../../server/main.ts');
    expect(map.mappings.length).toBeGreaterThan(0);
  });
});
