/**
 * DNS rebinding: an attacker's host name that resolves to the duty console sends Host = that name
 * and Origin = that name. The Origin check compares with the configured origins (ALLOWED_ORIGINS)
 * and the server's own addresses with its port, never with the request's own Host header.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  as,
  type Session,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { closeAllConsoles, connectConsole, refusal } from '../helpers/live-client';

const newUser = (username: string) => ({
  username,
  displayName: username,
  password: USER_PASSWORD,
  roles: ['officer'],
});

/** A WebSocket handshake with the given Host and Origin: resolves with how it ended. */
function socketOutcome(url: string, headers: Record<string, string>): Promise<string> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  return new Promise((resolve) => {
    socket.on('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.on('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

/** The engine's polling handshake, which states the reason for a refusal. */
function pollingHandshake(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const target = new URL(`${url}/socket.io/?EIO=4&transport=polling`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the Origin check against DNS rebinding', () => {
  let t: TestApp;
  let admin: Session;
  let port: string;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    admin = await signInAdmin(t.app);
    port = new URL(t.url).port;
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  it('refuses a write whose Origin matches only its own Host header', async () => {
    for (const [host, origin] of [
      ['evil.example', 'http://evil.example'],
      [`evil.example:${port}`, `http://evil.example:${port}`],
    ]) {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          headers: { host, origin },
          payload: newUser('rebound'),
        }),
      );
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('DUTY_ERR_ORIGIN');
    }
  });

  it('refuses a sign-in from a foreign origin, so a rebound page cannot even get a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DUTY_ERR_ORIGIN');
  });

  it('refuses the live socket whose Origin matches only its own Host header', async () => {
    const headers = {
      host: `evil.example:${port}`,
      origin: `http://evil.example:${port}`,
      cookie: admin.cookie,
    };
    expect(await socketOutcome(t.url, headers)).toBe('websocket error');
    const polling = await pollingHandshake(t.url, headers);
    expect(polling.status).toBe(403);
    expect(JSON.parse(polling.body)).toMatchObject({ message: 'origin not allowed' });
  });

  it('accepts the server’s own loopback origins with its port, under any Host', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          headers: { host: `127.0.0.1:${port}`, origin },
          payload: newUser(`own-${origin.length}-${origin.charCodeAt(7)}`),
        }),
      );
      expect(res.statusCode, origin).toBe(201);
    }
    // Another port on the same host is another origin.
    const otherPort = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        headers: { origin: `http://127.0.0.1:${Number(port) + 1}` },
        payload: newUser('other-port'),
      }),
    );
    expect(otherPort.json().error.code).toBe('DUTY_ERR_ORIGIN');
    const c = await connectConsole(t.url, { cookie: admin.cookie, origin: `http://localhost:${port}` });
    expect(c.socket.connected).toBe(true);
  });
});

describe('configured origins and the machine’s own addresses', () => {
  let configured: TestApp;
  let lan: TestApp;
  beforeAll(async () => {
    configured = await startApp({ listen: true, config: { allowedOrigins: ['https://duty.example'] } });
    // Listening on every interface (the duty-room network): the machine's addresses are its origins.
    lan = await startApp({ listen: true, config: { host: '0.0.0.0' } });
  });
  afterEach(() => closeAllConsoles());
  afterAll(async () => {
    await configured.close();
    await lan.close();
  });

  it('accepts a configured origin, whatever the Host header says, and refuses its look-alikes', async () => {
    const admin = await signInAdmin(configured.app);
    const ok = await configured.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        headers: { host: 'duty.example', origin: 'https://duty.example' },
        payload: newUser('via-proxy'),
      }),
    );
    expect(ok.statusCode).toBe(201);
    for (const origin of ['http://duty.example', 'https://duty.example.evil.example', 'null']) {
      const res = await configured.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          headers: { host: 'duty.example', origin },
          payload: newUser('look-alike'),
        }),
      );
      expect(res.json().error.code, origin).toBe('DUTY_ERR_ORIGIN');
    }
    const c = await connectConsole(configured.url, { cookie: admin.cookie, origin: 'https://duty.example' });
    expect(c.socket.connected).toBe(true);
    expect(await refusal(configured.url, { cookie: admin.cookie, origin: 'https://other.example' })).toBe(
      'websocket error: Unexpected server response: 400',
    );
  });

  it('accepts each address of this machine with the port when listening on 0.0.0.0, and no other', async () => {
    const admin = await signInAdmin(lan.app);
    const port = new URL(lan.url).port;
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4')
      .map((a) => a!.address);
    expect(addresses).toContain('127.0.0.1');
    let n = 0;
    for (const address of addresses) {
      const res = await lan.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          headers: { host: `${address}:${port}`, origin: `http://${address}:${port}` },
          payload: newUser(`lan-${n++}`),
        }),
      );
      expect(res.statusCode, address).toBe(201);
    }
    // An address that is not this machine's (TEST-NET-2) is refused, Host header or not.
    expect(addresses).not.toContain('198.51.100.77');
    const foreign = await lan.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        headers: { host: `198.51.100.77:${port}`, origin: `http://198.51.100.77:${port}` },
        payload: newUser('foreign-lan'),
      }),
    );
    expect(foreign.json().error.code).toBe('DUTY_ERR_ORIGIN');
  });
});
