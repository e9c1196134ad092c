/**
 * Issue 11 point 5: a secret carried in a URL's query (the iCalendar feed key, a token, a password)
 * never reaches a log line, whichever way the request ends: served, refused, not found, invalid.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';

describe('secrets in URLs are not logged', () => {
  let t: TestApp;
  let feedUrl: string;
  let feedKey: string;
  beforeAll(async () => {
    t = await startApp({ listen: true, config: { logLevel: 'trace' } });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'feeder', roles: ['officer'] });
    const officer = await signIn(t.app, 'feeder', USER_PASSWORD);
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/calendar-feed' }));
    expect(res.statusCode).toBe(200);
    feedUrl = (res.json() as { url: string }).url;
    feedKey = new URL(feedUrl, 'http://x').searchParams.get('key')!;
    expect(feedKey.length).toBeGreaterThanOrEqual(16);
  });
  afterAll(() => t.close());

  /** Every log line written since `from`, which must say something about the request. */
  const linesSince = (from: number) => t.logs.slice(from).join('');

  it('the feed key of a served iCalendar request is not in the request log', async () => {
    const from = t.logs.length;
    const res = await t.app.inject({ method: 'GET', url: feedUrl });
    expect(res.statusCode).toBe(200);
    const lines = linesSince(from);
    expect(lines).toContain('/api/roster.ics');
    expect(lines).toContain('"statusCode":200');
    expect(lines).not.toContain(feedKey);
    // The redaction keeps the rest of the address readable for the operator.
    expect(lines).toContain('key=[redacted]');
  });

  it('nor when the key is wrong (401), the path unknown (404) or the query invalid (400)', async () => {
    const wrongKey = 'k'.repeat(20) + feedKey.slice(0, 10);
    const cases: [string, number][] = [
      [`/api/roster.ics?key=${wrongKey}`, 401],
      [`/api/roster.ics?user=1&key=${feedKey}&extra=1`, 400],
      [`/api/no-such-route?key=${feedKey}`, 404],
      [`/api/roster.ics/nothing.ics?key=${feedKey}`, 404],
      [`/no-such-file.ics?key=${feedKey}&token=${wrongKey}`, 404],
      [`/api/users?access_token=${wrongKey}`, 401],
      [`/api/users?password=${wrongKey}&Key=${feedKey}`, 401],
    ];
    for (const [url, status] of cases) {
      const from = t.logs.length;
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      const lines = linesSince(from);
      expect(lines, url).toContain(`"statusCode":${status}`);
      expect(lines, url).not.toContain(feedKey);
      expect(lines, url).not.toContain(wrongKey);
    }
  });

  it('nor a key that is sent percent-encoded or in a malformed address', async () => {
    const encoded = encodeURIComponent(feedKey).replace(
      /[A-Za-z]/,
      (c) => `%${c.charCodeAt(0).toString(16)}`,
    );
    for (const url of [
      `/api/roster.ics?%6Bey=${feedKey}`,
      `/api/roster.ics?key=${encoded}`,
      `/api/roster.ics?key=${feedKey}%zz`,
      `/api/roster.ics?user=1;key=${feedKey}`,
    ]) {
      const from = t.logs.length;
      await t.app.inject({ method: 'GET', url });
      const lines = linesSince(from);
      expect(lines, url).not.toContain(feedKey);
    }
  });

  it('nor a secret in the live handshake address, refused or not', async () => {
    const from = t.logs.length;
    const polled = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling&key=${feedKey}`);
    await polled.text();
    const socket = io(t.url, {
      path: '/socket.io',
      transports: ['websocket'],
      query: { key: feedKey, access_token: feedKey },
      auth: { token: feedKey },
      reconnection: false,
      forceNew: true,
      timeout: 5000,
    });
    const refusal = await new Promise<string>((done) => {
      socket.on('connect', () => done('connected'));
      socket.on('connect_error', (err) => done(err.message));
    });
    socket.close();
    expect(refusal).toBe('unauthorized');
    expect(linesSince(from)).not.toContain(feedKey);
  });

  it('nor a secret address quoted in an error message, whatever logs it', async () => {
    const from = t.logs.length;
    t.app.log.error(
      { err: new Error(`upstream refused GET https://feeds.example/roster.ics?user=3&key=${feedKey}`) },
      `fetching /api/roster.ics?token=${feedKey} failed`,
    );
    const lines = linesSince(from);
    expect(lines).toContain('upstream refused GET https://feeds.example/roster.ics?user=3&key=[redacted]');
    expect(lines).toContain('fetching /api/roster.ics?token=[redacted] failed');
    expect(lines).not.toContain(feedKey);
  });
});
