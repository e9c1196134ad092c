/**
 * Issue 11 point 3 on several nodes: three built server processes asked for demo data start at the
 * same moment on one empty PostgreSQL database. Exactly one of them seeds; all three come up; the
 * demo data exists once.
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/databases';
import { DEMO_USERS } from '../helpers/demo-accounts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let database: TestDatabase | undefined;
const nodes: ServerProcess[] = [];
afterAll(async () => {
  for (const n of nodes) await n.stop();
  await database?.drop();
});

it('three nodes starting at once with DEMO=1 on an empty database: one seeder, demo data once', async () => {
  database = await freshDatabase('postgres');
  const url = database.url;
  const started = await Promise.allSettled(
    [1, 2, 3].map(() =>
      startServerProcess({ databaseUrl: url, env: { DEMO: '1' }, startTimeoutMs: 120_000 }),
    ),
  );
  for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
  expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
    'started',
    'started',
    'started',
  ]);
  // The warning comes from the one node that seeded.
  expect(nodes.filter((n) => n.output().includes('DEMO DATA SEEDED')).length).toBe(1);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const users = await client.query<{ username: string }>('select username from users order by username');
    // Each demo person once (the sort is JavaScript's on both sides, whatever the database collates).
    expect(users.rows.map((r) => r.username).sort()).toEqual(['admin', ...DEMO_USERS].sort());
    const counted = await client.query<{ type: string; n: string }>(
      `select type, count(*) as n from events
       where type in ('system.installed', 'roster.published', 'incident.created') group by type order by type`,
    );
    // One install record; the demo roster publishes this month and next; the demo has five incidents.
    expect(counted.rows.map((r) => [r.type, Number(r.n)])).toEqual([
      ['incident.created', 5],
      ['roster.published', 2],
      ['system.installed', 1],
    ]);
  } finally {
    await client.end();
  }
});
