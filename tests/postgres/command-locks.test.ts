import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Tx } from '../../server/events/command';
import { createUser, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';

let db: TestDatabase;
let t: TestApp;
let observer: pg.Client;
beforeAll(async () => {
  db = await freshDatabase('postgres');
  t = await startApp({ databaseUrl: db.url });
  observer = new pg.Client({ connectionString: db.url });
  await observer.connect();
});
afterAll(async () => {
  await observer.end();
  await t.close();
  await db.drop();
});

/** A promise the test resolves when it chooses: the interleaving is the test's, not the timer's. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Backends of this database waiting for the append lock (an advisory lock), seen from outside. */
async function waitingForAppendLock(): Promise<number> {
  const res = await observer.query(
    `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and not l.granted and a.datname = current_database()`,
  );
  return res.rows[0].n as number;
}

// A command that appends and then updates a row, meeting another that updated that row first and
// then appends: were the append lock taken only at the first append, each would wait for the other
// and PostgreSQL would kill one as a deadlock. Taken first, before any row, the second waits whole.
it('runs two commands that touch the same rows in opposite order without a deadlock', async () => {
  const admin = await signInAdmin(t.app);
  const a = await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
  const b = await createUser(t.app, admin, { username: 'o2', roles: ['officer'] });
  const touch = (tx: Tx, id: number, phone: string) =>
    tx.trx.updateTable('users').set({ phone }).where('id', '=', id).execute();
  const firstAppended = gate();
  const firstGoesOn = gate();

  // The first touches a, appends (it holds the append lock), then stops until the test lets it go on.
  const first = t.app.command('test', async (tx) => {
    await touch(tx, a.id, '1');
    await tx.record({
      type: 'user.updated',
      subject: `user:${a.id}`,
      payload: { user: a, changed: ['phone'] },
    });
    firstAppended.open();
    await firstGoesOn.opened;
    await touch(tx, b.id, '1');
  });
  await firstAppended.opened;

  // The second would touch b and then append.
  let secondStarted = false;
  const second = t.app.command('test', async (tx) => {
    secondStarted = true;
    await touch(tx, b.id, '2');
    await tx.record({
      type: 'user.updated',
      subject: `user:${b.id}`,
      payload: { user: b, changed: ['phone'] },
    });
  });

  try {
    // Seen from another connection: the second is waiting for the append lock the first holds, and
    // it waits before its work began (so it holds no row the first needs).
    await vi.waitFor(async () => expect(await waitingForAppendLock()).toBe(1), {
      timeout: 5_000,
      interval: 10,
    });
    expect(secondStarted).toBe(false);
  } finally {
    // Now the first goes on to b (and never stays open past a failed expectation).
    firstGoesOn.open();
  }
  const outcome = await Promise.allSettled([first, second]);
  expect(outcome.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
  const phones = await t.app.db
    .selectFrom('users')
    .select(['id', 'phone'])
    .where('id', 'in', [a.id, b.id])
    .orderBy('id')
    .execute();
  expect(phones.map((p) => p.phone)).toEqual(['1', '2']);
});
