import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { connectConsole, refusal } from '../helpers/live-client';

// A token used again and again (an intake system's) may be answered from memory on SQLite: these
// hold on both databases whatever each does.
describe.each(DIALECTS)('a token used again and again on %s', (dialect) => {
  const clock = fixedClock('2026-07-14T01:00:10Z');
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock, listen: true });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  const newToken = async (name: string) =>
    (await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name } }))).json() as {
      token: { id: number };
      secret: string;
    };
  const report = (secret: string, n: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: { ...CALL, source: 'api', summary: `${CALL.summary} #${n}` },
      headers: { authorization: `Bearer ${secret}` },
    });
  const lastUsedAt = async (id: number) =>
    (
      await t.app.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).last_used_at;

  it('is refused by the very next request once revoked, by HTTP and by the live feed', async () => {
    const { token, secret } = await newToken('hotline feed');
    for (let n = 1; n <= 3; n++) expect((await report(secret, n)).statusCode).toBe(201);
    (await connectConsole(t.url, { token: secret })).close();
    const revoked = await t.app.inject(as(admin, { method: 'POST', url: `/api/tokens/${token.id}/revoke` }));
    expect(revoked.statusCode).toBe(200);
    const after = await report(secret, 4);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('DUTY_ERR_UNAUTHENTICATED');
    expect(await refusal(t.url, { token: secret })).toBe('unauthorized');
    // Another token is not touched by the revocation.
    const other = await newToken('sensors');
    expect((await report(other.secret, 5)).statusCode).toBe(201);
  });

  it('is refused after a revocation that raced a request reading it (and stamping its use)', async () => {
    for (let round = 0; round < 8; round++) {
      clock.set(`2026-07-14T03:${String(10 + round).padStart(2, '0')}:30Z`);
      const { token, secret } = await newToken(`racer ${round}`);
      const [raced, revoked] = await Promise.all([
        report(secret, 100 + round),
        t.app.inject(as(admin, { method: 'POST', url: `/api/tokens/${token.id}/revoke` })),
      ]);
      expect([201, 401]).toContain(raced.statusCode);
      expect(revoked.statusCode).toBe(200);
      expect((await report(secret, 200 + round)).statusCode).toBe(401);
    }
  });

  it("stamps the token's last use once a minute, also between its reads", async () => {
    clock.set('2026-07-14T02:00:10Z');
    const { token, secret } = await newToken('weather bureau');
    expect(await lastUsedAt(token.id)).toBeNull();
    expect((await report(secret, 6)).statusCode).toBe(201);
    expect(await lastUsedAt(token.id)).toBe('2026-07-14T02:00:10.000Z');
    clock.set('2026-07-14T02:00:59.999Z');
    expect((await report(secret, 7)).statusCode).toBe(201);
    expect(await lastUsedAt(token.id)).toBe('2026-07-14T02:00:10.000Z');
    clock.set('2026-07-14T02:01:00Z');
    expect((await report(secret, 8)).statusCode).toBe(201);
    expect(await lastUsedAt(token.id)).toBe('2026-07-14T02:01:00.000Z');
    const listed = await t.app.inject(as(admin, { method: 'GET', url: '/api/tokens' }));
    expect(listed.json().tokens).toContainEqual(
      expect.objectContaining({ id: token.id, lastUsedAt: '2026-07-14T02:01:00.000Z' }),
    );
  });
});
