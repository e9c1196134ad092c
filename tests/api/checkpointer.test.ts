import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/connect';
import { ADMIN_PASSWORD, startApp, type TestApp } from '../helpers/app';
import { freshDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';

/**
 * The write-ahead log is checkpointed into the database file by a worker thread, not by the commit
 * that fills it (server/db/checkpointer.ts). Seen from outside: the database file alone, without
 * its log, holds what was committed shortly after, while the serving connection never checkpoints.
 */

const WAL_FRAME = 24 + 4096;

async function tokenOf(t: TestApp): Promise<string> {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const token = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    payload: { name: 'hotline' },
    headers: { cookie, 'x-csrf-token': login.json().csrfToken },
  });
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

/** How many incidents the database file holds by itself: a copy of it opened without its log. */
function incidentsInFileAlone(file: string): number {
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
