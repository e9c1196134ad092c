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
import { CALL } from '../helpers/incidents';
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

  /** An incident recorded by the officer: an event every signed-in console may read. */
  async function recordCall(): Promise<{ id: number }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: officer.headers,
      payload: CALL,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number };
  }

  it('pushes a change made over HTTP to every connected console with the same seq', async () => {
    const head = await headSeq(t.app.db);
    const adminConsole = await connectConsole(t.url, { cookie: admin.cookie });
    const officerConsole = await connectConsole(t.url, { cookie: officer.cookie });

    const res = await fetch(`${t.url}/api/incidents`, {
      method: 'POST',
      headers: { ...officer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...CALL, summary: '新接报' }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number };

    for (const c of [adminConsole, officerConsole]) {
      const [event] = await c.receivedCount(1);
      expect(event).toMatchObject({
        seq: head + 1,
        type: 'incident.created',
        actor: 'officer1',
        subject: `incident:${created.id}`,
        payload: { incident: { id: created.id, summary: '新接报' } },
      });
      expect(Date.parse(event!.at)).not.toBeNaN();
    }
    await settle();
    expect(adminConsole.received).toHaveLength(1);
    expect(officerConsole.received).toHaveLength(1);
  });

  it('authenticates a console by API token, and sends it only what its routes may read: nothing', async () => {
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
    const incident = await recordCall();

    const [event] = await officerConsole.receivedCount(1);
    expect(event).toMatchObject({
      seq: head + 2,
      type: 'incident.created',
      subject: `incident:${incident.id}`,
    });
    expect(officerConsole.prevSeqs).toEqual([head]);
    // A token may call the intake only, and read no route: its console beats, and is sent no event.
    await wall.nextHeartbeat();
    await settle();
    expect(wall.received).toEqual([]);
    expect(wall.socket.connected).toBe(true);
    expect(officerConsole.received).toHaveLength(1);
  });

  it('starts a console without lastSeq at the current head: nothing older is sent', async () => {
    const head = await headSeq(t.app.db);
    expect(head).toBeGreaterThan(3);
    const c = await connectConsole(t.url, { cookie: officer.cookie });
    await settle();
    expect(c.received).toEqual([]);
    const beat = await c.nextHeartbeat();
    expect(beat.headSeq).toBe(head);

    await recordCall();
    const events = await c.receivedCount(1);
    expect(events.map((e) => e.seq)).toEqual(range(head + 1, 1));
  });
});
