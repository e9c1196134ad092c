import type { FastifyInstance } from 'fastify';
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
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { publishMarch } from '../helpers/roster';

const START = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai, inside the duty day of 10 March
const MINUTE = 60_000;

/** Three officers and two leaders in rotation over March, published. */
async function rosterMarch(app: FastifyInstance, admin: Session): Promise<Record<string, Session>> {
  const names = { o1: ['officer'], o2: ['officer'], o3: ['officer'], l1: ['leader'], l2: ['leader'] };
  const ids: Record<string, number> = {};
  for (const [username, roles] of Object.entries(names)) {
    ids[username] = (await createUser(app, admin, { username, roles })).id;
  }
  await publishMarch(app, admin, { officers: [ids.o1!, ids.o2!, ids.o3!], leaders: [ids.l1!, ids.l2!] });
  const sessions: Record<string, Session> = {};
  for (const username of Object.keys(names)) sessions[username] = await signIn(app, username, USER_PASSWORD);
  return sessions;
}

async function missedEvents(app: FastifyInstance, admin: Session, id: number): Promise<unknown[]> {
  const res = await app.inject(
    as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000&type=spotcheck.missed' }),
  );
  return res.json().events.filter((e: { subject: string }) => e.subject === `spotcheck:${id}`);
}

