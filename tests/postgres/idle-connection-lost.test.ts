import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAdmin, startApp, type TestApp } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await freshDatabase('postgres');
  t = await startApp({ databaseUrl: db.url });
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

// A PostgreSQL restart or a terminated backend kills the pool's idle connections. Unheard, the
// pool's 'error' is an uncaught exception: the server process (here, the test run) would end.
it('survives PostgreSQL dropping its idle connections and answers the next request', async () => {
  const admin = await signInAdmin(t.app);
  // Several requests at once, so the pool holds several idle connections afterwards.
  await Promise.all(
    Array.from({ length: 4 }, () =>
      t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } }),
    ),
  );
  const killer = new pg.Client({ connectionString: db.url });
  await killer.connect();
  const killed = await killer.query(
    `select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`,
  );
  await killer.end();
  expect(killed.rowCount).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const after = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } });
  expect(after.statusCode).toBe(200);
  expect(t.logs.some((line) => line.includes('database connection lost while idle'))).toBe(true);
});
