import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole, refusal } from '../helpers/live-client';

/** A foreign Origin: the engine answers the WebSocket upgrade with an HTTP error, not a timeout. */
const UPGRADE_REFUSED = 'websocket error: Unexpected server response: 400';

describe.each(DIALECTS)('live handshake on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let secret: string;
  let otherServer: TestApp;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'probe' },
    });
    secret = (res.json() as { secret: string }).secret;
    otherServer = await startApp({
      dialect: 'sqlite',
      listen: true,
      config: { allowedOrigins: ['https://console.example'] },
    });
  });
  afterEach(() => closeAllConsoles());
  afterAll(async () => {
    await otherServer.close();
    await t.close();
  });

  it('refuses a socket with neither cookie nor token', async () => {
    expect(await refusal(t.url, {})).toBe('unauthorized');
  });

  it('refuses a socket that offers a lastSeq but no credentials', async () => {
    expect(await refusal(t.url, { lastSeq: 0 })).toBe('unauthorized');
  });

  it.each([
    ['an unknown token', 'dcs_not-a-real-token'],
    ['a token without the prefix', 'whatever'],
    ['an empty token', ''],
  ])('refuses %s', async (_what, token) => {
    expect(await refusal(t.url, { token })).toBe('unauthorized');
  });

  it('judges a bad token on its own even with a valid cookie alongside', async () => {
    expect(await refusal(t.url, { token: 'dcs_forged', cookie: admin.cookie })).toBe('unauthorized');
  });

  it('refuses a cookie that is not a session', async () => {
    expect(await refusal(t.url, { cookie: 'duty_session=forged-session-value' })).toBe('unauthorized');
    expect(await refusal(t.url, { cookie: `other_cookie=${admin.cookie.split('=')[1]}` })).toBe(
      'unauthorized',
    );
  });

  it('refuses a foreign Origin even with a valid cookie', async () => {
    // The WebSocket upgrade is answered 400, which the client reports as a transport error.
    expect(await refusal(t.url, { cookie: admin.cookie, origin: 'http://evil.example' })).toBe(
      UPGRADE_REFUSED,
    );
    // The same port on another host name is another origin, and so is an opaque one.
    const port = new URL(t.url).port;
    expect(
      await refusal(t.url, { cookie: admin.cookie, origin: `http://localhost.evil.example:${port}` }),
    ).toBe(UPGRADE_REFUSED);
    expect(await refusal(t.url, { cookie: admin.cookie, origin: 'null' })).toBe(UPGRADE_REFUSED);
    // The reason, as the engine states it on the polling handshake.
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'http://evil.example', cookie: admin.cookie },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: 'origin not allowed' });
  });

  it('refuses a foreign Origin for a token, too', async () => {
    expect(await refusal(t.url, { token: secret, origin: 'http://evil.example' })).toBe(UPGRADE_REFUSED);
  });

  it('accepts its own origin, and no Origin at all (non-browser clients)', async () => {
    const own = await connectConsole(t.url, { cookie: admin.cookie, origin: t.url });
    expect(own.socket.connected).toBe(true);
    const none = await connectConsole(t.url, { cookie: admin.cookie });
    expect(none.socket.connected).toBe(true);
    const token = await connectConsole(t.url, { token: secret, origin: t.url });
    expect(token.socket.connected).toBe(true);
  });

  it('accepts an officer as well as an admin', async () => {
    await createUser(t.app, admin, { username: 'handshake-officer', roles: ['officer'] });
    const officerSession = await signIn(t.app, 'handshake-officer', USER_PASSWORD);
    const c = await connectConsole(t.url, { cookie: officerSession.cookie, origin: t.url });
    expect(c.socket.connected).toBe(true);
  });

  it('accepts a configured extra origin and still refuses others', async () => {
    const otherAdmin = await signInAdmin(otherServer.app);
    const c = await connectConsole(otherServer.url, {
      cookie: otherAdmin.cookie,
      origin: 'https://console.example',
    });
    expect(c.socket.connected).toBe(true);
    const other = await refusal(otherServer.url, {
      cookie: otherAdmin.cookie,
      origin: 'https://other.example',
    });
    expect(other).toBe(UPGRADE_REFUSED);
  });
});
