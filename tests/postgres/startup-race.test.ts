import { afterAll, expect, it } from 'vitest';
import { signInAdmin, startApp, type TestApp } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';

let database: TestDatabase | undefined;
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
  await database?.drop();
});

// Nodes restarted together (a deploy) meet on an empty database: both migrate, both bootstrap.
it('three nodes starting at once on an empty PostgreSQL database all come up, with one admin', async () => {
  database = await freshDatabase('postgres');
  const url = database.url;
  const started = await Promise.allSettled([1, 2, 3].map(() => startApp({ databaseUrl: url })));
  for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
  expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
    'started',
    'started',
    'started',
  ]);
  for (const t of apps) expect((await signInAdmin(t.app)).user.username).toBe('admin');
  const admins = await apps[0]!.app.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  expect(Number(admins.n)).toBe(1);
});
