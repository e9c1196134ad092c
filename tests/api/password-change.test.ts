/**
 * ASVS L2: people change their own password (the old one required, counted by the sign-in
 * throttle; every other session of theirs ended and its consoles dropped; this one kept), and every
 * password that is set is at least 12 characters.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import {
  ADMIN_PASSWORD,
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole } from '../helpers/live-client';

const NEW_PASSWORD = 'a-new-password-2026';

describe.each(DIALECTS)('changing one’s own password on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    // A slow heartbeat: a console dropped within the test was dropped by the change itself.
    t = await startApp({ dialect, listen: true, config: { heartbeatMs: 60_000 } });
    admin = await signInAdmin(t.app);
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  const change = (s: Session, payload: object, remoteAddress = '127.0.0.1') =>
    t.app.inject(as(s, { method: 'POST', url: '/api/auth/password', payload, remoteAddress }));
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('changes it with the old one: other sessions end and their consoles drop, this one stays', async () => {
    const user = await createUser(t.app, admin, { username: 'changer', roles: ['officer'] });
    const here = await signIn(t.app, 'changer', USER_PASSWORD);
    const elsewhere = await signIn(t.app, 'changer', USER_PASSWORD);
    const hereConsole = await connectConsole(t.url, { cookie: here.cookie });
    const elsewhereConsole = await connectConsole(t.url, { cookie: elsewhere.cookie });
    const adminConsole = await connectConsole(t.url, { cookie: admin.cookie });
    const dropped = new Promise<string>((resolve) => elsewhereConsole.socket.once('disconnect', resolve));

    const res = await change(here, { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    expect((await me(here.cookie)).statusCode).toBe(200);
    expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    expect(await dropped).toBe('io server disconnect');
    expect(hereConsole.socket.connected).toBe(true);
    expect(adminConsole.socket.connected).toBe(true);

    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'changer', password: USER_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    await signIn(t.app, 'changer', NEW_PASSWORD);

    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=auth.password_changed' }))
    ).json().events as { type: string; actor: string; subject: string; payload: unknown }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'auth.password_changed',
      actor: 'changer',
      subject: `user:${user.id}`,
      payload: { userId: user.id, username: 'changer', sessionsEnded: 1 },
    });
    const text = JSON.stringify(events[0]);
    for (const secret of [USER_PASSWORD, NEW_PASSWORD, 'scrypt$']) expect(text).not.toContain(secret);
  });

  it('refuses a wrong old password (403, coded) and changes nothing', async () => {
    await createUser(t.app, admin, { username: 'forgetful', roles: ['leader'] });
    const s = await signIn(t.app, 'forgetful', USER_PASSWORD);
    const other = await signIn(t.app, 'forgetful', USER_PASSWORD);
    const res = await change(s, { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DUTY_ERR_WRONG_PASSWORD');
    expect(res.json().error.message).toContain('currentPassword');
    expect((await me(other.cookie)).statusCode).toBe(200);
    await signIn(t.app, 'forgetful', USER_PASSWORD);
  });

  it('counts wrong old passwords in the sign-in throttle of that address and account', async () => {
    await createUser(t.app, admin, { username: 'guessed', roles: ['officer'] });
    const s = await signIn(t.app, 'guessed', USER_PASSWORD);
    const from = '10.7.7.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await change(s, { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD }, from)).statusCode,
      );
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    // Even the right old password waits now, and so does a sign-in of that account from that address…
    const right = await change(s, { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD }, from);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('DUTY_ERR_RATE_LIMITED');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: from,
      payload: { username: 'guessed', password: USER_PASSWORD },
    });
    expect(login.statusCode).toBe(429);
    // … but not from another address.
    expect(
      (await change(s, { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD }, '10.7.7.8')).statusCode,
    ).toBe(200);
  });

  it('refuses a short new password, the same password, unknown fields, and naming the field', async () => {
    await createUser(t.app, admin, { username: 'strict', roles: ['officer'] });
    const s = await signIn(t.app, 'strict', USER_PASSWORD);
    const short = await change(s, { currentPassword: USER_PASSWORD, newPassword: 'elevenchars' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('DUTY_ERR_VALIDATION');
    expect(short.json().error.message).toContain('newPassword');
    const same = await change(s, { currentPassword: USER_PASSWORD, newPassword: USER_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toContain('newPassword');
    const extra = await change(s, { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD, userId: 1 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('userId');
    // Exactly 12 characters is enough.
    expect(
      (await change(s, { currentPassword: USER_PASSWORD, newPassword: 'twelve-chars' })).statusCode,
    ).toBe(200);
  });

  it('is for a signed-in person with the CSRF header: not a stranger, not a token, not a forged form', async () => {
    await createUser(t.app, admin, { username: 'guarded', roles: ['officer'] });
    const s = await signIn(t.app, 'guarded', USER_PASSWORD);
    const payload = { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD };
    const stranger = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload });
    expect(stranger.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: s.cookie },
      payload,
    });
    expect(noCsrf.json().error.code).toBe('DUTY_ERR_CSRF');
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'pw-token' } }))
    ).json();
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${secret}` },
      payload,
    });
    expect(token.statusCode).toBe(403);
    expect(token.json().error.code).toBe('DUTY_ERR_FORBIDDEN');
    await signIn(t.app, 'guarded', USER_PASSWORD);
  });
});

describe('a password is at least 12 characters wherever it is set', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp();
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  it('refuses 11 characters when an administrator creates a person or resets a password', async () => {
    const created = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'shorty', displayName: 'S', password: 'elevenchars', roles: ['officer'] },
      }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'DUTY_ERR_VALIDATION' });
    expect(created.json().error.message).toContain('password');
    const user = await createUser(t.app, admin, { username: 'resettable', roles: ['officer'] });
    const reset = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { password: 'elevenchars' } }),
    );
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toContain('password');
    const twelve = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { password: 'twelve-chars' } }),
    );
    expect(twelve.statusCode).toBe(200);
  });

  it('refuses a short DUTY_ADMIN_PASSWORD or DEMO_PASSWORD at start', () => {
    expect(() => loadConfig({ DUTY_ADMIN_PASSWORD: 'elevenchars' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO_PASSWORD: 'elevenchars' })).toThrow(/DEMO_PASSWORD/);
    expect(loadConfig({ DUTY_ADMIN_PASSWORD: 'twelve-chars' }).adminPassword).toBe('twelve-chars');
    // The published demo password and the tests' own comply.
    expect(loadConfig({}).demoPassword.length).toBeGreaterThanOrEqual(12);
    expect(ADMIN_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(USER_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});
