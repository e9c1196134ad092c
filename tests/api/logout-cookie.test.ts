/** ASVS L2: the cookie that clears the session on sign-out keeps the attributes of the one that set it. */
import { SESSION_COOKIE } from '@shared/schemas/auth';
import { afterEach, describe, expect, it } from 'vitest';
import { as, signInAdmin, startApp, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function signOutCookie(app: TestApp['app']) {
  const s = await signInAdmin(app);
  const out = await app.inject(as(s, { method: 'POST', url: '/api/auth/logout' }));
  expect(out.statusCode).toBe(200);
  const header = [out.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`));
  expect(header).toBeDefined();
  return { header: header!, cookie: out.cookies.find((c) => c.name === SESSION_COOKIE)! };
}

describe('the sign-out cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and already expired', async () => {
    t = await startApp();
    const { header, cookie } = await signOutCookie(t.app);
    expect(cookie).toMatchObject({ value: '', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(new Date(cookie.expires!).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('is Secure as well when COOKIE_SECURE is set, like the sign-in cookie', async () => {
    t = await startApp({ config: { cookieSecure: true } });
    const signInRes = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'admin-pass-for-tests' },
    });
    expect(signInRes.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true });
    const { header, cookie } = await signOutCookie(t.app);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: true });
    expect(header).toMatch(/; Secure/);
  });
});
