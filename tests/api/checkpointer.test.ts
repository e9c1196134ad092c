import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/connect';
import { as, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { freshDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { incidentsInFileAlone } from '../helpers/wal';

/**
 * The write-ahead log is checkpointed into the database file by a worker thread, not by the commit
 * that fills it (server/db/checkpointer.ts). Seen from outside: the database file alone, without
 * its log, holds what was committed shortly after, while the serving connection never checkpoints.
 */

const WAL_FRAME = 24 + 4096;

/** An intake token's bearer header, created by the administrator. */
async function tokenOf(t: TestApp): Promise<string> {
  const token = await t.app.inject(
    as(await signInAdmin(t.app), { method: 'POST', url: '/api/tokens', payload: { name: 'hotline' } }),
  );
  return `Bearer ${token.json().secret}`;
}

async function report(t: TestApp, bearer: string, n: number): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    payload: { ...CALL, summary: `checkpoint ${n}` },
    headers: { authorization: bearer, 'idempotency-key': `checkpoint-${n}` },
  });
  expect(res.statusCode).toBe(201);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('checkpoints off the request path', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('copies committed reports into the database file in the background, every DUTY_CHECKPOINT_MS', async () => {
    const database = await freshDatabase('sqlite');
    t = await startApp({ databaseUrl: database.url, config: { checkpointMs: 50, scanMs: 60_000 } });
    const file = sqlitePath(database.url);
    expect(t.app.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const bearer = await tokenOf(t);
    for (let n = 1; n <= 3; n++) await report(t, bearer, n);
    await settle(400);
    expect(incidentsInFileAlone(file)).toBe(3);
    for (let n = 4; n <= 5; n++) await report(t, bearer, n);
    await settle(400);
    expect(incidentsInFileAlone(file)).toBe(5);
  });

  it('with DUTY_CHECKPOINT_MS=0 starts no worker: SQLite keeps its own checkpoint as the fallback, and a few reports stay in the log', async () => {
    const database = await freshDatabase('sqlite');
    t = await startApp({ databaseUrl: database.url, config: { checkpointMs: 0, scanMs: 60_000 } });
    const file = sqlitePath(database.url);
    expect(t.app.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const bearer = await tokenOf(t);
    for (let n = 1; n <= 3; n++) await report(t, bearer, n);
    await settle(400);
    expect(statSync(`${file}-wal`).size / WAL_FRAME).toBeLessThan(1000);
    expect(incidentsInFileAlone(file)).toBe(0);
  });

  it('lets a process whose only work was the app end once the app is closed', async () => {
    const database = await freshDatabase('sqlite');
    // Before the worker was held while it stopped, such a process ended (code 13, an unsettled
    // top-level await) while close() still waited for the worker.
    const run = spawnSync('npx', ['tsx', 'tests/helpers/open-and-close.ts', sqlitePath(database.url)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout.trim().split('\n').at(-1), run.stderr).toBe('closed');
    expect(run.status).toBe(0);
  });
});
