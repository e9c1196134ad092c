import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

describe.each(DIALECTS)('API tokens on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  it('shows the secret once, keeps only its hash, and records the event', async () => {
    const res = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/tokens', payload: { name: '12350 hotline' } }),
    );
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^dcs_/);
    const list = await t.app.inject(as(admin, { method: 'GET', url: '/api/tokens' }));
    expect(JSON.stringify(list.json())).not.toContain(secret);
    expect(list.json().tokens).toContainEqual(
      expect.objectContaining({ id: token.id, name: '12350 hotline', revokedAt: null }),
    );
    const stored = await t.app.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('authenticates a system by bearer token only for routes that admit systems, until revoked', async () => {
    const { token, secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'sensors' } }))
    ).json();
    const bearer = { authorization: `Bearer ${secret}` };
    // A token is not a person: the admin API and "signed in" routes are closed to it.
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
      403,
    );
    const revoked = await t.app.inject(as(admin, { method: 'POST', url: `/api/tokens/${token.id}/revoke` }));
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/users',
          headers: { authorization: 'Bearer dcs_made-up' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses token names that are empty or carry unknown fields', async () => {
    for (const payload of [{ name: '' }, { name: 'x', scopes: ['all'] }, {}]) {
      const res = await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload }));
      expect(res.statusCode).toBe(400);
    }
  });
});
