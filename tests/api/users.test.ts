import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

describe.each(DIALECTS)('users on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  const post = (payload: unknown, session = admin) =>
    t.app.inject(as(session, { method: 'POST', url: '/api/users', payload: payload as object }));
  const valid = {
    username: 'wangfang',
    displayName: '王芳',
    password: USER_PASSWORD,
    roles: ['officer'],
    qualified: true,
  };

  it('creates a user (201), stores the event, and lists it', async () => {
    const res = await post(valid);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'wangfang',
      displayName: '王芳',
      roles: ['officer'],
      qualified: true,
      enabled: true,
    });
    expect(user).not.toHaveProperty('password');
    const list = await t.app.inject(as(admin, { method: 'GET', url: '/api/users' }));
    expect(list.json().users.map((u: { username: string }) => u.username)).toContain('wangfang');
    const events = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=user.created' }));
    const created = events.json().events.find((e: { subject: string }) => e.subject === `user:${user.id}`);
    expect(created).toMatchObject({
      type: 'user.created',
      actor: 'admin',
      payload: { user: { username: 'wangfang' } },
    });
    expect(JSON.stringify(events.json())).not.toContain(USER_PASSWORD);
  });

  it('refuses a duplicate username with 409', async () => {
    const res = await post({ ...valid, displayName: 'another' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUTY_ERR_USERNAME_TAKEN');
  });

  it.each([
    ['an unknown field', { ...valid, username: 'u1', isRoot: true }, 'isRoot'],
    ['an unknown role', { ...valid, username: 'u2', roles: ['guard'] }, 'roles'],
    ['a missing field', { username: 'u3', password: USER_PASSWORD, roles: ['officer'] }, 'displayName'],
    ['a number as text', { ...valid, username: 'u4', qualified: 'true' }, 'qualified'],
    ['a short password', { ...valid, username: 'u5', password: 'short' }, 'password'],
  ])('answers %s with 400 naming the field', async (_label, payload, field) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DUTY_ERR_VALIDATION');
    expect(res.json().error.message).toContain(field);
  });

  it('answers malformed JSON and __proto__ / constructor payloads with 400 and stores nothing', async () => {
    const before = (await t.app.inject(as(admin, { method: 'GET', url: '/api/users' }))).json().users.length;
    for (const body of [
      '{"username": "x",',
      `{"__proto__": {"admin": true}, "username": "p1", "displayName": "p", "password": "${USER_PASSWORD}", "roles": ["officer"]}`,
      `{"constructor": {"prototype": {"admin": true}}, "username": "p2", "displayName": "p", "password": "${USER_PASSWORD}", "roles": ["officer"]}`,
    ]) {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          headers: { 'content-type': 'application/json' },
          payload: body,
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toMatch(/^DUTY_ERR_/);
    }
    expect((await t.app.inject(as(admin, { method: 'GET', url: '/api/users' }))).json().users.length).toBe(
      before,
    );
  });

  it('answers a body over 1 MiB with 413', async () => {
    const res = await post({ ...valid, username: 'big', displayName: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('DUTY_ERR_BODY_TOO_LARGE');
  });

  it('keeps officers and leaders out of the admin API (403) and strangers out (401)', async () => {
    await createUser(t.app, admin, { username: 'officer1', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'leader1', roles: ['leader'] });
    for (const name of ['officer1', 'leader1']) {
      const s = await signIn(t.app, name, USER_PASSWORD);
      expect((await t.app.inject(as(s, { method: 'GET', url: '/api/users' }))).statusCode).toBe(403);
      expect((await post({ ...valid, username: `by-${name}` }, s)).statusCode).toBe(403);
      expect((await t.app.inject(as(s, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/users', payload: valid })).statusCode).toBe(401);
  });

  it('updates roles and qualification, resets a password, and records each as an event', async () => {
    const user = await createUser(t.app, admin, {
      username: 'changing',
      roles: ['officer'],
      qualified: false,
    });
    const res = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { roles: ['officer', 'leader'], qualified: true },
      }),
    );
    expect(res.json()).toMatchObject({ roles: ['officer', 'leader'], qualified: true });
    const reset = await t.app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { password: 'a-brand-new-password' },
      }),
    );
    expect(reset.statusCode).toBe(200);
    await expect(signIn(t.app, 'changing', USER_PASSWORD)).rejects.toThrow();
    await signIn(t.app, 'changing', 'a-brand-new-password');
    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/events?after=0&limit=1000` }))
    ).json().events;
    const mine = events
      .filter((e: { subject: string }) => e.subject === `user:${user.id}`)
      .map((e: { type: string }) => e.type);
    expect(mine).toEqual(['user.created', 'user.updated', 'user.password_reset', 'auth.signed_in']);
  });

  it('never lets the last administrator be disabled', async () => {
    const res = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { enabled: false } }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUTY_ERR_LAST_ADMIN');
    expect((await t.app.inject(as(admin, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(200);
  });

  it('answers 404 for a user that does not exist and 400 for a bad id', async () => {
    expect(
      (await t.app.inject(as(admin, { method: 'PATCH', url: '/api/users/99999', payload: { phone: '1' } })))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject(as(admin, { method: 'PATCH', url: '/api/users/abc', payload: { phone: '1' } })))
        .statusCode,
    ).toBe(400);
  });
});
