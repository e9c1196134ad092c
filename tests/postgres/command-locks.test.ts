import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Tx } from '../../server/events/command';
import { createUser, signInAdmin, startApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ dialect: 'postgres' });
});
afterAll(() => t.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A command that appends and then updates a row, meeting one (a scanner's claim, say) that holds
// that row and then appends: with the append lock taken late, PostgreSQL kills one as a deadlock.
it('runs two commands that touch the same rows in opposite order without a deadlock', async () => {
  const admin = await signInAdmin(t.app);
  const a = await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
  const b = await createUser(t.app, admin, { username: 'o2', roles: ['officer'] });
  const touch = (tx: Tx, id: number, phone: string) =>
    tx.trx.updateTable('users').set({ phone }).where('id', '=', id).execute();
  const first = t.app.command('test', async (tx) => {
    await touch(tx, a.id, '1');
    await tx.record({
      type: 'user.updated',
      subject: `user:${a.id}`,
      payload: { user: a, changed: ['phone'] },
    });
    await pause(300);
    await touch(tx, b.id, '1');
  });
  const second = (async () => {
    await pause(100);
    return t.app.command('test', async (tx) => {
      await touch(tx, b.id, '2');
      await tx.record({
        type: 'user.updated',
        subject: `user:${b.id}`,
        payload: { user: b, changed: ['phone'] },
      });
    });
  })();
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
