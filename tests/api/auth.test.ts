import { SESSION_COOKIE } from '@shared/schemas/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import {
  ADMIN_PASSWORD,
  as,
  createUser,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

describe.each(DIALECTS)('sign-in and sessions on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-03-05T00:00:00Z');
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
  });
  afterAll(() => t.close());

  it('signs admin in with DUTY_ADMIN_PASSWORD and sets an HttpOnly, SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', roles: ['admin'] });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('refuses a wrong password and an unknown user alike (401)', async () => {
    for (const payload of [
      { username: 'admin', password: 'not-the-password' },
      { username: 'nobody-here', password: 'whatever-it-is' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('DUTY_ERR_BAD_CREDENTIALS');
    }
  });

  it('gives a new session at every sign-in and ends the one it replaces', async () => {
    const first = await signInAdmin(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const second = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(`${SESSION_COOKIE}=${second}`).not.toBe(first.cookie);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } }))
        .statusCode,
    ).toBe(401);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${second}` },
    });
    expect(me.json().user.username).toBe('admin');
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const admin = await signInAdmin(t.app);
    const payload = {
      username: 'csrf-victim',
      displayName: 'x',
      password: USER_PASSWORD,
      roles: ['officer'],
    };
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe('DUTY_ERR_CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'guess' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const foreign = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/users', headers: { origin: 'https://evil.example' }, payload }),
    );
    expect(foreign.json().error.code).toBe('DUTY_ERR_ORIGIN');
    expect((await t.app.inject(as(admin, { method: 'POST', url: '/api/users', payload }))).statusCode).toBe(
      201,
    );
  });

  it('signs out: the cookie stops working', async () => {
    const s = await signInAdmin(t.app);
    const out = await t.app.inject(as(s, { method: 'POST', url: '/api/auth/logout' }));
    expect(out.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
  });

  it('ends a session after the idle timeout and after the absolute limit', async () => {
    const idle = await signInAdmin(t.app);
    clock.advance((t.app.config.sessionIdleMinutes + 1) * 60_000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: idle.cookie } }))
        .statusCode,
    ).toBe(401);

    const busy = await signInAdmin(t.app);
    const step = (t.app.config.sessionIdleMinutes / 2) * 60_000;
    const until = clock.now().getTime() + t.app.config.sessionMaxHours * 3_600_000;
    while (clock.now().getTime() + step < until) {
      clock.advance(step);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: busy.cookie } }))
          .statusCode,
      ).toBe(200);
    }
    clock.advance(step);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: busy.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a disabled user at sign-in and ends their sessions', async () => {
    const admin = await signInAdmin(t.app);
    const user = await createUser(t.app, admin, { username: 'leaving', roles: ['officer'] });
    const session = await signIn(t.app, 'leaving', USER_PASSWORD);
    await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { enabled: false } }),
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leaving', password: USER_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers 429 within 30 wrong passwords in a row, refuses even the right one then, and keeps serving', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: `wrong-${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('DUTY_ERR_RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
