import { LIVE_CACHE } from '@client/lib/live-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { connectConsole, type LiveConsole, settle } from '../helpers/live-client';

/** Warnings are the duty's: every signed-in console is told at once; a system's feed is not. */
describe('warnings, responses and consultations reach every console live', () => {
  let t: TestApp;
  let officer: Session;
  let bearer: Record<string, string>;
  let secret: string;
  const consoles: LiveConsole[] = [];
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    secret = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'weather' } }))
    ).json().secret;
    bearer = { authorization: `Bearer ${secret}` };
    for (const session of [officer, await signIn(t.app, 'liuqiang', USER_PASSWORD), admin])
      consoles.push(await connectConsole(t.url, { cookie: session.cookie }));
  });
  afterAll(async () => {
    for (const c of consoles) c.close();
    await t?.close();
  });

  it('sends issue, upgrade and lift, a response and a consultation to officer, leader and admin consoles, none to a token', async () => {
    const system = await connectConsole(t.url, { token: secret });
    const w = (
      await t.app.inject({
        method: 'POST',
        url: '/api/warnings',
        headers: bearer,
        payload: {
          type: 'rainstorm',
          level: 'yellow',
          issuer: '区气象台',
          issuedAt: new Date().toISOString(),
          text: '暴雨黄色预警',
        },
      })
    ).json();
    await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${w.id}/level`, payload: { level: 'orange' } }),
    );
    const r = (
      await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/responses',
          payload: { headquarters: 'flood_drought', level: 'IV', orderText: '启动防汛Ⅳ级应急响应' },
        }),
      )
    ).json();
    await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/consultations',
        payload: {
          heldAt: new Date().toISOString(),
          participants: ['区应急局'],
          conclusions: '加强值守',
          responseId: r.id,
        },
      }),
    );
    await t.app.inject(as(officer, { method: 'POST', url: `/api/responses/${r.id}/end`, payload: {} }));
    await t.app.inject(as(officer, { method: 'POST', url: `/api/warnings/${w.id}/lift`, payload: {} }));
    const types = [
      'warning.issued',
      'warning.changed',
      'response.started',
      'consultation.recorded',
      'response.ended',
      'warning.lifted',
    ];
    for (const c of consoles) {
      const got = await c.receivedCount(types.length);
      expect(got.map((e) => e.type)).toEqual(types);
    }
    expect(consoles[0]!.received[0]).toMatchObject({
      actor: 'token:weather',
      subject: `warning:${w.id}`,
      payload: { warning: { id: w.id, level: 'yellow', source: 'api' } },
    });
    await settle();
    expect(system.received).toEqual([]);
    system.close();
    // Each makes the wall, the briefing and the handover draft read again.
    for (const type of types) expect(LIVE_CACHE[type as keyof typeof LIVE_CACHE].stale).toContain('warnings');
  });
});
