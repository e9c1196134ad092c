import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
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
import { DIALECTS } from '../helpers/databases';

const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((v) => String(v.getFirstPropertyValue('summary')));

describe.each(DIALECTS)('calendar feed keys on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startApp({ dialect, clock: fixedClock('2026-03-01T02:00:00Z') });
    admin = await signInAdmin(t.app);
    ids.o1 = (await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] })).id;
    ids.o2 = (await createUser(t.app, admin, { username: 'o2', displayName: '李军', roles: ['officer'] })).id;
    ids.l1 = (await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] })).id;
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: '2026-03-01', to: '2026-03-31', officers: [ids.o1, ids.o2], leaders: [ids.l1] },
      }),
    );
    expect(gen.statusCode).toBe(200);
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
  });
  afterAll(() => t.close());

  it("reads only its owner's shifts with a personal key: user=all or another person is 403", async () => {
    const { url } = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/calendar-feed' }))
    ).json() as { url: string };
    const key = new URL(url, 'http://x').searchParams.get('key')!;

    const own = await t.app.inject({ method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(new Set(summaries(own.body))).toEqual(new Set(['值班员 王芳']));
    const implicit = await t.app.inject({ method: 'GET', url: `/api/roster.ics?key=${key}` });
    expect(new Set(summaries(implicit.body))).toEqual(new Set(['值班员 王芳']));

    for (const user of ['all', String(ids.o2), String(ids.l1)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/roster.ics?user=${user}&key=${key}` });
      expect(res.statusCode, `user=${user}`).toBe(403);
      expect(res.json().error.code).toBe('DUTY_ERR_FORBIDDEN');
      expect(res.body).not.toContain('BEGIN:VCALENDAR');
    }

    // Signed in, a person reads the whole roster as on the roster page; without a key or session, nothing.
    const session = await t.app.inject(as(officer, { method: 'GET', url: '/api/roster.ics?user=all' }));
    expect(session.statusCode).toBe(200);
    expect(new Set(summaries(session.body))).toEqual(
      new Set(['值班员 王芳', '值班员 李军', '带班领导 刘强']),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/roster.ics?user=all' })).statusCode).toBe(401);

    // An administrator's personal key is just as personal.
    const adminFeed = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/roster/calendar-feed' }))
    ).json() as { url: string };
    const adminKey = new URL(adminFeed.url, 'http://x').searchParams.get('key')!;
    const adminAll = await t.app.inject({ method: 'GET', url: `/api/roster.ics?user=all&key=${adminKey}` });
    expect(adminAll.statusCode).toBe(403);
  });

  it('issues a whole-roster key to administrators only, lists it without its secret and revokes it', async () => {
    const refused = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/roster/feeds', payload: { label: '值班室大屏' } }),
    );
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject(as(officer, { method: 'GET', url: '/api/roster/feeds' }))).statusCode).toBe(
      403,
    );

    const issued = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/roster/feeds', payload: { label: '值班室大屏' } }),
    );
    expect(issued.statusCode).toBe(201);
    const body = issued.json() as {
      feed: { id: number; label: string; createdAt: string; createdBy: string };
      url: string;
    };
    expect(body.feed).toEqual({
      id: body.feed.id,
      label: '值班室大屏',
      createdAt: '2026-03-01T02:00:00.000Z',
      createdBy: 'admin',
    });
    expect(body.url).toMatch(/^\/api\/roster\.ics\?user=all&key=[A-Za-z0-9_-]{32}$/);
    const key = new URL(body.url, 'http://x').searchParams.get('key')!;

    const whole = await t.app.inject({ method: 'GET', url: body.url });
    expect(whole.statusCode).toBe(200);
    expect(new Set(summaries(whole.body))).toEqual(new Set(['值班员 王芳', '值班员 李军', '带班领导 刘强']));
    // 31 duty days × (officer + leader).
    expect(summaries(whole.body)).toHaveLength(62);
    const onePerson = await t.app.inject({ method: 'GET', url: `/api/roster.ics?user=${ids.o2}&key=${key}` });
    expect(new Set(summaries(onePerson.body))).toEqual(new Set(['值班员 李军']));

    const list = await t.app.inject(as(admin, { method: 'GET', url: '/api/roster/feeds' }));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ feeds: [body.feed] });
    expect(list.body).not.toContain(key);

    const revoked = await t.app.inject(
      as(admin, { method: 'DELETE', url: `/api/roster/feeds/${body.feed.id}` }),
    );
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual(body.feed);
    expect((await t.app.inject({ method: 'GET', url: body.url })).statusCode).toBe(401);
    expect((await t.app.inject(as(admin, { method: 'GET', url: '/api/roster/feeds' }))).json()).toEqual({
      feeds: [],
    });
    const again = await t.app.inject(
      as(admin, { method: 'DELETE', url: `/api/roster/feeds/${body.feed.id}` }),
    );
    expect(again.statusCode).toBe(404);

    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=calendar.roster_feed_created' }))
    ).json().events;
    expect(events.map((e: { actor: string; payload: unknown }) => [e.actor, e.payload])).toEqual([
      ['admin', { feedId: body.feed.id, label: '值班室大屏' }],
    ]);
    const revokedEvents = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=calendar.roster_feed_revoked' }))
    ).json().events;
    expect(revokedEvents.map((e: { actor: string; payload: unknown }) => [e.actor, e.payload])).toEqual([
      ['admin', { feedId: body.feed.id, label: '值班室大屏' }],
    ]);
  });
});