describe.each(DIALECTS)('spot-checks on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let admin: Session;
  let s: Record<string, Session>;
  let onDuty: Session;
  let offDuty: Session;

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    s = await rosterMarch(t.app, admin);
    const now = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json();
    const officer = now.officers[0].userName as string;
    onDuty = s[officer]!;
    offDuty = s[['o1', 'o2', 'o3'].find((n) => n !== officer)!]!;
  });
  afterAll(() => t.close());

  const issue = (session: Session, payload: object = {}) =>
    t.app.inject(as(session, { method: 'POST', url: '/api/spot-checks', payload }));
  const answer = (session: Session, id: number, payload: object = {}) =>
    t.app.inject(as(session, { method: 'POST', url: `/api/spot-checks/${id}/answer`, payload }));

  it('issues a spot-check due after the limit (5 min) and records the event', async () => {
    const res = await issue(s.l1!, { note: '夜间查岗' });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check).toMatchObject({
      source: 'leader',
      caller: '',
      note: '夜间查岗',
      issuedBy: 'l1',
      status: 'open',
    });
    expect(Date.parse(check.dueAt) - Date.parse(check.issuedAt)).toBe(5 * MINUTE);
    const events = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=spotcheck.issued' }));
    expect(events.json().events[0]).toMatchObject({ actor: 'l1', subject: `spotcheck:${check.id}` });
    const open = await t.app.inject(as(onDuty, { method: 'GET', url: '/api/spot-checks/open' }));
    expect(open.json().spotChecks.map((c: { id: number }) => c.id)).toContain(check.id);
  });

  it('takes the source from the role, records upper-level callers, and refuses officers', async () => {
    expect((await issue(admin)).json()).toMatchObject({ source: 'admin', issuedBy: 'admin' });
    const upper = await issue(admin, { source: 'upper', caller: '市应急管理局 张科长' });
    expect(upper.json()).toMatchObject({ source: 'upper', caller: '市应急管理局 张科长' });
    const noCaller = await issue(admin, { source: 'upper' });
    expect(noCaller.statusCode).toBe(400);
    expect(noCaller.json().error.message).toContain('caller');
    expect((await issue(s.l1!, { source: 'admin' })).statusCode).toBe(403);
    expect((await issue(s.l1!, { extra: 1 })).statusCode).toBe(400);
    expect((await issue(onDuty)).json().error.code).toBe('DUTY_ERR_FORBIDDEN');
  });

  it('is answered in time by the officer on duty; a second answer is 409', async () => {
    const check = (await issue(s.l1!)).json();
    clock.advance(2 * MINUTE);
    const res = await answer(onDuty, check.id, { note: '值班室在岗' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'answered',
      answeredBy: onDuty.user.username,
      answeredAt: clock.now().toISOString(),
      answerNote: '值班室在岗',
    });
    const again = await answer(onDuty, check.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUTY_ERR_ALREADY_DONE');
    const events = await t.app.inject(
      as(admin, { method: 'GET', url: '/api/events?type=spotcheck.answered' }),
    );
    expect(events.json().events[0]).toMatchObject({
      subject: `spotcheck:${check.id}`,
      payload: { late: false },
    });
  });

  it('counts an answer exactly at the deadline as on time, and raises no missed alert then', async () => {
    const check = (await issue(s.l2!)).json();
    clock.set(check.dueAt);
    await t.app.scanner.runOnce();
    expect(await missedEvents(t.app, admin, check.id)).toHaveLength(0);
    expect((await answer(onDuty, check.id)).json()).toMatchObject({
      status: 'answered',
      answeredAt: check.dueAt,
      answerNote: null,
    });
  });

  it('marks an answer after the deadline late', async () => {
    const check = (await issue(s.l1!)).json();
    clock.advance(5 * MINUTE + 1000);
    const res = await answer(onDuty, check.id);
    expect(res.json().status).toBe('late');
    const events = await t.app.inject(
      as(admin, { method: 'GET', url: '/api/events?type=spotcheck.answered' }),
    );
    expect(events.json().events[0]).toMatchObject({
      subject: `spotcheck:${check.id}`,
      payload: { late: true },
    });
  });

  it('lets nobody but the officer on duty answer (403)', async () => {
    const check = (await issue(s.l1!)).json();
    for (const session of [offDuty, s.l2!]) {
      const res = await answer(session, check.id);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('DUTY_ERR_NOT_ROSTERED');
    }
    expect((await answer(admin, check.id)).json().error.code).toBe('DUTY_ERR_FORBIDDEN');
    expect((await answer(onDuty, 999_999)).statusCode).toBe(404);
  });

  it('raises one missed alert for an unanswered check, however often it scans; a late answer keeps it', async () => {
    const check = (await issue(s.l1!)).json();
    clock.advance(6 * MINUTE);
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const missed = await missedEvents(t.app, admin, check.id);
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({
      actor: 'system',
      payload: { spotCheck: { id: check.id, status: 'missed' } },
    });
    const list = await t.app.inject(as(admin, { method: 'GET', url: '/api/spot-checks?status=missed' }));
    expect(list.json().spotChecks.map((c: { id: number }) => c.id)).toContain(check.id);

    expect((await answer(onDuty, check.id)).json().status).toBe('late');
    await t.app.scanner.runOnce();
    expect(await missedEvents(t.app, admin, check.id)).toHaveLength(1);
  });

  it('lists newest first, filtered by status and time', async () => {
    const all = (await t.app.inject(as(onDuty, { method: 'GET', url: '/api/spot-checks' }))).json()
      .spotChecks;
    expect(all.length).toBeGreaterThan(5);
    const issued = all.map((c: { issuedAt: string }) => c.issuedAt);
    expect(issued).toEqual([...issued].sort().reverse());
    const late = (
      await t.app.inject(as(onDuty, { method: 'GET', url: '/api/spot-checks?status=late' }))
    ).json();
    expect(late.spotChecks.length).toBe(2);
    const from = encodeURIComponent('2026-03-10T10:00:00+08:00');
    const to = encodeURIComponent('2026-03-10T10:01:00+08:00');
    const window = await t.app.inject(
      as(onDuty, { method: 'GET', url: `/api/spot-checks?from=${from}&to=${to}` }),
    );
    expect(window.json().spotChecks.length).toBe(4);
    expect(
      (await t.app.inject(as(onDuty, { method: 'GET', url: '/api/spot-checks?status=gone' }))).statusCode,
    ).toBe(400);
  });
});

describe.each(DIALECTS)('spot-check missed alerts across a restart on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
  });
  afterAll(() => db.drop());

  it('raises the alert once, not again by a restarted app on the same database', async () => {
    const clock = fixedClock(START);
    const first = await startApp({ databaseUrl: db.url, clock });
    const admin = await signInAdmin(first.app);
    const check = (
      await first.app.inject(as(admin, { method: 'POST', url: '/api/spot-checks', payload: {} }))
    ).json();
    clock.advance(10 * MINUTE);
    expect(await first.app.scanner.runOnce()).toBeGreaterThanOrEqual(1);
    await first.close();

    const second = await startApp({ databaseUrl: db.url, clock });
    try {
      const again = await signInAdmin(second.app);
      await second.app.scanner.runOnce();
      expect(await missedEvents(second.app, again, check.id)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
