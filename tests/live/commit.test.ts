import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import { createUser, type Session, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole, type LiveConsole, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live events only after commit on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  /** Nothing was pushed, the head did not move, and the next change takes the very next seq. */
  async function expectNoTrace(c: LiveConsole, head: number, username: string): Promise<void> {
    await settle();
    expect(c.received).toEqual([]);
    expect((await c.nextHeartbeat()).headSeq).toBe(head);
    const user = await createUser(t.app, admin, { username, roles: ['officer'] });
    const [event] = await c.receivedCount(1);
    expect(event).toMatchObject({ seq: head + 1, type: 'user.created', subject: `user:${user.id}` });
    await settle();
    expect(c.received).toHaveLength(1);
  }

  it('pushes nothing for a refused command (duplicate username, 409) and leaves no gap', async () => {
    await createUser(t.app, admin, { username: 'taken', roles: ['officer'] });
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'taken', displayName: 'Again', password: USER_PASSWORD, roles: ['officer'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUTY_ERR_USERNAME_TAKEN');
    await expectNoTrace(c, head, 'after-duplicate');
  });

  it('pushes nothing when rows were written and then rolled back (last admin, 409)', async () => {
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUTY_ERR_LAST_ADMIN');
    expect(c.socket.connected).toBe(true);
    await expectNoTrace(c, head, 'after-last-admin');
  });

  it('pushes nothing for an event that was appended and then rolled back', async () => {
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    await expect(
      t.app.command('admin', async (tx) => {
        const appended = await tx.record({
          type: 'user.password_reset',
          subject: `user:${admin.user.id}`,
          payload: { userId: admin.user.id, username: 'admin' },
        });
        expect(appended.seq).toBe(head + 1);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expectNoTrace(c, head, 'after-rollback');
  });

  it('holds an event back while its transaction is open and pushes it after the commit', async () => {
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    let seenWhileOpen = -1;
    await t.app.command('admin', async (tx) => {
      await tx.record({
        type: 'user.password_reset',
        subject: `user:${admin.user.id}`,
        payload: { userId: admin.user.id, username: 'admin' },
      });
      await settle();
      seenWhileOpen = c.received.length;
    });
    expect(seenWhileOpen).toBe(0);
    const [event] = await c.receivedCount(1);
    expect(event).toMatchObject({ seq: head + 1, type: 'user.password_reset', actor: 'admin' });
  });

  it('keeps the log contiguous across a mix of failures and successes', async () => {
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    for (let i = 0; i < 5; i++) {
      await createUser(t.app, admin, { username: `mix-${i}`, roles: ['officer'] });
      const dup = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username: `mix-${i}`, displayName: 'Dup', password: USER_PASSWORD, roles: ['officer'] },
      });
      expect(dup.statusCode).toBe(409);
    }
    const events = await c.receivedCount(5);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((i) => head + i));
    const verify = await t.app.inject({ method: 'GET', url: '/api/events/verify', headers: admin.headers });
    expect(verify.json()).toMatchObject({ ok: true, headSeq: head + 5 });
  });
});
