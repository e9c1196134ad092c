import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, as, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ config: { logLevel: 'trace' } });
  });
  afterAll(() => t.close());

  it('carry request ids and never a password, cookie, CSRF token or API token', async () => {
    const admin = await signInAdmin(t.app);
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'logged', displayName: 'x', password: USER_PASSWORD, roles: ['officer'] },
      }),
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'wrong-password-here' },
    });
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'x' } }))
    ).json();
    await t.app.inject({
      method: 'GET',
      url: `/api/users?token=${secret}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-me-42' } });

    const all = t.logs.join('');
    expect(all).toContain('"reqId":"trace-me-42"');
    const cookieValue = admin.cookie.split('=')[1]!;
    for (const secretText of [
      ADMIN_PASSWORD,
      USER_PASSWORD,
      'wrong-password-here',
      cookieValue,
      admin.csrfToken,
      secret,
    ]) {
      expect(all).not.toContain(secretText);
    }
  });
});
