import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import {
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole, range, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live fan-out on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'officer1', roles: ['officer'] });
    officer = await signIn(t.app, 'officer1', USER_PASSWORD);
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  it('pushes a change made over HTTP to every connected console with the same seq', async () => {
    const head = await headSeq(t.app.db);
    const adminConsole = await connectConsole(t.url, { cookie: admin.cookie });
    const officerConsole = await connectConsole(t.url, { cookie: officer.cookie });

    const res = await fetch(`${t.url}/api/users`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'newcomer',
        displayName: 'New Comer',
        password: USER_PASSWORD,
        roles: ['officer'],
      }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number };

    for (const c of [adminConsole, officerConsole]) {
      const [event] = await c.receivedCount(1);
      expect(event).toMatchObject({
        seq: head + 1,
        type: 'user.created',
        actor: 'admin',
        subject: `user:${created.id}`,
        payload: { user: { id: created.id, username: 'newcomer', displayName: 'New Comer' } },
      });
      expect(Date.parse(event!.at)).not.toBeNaN();
    }
    await settle();
    expect(adminConsole.received).toHaveLength(1);
    expect(officerConsole.received).toHaveLength(1);
  });

  it('authenticates a console by API token and feeds it like any other', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'wall' },
    });
    expect(res.statusCode).toBe(201);
    const { secret } = res.json() as { secret: string };
    const head = await headSeq(t.app.db);
    const wall = await connectConsole(t.url, { token: secret });
    const officerConsole = await connectConsole(t.url, { cookie: officer.cookie });

    await createUser(t.app, admin, { username: 'second', roles: ['leader'] });
    await createUser(t.app, admin, { username: 'third', roles: ['officer'] });

    for (const c of [wall, officerConsole]) {
      const events = await c.receivedCount(2);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [head + 1, 'user.created'],
        [head + 2, 'user.created'],
      ]);
    }
  });

  it('starts a console without lastSeq at the current head: nothing older is sent', async () => {
    const head = await headSeq(t.app.db);
    expect(head).toBeGreaterThan(3);
    const c = await connectConsole(t.url, { cookie: officer.cookie });
    await settle();
    expect(c.received).toEqual([]);
    const beat = await c.nextHeartbeat();
    expect(beat.headSeq).toBe(head);

    await createUser(t.app, admin, { username: 'fourth', roles: ['officer'] });
    const events = await c.receivedCount(1);
    expect(events.map((e) => e.seq)).toEqual(range(head + 1, 1));
  });
});
