import { afterEach, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/connect';
import { as, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { freshDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { incidentsInFileAlone } from '../helpers/wal';

/**
 * Without the checkpoint worker, the writer copies the write-ahead log into the database file in
 * its idle moments (30 ms without work), every 16 commands (server/db/idle-checkpoint.ts), not in the commit that fills
 * the log. Seen from outside: the database file alone, without its log, holds the reports of the
 * commands checkpointed, and the log never grows to the 1,000 pages where SQLite would checkpoint
 * inside a commit.
 */

/** An intake token's bearer header, created by the administrator. */
async function tokenOf(t: TestApp): Promise<string> {
  const token = await t.app.inject(
    as(await signInAdmin(t.app), { method: 'POST', url: '/api/tokens', payload: { name: 'hotline' } }),
  );
  return `Bearer ${token.json().secret}`;
}

function report(t: TestApp, bearer: string, n: number) {
  return t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    payload: { ...CALL, summary: `idle checkpoint ${n}` },
    headers: { authorization: bearer, 'idempotency-key': `idle-checkpoint-${n}` },
  });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('checkpoints in the idle moments of the writer', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('copies the log into the file after every 16 commands, between reports, never in a commit', async () => {
    const database = await freshDatabase('sqlite');
    t = await startApp({ databaseUrl: database.url, config: { checkpointMs: 0, scanMs: 60_000 } });
    const file = sqlitePath(database.url);
    // SQLite's own checkpoint in the commit stays as the fallback.
    expect(t.app.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const bearer = await tokenOf(t);
    // What the file alone holds after each report, sent one at a time (the writer idle between).
    const inFile: number[] = [];
    for (let n = 1; n <= 72; n++) {
      expect((await report(t, bearer, n)).statusCode).toBe(201);
      await settle(50);
      inFile.push(incidentsInFileAlone(file));
    }
    // The sign-in, the token and the first scanner pass were commands too: the first checkpoint
    // comes at some report k ≤ 16 and holds all k; the next ones every 16 reports after it.
    const k = inFile.findIndex((held) => held > 0) + 1;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThanOrEqual(16);
    const expected = inFile.map((_, i) => (i + 1 < k ? 0 : k + 16 * Math.floor((i + 1 - k) / 16)));
    expect(inFile).toEqual(expected);
  });

  it('checkpoints after a burst once the writer is idle again', async () => {
    const database = await freshDatabase('sqlite');
    t = await startApp({ databaseUrl: database.url, config: { checkpointMs: 0, scanMs: 60_000 } });
    const file = sqlitePath(database.url);
    const bearer = await tokenOf(t);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => report(t!, bearer, i + 1)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    await settle(100);
    expect(incidentsInFileAlone(file)).toBe(50);
  });

  it('leaves the checkpoints to the worker when DUTY_CHECKPOINT_MS is set', async () => {
    const database = await freshDatabase('sqlite');
    t = await startApp({ databaseUrl: database.url, config: { checkpointMs: 60_000, scanMs: 60_000 } });
    const file = sqlitePath(database.url);
    const bearer = await tokenOf(t);
    for (let n = 1; n <= 40; n++) expect((await report(t, bearer, n)).statusCode).toBe(201);
    await settle(100);
    // The worker's first turn is a minute away; the writer itself never checkpoints.
    expect(incidentsInFileAlone(file)).toBe(0);
  });
});
