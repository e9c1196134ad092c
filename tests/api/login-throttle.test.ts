/**
 * Sign-in throttling that an attacker cannot turn against the real user: failures are counted by
 * source address and account together (progressive delays), with a budget per source across all
 * accounts; each attempt is reserved before the slow hash, so simultaneous guesses are not all tried.
 * Defaults (server/config.ts): 5 free failures per (address, account), then waits of 2 s, 4 s, 8 s …
 * up to 900 s; 30 failures per address in 15 minutes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { ADMIN_PASSWORD, startApp, type TestApp } from '../helpers/app';

const A = '10.0.0.1';
const B = '10.0.0.2';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function attempt(
  app: TestApp['app'],
  username: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { username, password },
  });
}

function countOf(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('sign-in throttling by source and account', () => {
  it('lets the right password in from another address after 10 wrong ones from one address', async () => {
    t = await startApp({ clock: fixedClock('2026-03-05T02:00:00Z') });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(t.app, 'admin', `wrong-${i}`, A)).statusCode);
    // Five free failures, then the pair waits.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const fromA = await attempt(t.app, 'admin', ADMIN_PASSWORD, A);
    expect(fromA.statusCode).toBe(429);
    expect(fromA.json().error.code).toBe('DUTY_ERR_RATE_LIMITED');
    expect(fromA.headers['retry-after']).toBe('2');
    const fromB = await attempt(t.app, 'admin', ADMIN_PASSWORD, B);
    expect(fromB.statusCode).toBe(200);
    expect(fromB.json().user.username).toBe('admin');
  });

  it('makes the wait grow with each failure of the pair, and forgets the pair after a success', async () => {
    const clock = fixedClock('2026-03-05T02:00:00Z');
    t = await startApp({ clock });
    for (let i = 0; i < 5; i++) expect((await attempt(t.app, 'admin', `wrong-${i}`, A)).statusCode).toBe(401);
    const sixth = await attempt(t.app, 'admin', 'wrong-5', A);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('2');
    // The right password waits too: a delay that answered it would tell the guesser it was right.
    expect((await attempt(t.app, 'admin', ADMIN_PASSWORD, A)).statusCode).toBe(429);
    clock.advance(2000);
    expect((await attempt(t.app, 'admin', 'wrong-6', A)).statusCode).toBe(401);
    const next = await attempt(t.app, 'admin', 'wrong-7', A);
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBe('4');
    clock.advance(3000);
    expect((await attempt(t.app, 'admin', 'wrong-7', A)).headers['retry-after']).toBe('1');
    clock.advance(1000);
    expect((await attempt(t.app, 'admin', 'wrong-7', A)).statusCode).toBe(401);
    // 7 failures: the wait is now 2 s × 2² = 8 s.
    expect((await attempt(t.app, 'admin', 'wrong-8', A)).headers['retry-after']).toBe('8');
    clock.advance(8000);
    expect((await attempt(t.app, 'admin', ADMIN_PASSWORD, A)).statusCode).toBe(200);
    // The success cleared the pair: five free failures again.
    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push((await attempt(t.app, 'admin', `again-${i}`, A)).statusCode);
    expect(after).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('hashes at most the free attempts of 40 simultaneous wrong guesses; the rest answer 429 at once', async () => {
    t = await startApp();
    const app = t.app;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(app, 'admin', `simultaneous-${i}`, A)),
    );
    expect(countOf(answers.map((r) => r.statusCode))).toEqual({ 401: 5, 429: 35 });
    for (const r of answers.filter((x) => x.statusCode === 429)) {
      expect(r.json().error.code).toBe('DUTY_ERR_RATE_LIMITED');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await attempt(app, 'admin', ADMIN_PASSWORD, B)).statusCode).toBe(200);
  });

  it('stops a source that sprays many accounts at its budget, and only that source', async () => {
    const clock = fixedClock('2026-03-05T02:00:00Z');
    t = await startApp({ clock, config: { loginSourceBudget: 12 } });
    const statuses: number[] = [];
    const retry: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await attempt(t.app, `sprayed-${i}`, 'Summer2026!', A);
      statuses.push(r.statusCode);
      if (r.statusCode === 429) retry.push(String(r.headers['retry-after']));
    }
    expect(countOf(statuses)).toEqual({ 401: 12, 429: 8 });
    expect(statuses.slice(12).every((s) => s === 429)).toBe(true);
    // The window (15 minutes) started with the first failure; the clock has not moved.
    expect(new Set(retry)).toEqual(new Set(['900']));
    expect((await attempt(t.app, 'admin', ADMIN_PASSWORD, A)).statusCode).toBe(429);
    // Another source is not touched by it.
    expect((await attempt(t.app, 'sprayed-0', 'Summer2026!', B)).statusCode).toBe(401);
    expect((await attempt(t.app, 'admin', ADMIN_PASSWORD, B)).statusCode).toBe(200);
    clock.advance(15 * 60_000);
    expect((await attempt(t.app, 'sprayed-19', 'Summer2026!', A)).statusCode).toBe(401);
  });

  it('keeps signing in from another source while one source floods the sign-in with failures', async () => {
    t = await startApp();
    const app = t.app;
    const flood = () =>
      Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          i % 5 === 0 ? attempt(app, 'admin', `flood-${i}`, A) : attempt(app, `ghost-${i}`, `flood-${i}`, A),
        ),
      );
    // 20 guesses for admin (5 hashed) and 80 for unknown names: the source's budget (30) hashes 30 in all.
    const first = await flood();
    expect(countOf(first.map((r) => r.statusCode))).toEqual({ 401: 30, 429: 70 });
    const [second, real] = await Promise.all([flood(), attempt(app, 'admin', ADMIN_PASSWORD, B)]);
    expect(real.statusCode).toBe(200);
    expect(countOf(second.map((r) => r.statusCode))).toEqual({ 429: 100 });
  });
});

describe('the source address behind a proxy', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted: a spoofed header does not escape the limit', async () => {
    t = await startApp({ clock: fixedClock('2026-03-05T02:00:00Z') });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await attempt(t.app, 'admin', `wrong-${i}`, A, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('counts each client behind a trusted proxy (TRUST_PROXY) as its own source', async () => {
    t = await startApp({ clock: fixedClock('2026-03-05T02:00:00Z'), config: { trustProxy: ['10.0.0.1'] } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await attempt(t.app, 'admin', `wrong-${i}`, A, { 'x-forwarded-for': '203.0.113.5' });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const other = await attempt(t.app, 'admin', ADMIN_PASSWORD, A, { 'x-forwarded-for': '203.0.113.6' });
    expect(other.statusCode).toBe(200);
  });
});
