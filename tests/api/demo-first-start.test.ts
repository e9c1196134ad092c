/**
 * Issue 11 point 3: demo accounts only on the first start of an empty database, never under
 * NODE_ENV=production, and loudly. The built server (what `npm start` runs) is started and
 * restarted as a process on one SQLite file, with exactly the environment each case names.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDatabase } from '../../server/bootstrap';
import { ADMIN_PASSWORD, signIn, startApp } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';
import { DEMO_USERS } from '../helpers/demo-accounts';
import { BUILT, type ServerProcess, serverNodeFlags, spawnListening } from '../helpers/server-process';

/** The documented default DEMO_PASSWORD. */
const DEMO_PASSWORD = 'duty-demo-2026';

let database: TestDatabase | undefined;
let running: ServerProcess | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await database?.drop();
  database = undefined;
});

/** The built server with only these variables (no DEMO unless given): the restart "without DEMO". */
async function startBuilt(env: Record<string, string>): Promise<ServerProcess> {
  running = await spawnListening(
    [...serverNodeFlags(), BUILT],
    {
      DATABASE_URL: database!.url,
      PORT: '0',
      HOST: '127.0.0.1',
      DUTY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCRYPT_LOG_N: '12',
      LOG_LEVEL: 'warn',
      ...env,
    },
    120_000,
  );
  return running;
}

async function stopBuilt(): Promise<string> {
  const output = running!.output();
  await running!.stop();
  running = undefined;
  return output;
}

async function signInStatus(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await res.text();
  return res.status;
}

/** Every username GET /api/users lists, as the administrator, sorted. */
async function usernames(url: string): Promise<string[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const res = await fetch(`${url}/api/users`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const { users } = (await res.json()) as { users: { username: string }[] };
  return users.map((u) => u.username).sort();
}

async function expectNoDemoAccount(url: string): Promise<void> {
  expect(await usernames(url)).toEqual(['admin']);
  for (const username of ['wangfang', 'liuqiang']) {
    expect(await signInStatus(url, username, DEMO_PASSWORD), username).not.toBe(200);
  }
}

describe('demo data', () => {
  it('a database first started with DEMO=0 gets no demo account when restarted without DEMO', async () => {
    database = await freshDatabase('sqlite');
    const first = await startBuilt({ DEMO: '0' });
    await expectNoDemoAccount(first.url);
    await stopBuilt();

    const again = await startBuilt({});
    await expectNoDemoAccount(again.url);
    const output = await stopBuilt();
    expect(output).not.toMatch(/demo (accounts|users)/i);
  });

  it('NODE_ENV=production with DEMO=1 on an empty database seeds nothing and says why; nor does a later start', async () => {
    database = await freshDatabase('sqlite');
    const prod = await startBuilt({ NODE_ENV: 'production', DEMO: '1' });
    await expectNoDemoAccount(prod.url);
    const said = await stopBuilt();
    expect(said).toContain('DEMO=1 is ignored: NODE_ENV=production never seeds demo accounts');

    // The first start has happened: asking for demo data later changes nothing.
    const later = await startBuilt({ DEMO: '1' });
    await expectNoDemoAccount(later.url);
    await stopBuilt();
  });

  it('the first start of an empty database with DEMO=1 seeds the demo people once and warns about each', async () => {
    database = await freshDatabase('sqlite');
    const first = await startBuilt({ DEMO: '1' });
    expect(await usernames(first.url)).toEqual(['admin', ...DEMO_USERS]);
    expect(await signInStatus(first.url, 'wangfang', DEMO_PASSWORD)).toBe(200);
    expect(await signInStatus(first.url, 'town-kaifaqu', DEMO_PASSWORD)).toBe(200);
    expect(await signInStatus(first.url, 'info-dongjie-b', DEMO_PASSWORD)).toBe(200);
    const said = await stopBuilt();
    expect(said).toContain('DEMO DATA');
    expect(said).toContain('must not be used on a real install');
    for (const name of DEMO_USERS) expect(said).toContain(name);

    const again = await startBuilt({ DEMO: '1' });
    expect(await usernames(again.url)).toEqual(['admin', ...DEMO_USERS]);
    const saidAgain = await stopBuilt();
    expect(saidAgain).not.toContain('DEMO DATA SEEDED');
  });

  it('a database from before the installation record (people, no record) is adopted: nothing seeded, ever', async () => {
    // The tests' app creates only `admin` and records nothing: a database as the previous version left it.
    const t = await startApp({ config: { demo: true } });
    try {
      const start = await startDatabase(t.app);
      expect(start).toMatchObject({ firstStart: false, demoSeeded: false, demoAccounts: [] });
      expect(start.installation).toMatchObject({ demo: false, adopted: true });
      const again = await startDatabase(t.app);
      expect(again).toMatchObject({ firstStart: false, demoSeeded: false });
      const users = await t.app.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toEqual(['admin']);
      await expect(signIn(t.app, 'wangfang', DEMO_PASSWORD)).rejects.toThrow(/failed: 401/);
      const installed = await t.app.db
        .selectFrom('events')
        .select(['type', 'payload'])
        .where('type', '=', 'system.installed')
        .execute();
      expect(installed.map((e) => [e.type, JSON.parse(e.payload).adopted])).toEqual([
        ['system.installed', true],
      ]);
    } finally {
      await t.close();
    }
  });
});
