import type { User } from '@shared/schemas/users';
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
import { closeAllConsoles, connectConsole, type LiveConsole, range, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live delivery under concurrent commits on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let secret: string;
  let batch = 0;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'watcher', roles: ['officer'] });
    officer = await signIn(t.app, 'watcher', USER_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'wall' },
    });
    secret = (res.json() as { secret: string }).secret;
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  /** `count` user creations fired at once; returns the created users. */
  async function createAtOnce(count: number): Promise<User[]> {
    batch += 1;
    const responses = await Promise.all(
      range(1, count).map((i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: admin.headers,
          payload: {
            username: `b${batch}-u${i}`,
            displayName: `User ${i}`,
            password: USER_PASSWORD,
            roles: ['officer'],
          },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(count).fill(201));
    return responses.map((r) => r.json() as User);
  }

  function expectExactly(c: LiveConsole, head: number, users: User[]): void {
    const seqs = c.received.map((e) => e.seq);
    expect(seqs).toEqual(range(head + 1, users.length));
    expect(c.received.every((e) => e.type === 'user.created')).toBe(true);
    expect(new Set(c.received.map((e) => e.subject))).toEqual(new Set(users.map((u) => `user:${u.id}`)));
  }

  it('gives each of 3 consoles all 50 parallel creations exactly once, seq by seq', async () => {
    const head = await headSeq(t.app.db);
    const consoles = [
      await connectConsole(t.url, { cookie: admin.cookie }),
      await connectConsole(t.url, { cookie: officer.cookie }),
      await connectConsole(t.url, { token: secret }),
    ];
    const users = await createAtOnce(50);
    for (const c of consoles) await c.receivedCount(50);
    await settle();
    for (const c of consoles) expectExactly(c, head, users);
  });

  it('also for consoles that connect with their lastSeq in the middle of the burst', async () => {
    const head = await headSeq(t.app.db);
    const early = await connectConsole(t.url, { cookie: officer.cookie, lastSeq: head });
    const burst = createAtOnce(50);
    const late = await Promise.all([
      connectConsole(t.url, { cookie: admin.cookie, lastSeq: head }),
      connectConsole(t.url, { token: secret, lastSeq: head }),
    ]);
    const users = await burst;
    for (const c of [early, ...late]) await c.receivedCount(50);
    await settle();
    for (const c of [early, ...late]) expectExactly(c, head, users);
  });

  it('stays exact over several bursts in a row, with a console reconnecting between them', async () => {
    const head = await headSeq(t.app.db);
    const steady = await connectConsole(t.url, { cookie: admin.cookie });
    const all: User[] = [];
    let lastSeq = head;
    for (let round = 0; round < 3; round++) {
      const hopping = await connectConsole(t.url, { cookie: officer.cookie, lastSeq });
      const users = await createAtOnce(20);
      all.push(...users);
      await hopping.receivedCount(20);
      await settle(300);
      expectExactly(hopping, lastSeq, users);
      lastSeq = hopping.received.at(-1)!.seq;
      hopping.close();
    }
    await steady.receivedCount(60);
    await settle();
    expectExactly(steady, head, all);
  });
});
