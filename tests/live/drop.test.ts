import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { closeAllConsoles, connectConsole, disconnected, refusal, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live sockets end with their session on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let n = 0;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  async function officer(): Promise<{ id: number; session: Session }> {
    const username = `drop-officer-${++n}`;
    const user = await createUser(t.app, admin, { username, roles: ['officer'] });
    return { id: user.id, session: await signIn(t.app, username, USER_PASSWORD) };
  }

  it('drops every socket of a user who is disabled, and only theirs', async () => {
    const { id, session } = await officer();
    const second = await signIn(t.app, `drop-officer-${n}`, USER_PASSWORD);
    const a = await connectConsole(t.url, { cookie: session.cookie });
    const b = await connectConsole(t.url, { cookie: second.cookie });
    const bystander = await connectConsole(t.url, { cookie: admin.cookie });

    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(res.statusCode).toBe(200);
    expect(await disconnected(a.socket, 3000)).toBe('io server disconnect');
    expect(await disconnected(b.socket, 3000)).toBe('io server disconnect');
    await settle();
    expect(bystander.socket.connected).toBe(true);
    expect(await refusal(t.url, { cookie: session.cookie })).toBe('unauthorized');
  });

  it('drops the sockets of a user whose password is reset', async () => {
    const { id, session } = await officer();
    const c = await connectConsole(t.url, { cookie: session.cookie });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { password: 'a-brand-new-password' },
    });
    expect(res.statusCode).toBe(200);
    expect(await disconnected(c.socket, 3000)).toBe('io server disconnect');
  });

  it('drops the socket of a session that signs out, and not the same user’s other session', async () => {
    const { session } = await officer();
    const other = await signIn(t.app, `drop-officer-${n}`, USER_PASSWORD);
    const c = await connectConsole(t.url, { cookie: session.cookie });
    const keep = await connectConsole(t.url, { cookie: other.cookie });

    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(await disconnected(c.socket, 3000)).toBe('io server disconnect');
    await settle();
    expect(keep.socket.connected).toBe(true);
    expect(await refusal(t.url, { cookie: session.cookie })).toBe('unauthorized');
  });

  it('drops a socket whose session ended behind the app’s back (another node) at the next heartbeats', async () => {
    const { id, session } = await officer();
    const c = await connectConsole(t.url, { cookie: session.cookie });
    // As another node would: the row changes in the database, no local disconnect call.
    await t.app.db.updateTable('users').set({ enabled: 0 }).where('id', '=', id).execute();
    expect(await disconnected(c.socket, 5000)).toBe('io server disconnect');
  });

  it('drops a socket whose session row was deleted elsewhere', async () => {
    const { id, session } = await officer();
    const c = await connectConsole(t.url, { cookie: session.cookie });
    await t.app.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    expect(await disconnected(c.socket, 5000)).toBe('io server disconnect');
  });

  it('drops the socket of a revoked API token within a few heartbeats, and keeps the others', async () => {
    const mint = async (name: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: admin.headers,
        payload: { name },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { token: { id: number }; secret: string };
    };
    const revoked = await mint('to-revoke');
    const kept = await mint('to-keep');
    const c = await connectConsole(t.url, { token: revoked.secret });
    const k = await connectConsole(t.url, { token: kept.secret });

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tokens/${revoked.token.id}/revoke`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(await disconnected(c.socket, 5000)).toBe('io server disconnect');
    expect(await refusal(t.url, { token: revoked.secret })).toBe('unauthorized');
    await k.nextHeartbeat();
    await k.nextHeartbeat();
    expect(k.socket.connected).toBe(true);
  });
});
