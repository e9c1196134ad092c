import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

describe.each(DIALECTS)('health on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ dialect });
  });
  afterAll(() => t.close());

  it('answers ok with the database kind, to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: dialect, version: expect.any(String) });
  });

  it('sends security headers with a CSP that allows only our own scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the same headers on refusals and unknown addresses', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 1 } });
    for (const res of [missing, refused]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers unknown API paths with a coded 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DUTY_ERR_NOT_FOUND');
  });
});

describe('security headers behind TLS', () => {
  it('asks browsers for HTTPS only (HSTS) when cookies are secure, and not otherwise', async () => {
    const secure = await startApp({ config: { cookieSecure: true } });
    const plain = await startApp();
    try {
      const onTls = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(onTls.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(onTls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const onHttp = await plain.app.inject({ method: 'GET', url: '/api/health' });
      expect(onHttp.headers['strict-transport-security']).toBeUndefined();
      expect(onHttp.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
      await plain.close();
    }
  });
});
