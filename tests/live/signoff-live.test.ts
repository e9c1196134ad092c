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
import { CALL } from '../helpers/incidents';
import { connectConsole, type LiveConsole } from '../helpers/live-client';

/**
 * 签发 live: the asked leader's console (any device) is told of the request the moment it is made,
 * and the officer's console of the decision, over real sockets from the real server.
 */
describe('sign-off requests reach the consoles live', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let leaderConsole: LiveConsole;
  let officerConsole: LiveConsole;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', displayName: '刘强', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
    leaderConsole = await connectConsole(t.url, { cookie: leader.cookie });
    officerConsole = await connectConsole(t.url, { cookie: officer.cookie });
  });
  afterAll(async () => {
    leaderConsole?.close();
    officerConsole?.close();
    await t?.close();
  });

  it("puts the request on the leader's console and the approval on the officer's, in order", async () => {
    const incident = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json();
    const asked = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${incident.id}/signoffs`,
        payload: {
          leader: 'liuqiang',
          kind: 'initial',
          channel: 'written',
          recipient: '市应急管理局',
          text: '首报正文',
        },
      }),
    );
    expect(asked.statusCode).toBe(201);
    const [created, requested] = await leaderConsole.receivedCount(2);
    expect(created!.type).toBe('incident.created');
    expect(requested).toMatchObject({
      type: 'incident.signoff_requested',
      actor: 'wangfang',
      subject: `incident:${incident.id}`,
      payload: {
        signoff: {
          id: asked.json().id,
          leader: 'liuqiang',
          leaderName: '刘强',
          requestedByName: '王芳',
          status: 'pending',
          text: '首报正文',
        },
      },
    });
    // The console reads its to-do list again on it.
    expect(LIVE_CACHE['incident.signoff_requested'].stale).toContain('signoffs');

    const approved = await t.app.inject(
      as(leader, { method: 'POST', url: `/api/signoffs/${asked.json().id}/approve`, payload: {} }),
    );
    expect(approved.statusCode).toBe(200);
    const events = await officerConsole.receivedCount(3);
    expect(events.map((e) => e.type)).toEqual([
      'incident.created',
      'incident.signoff_requested',
      'incident.signoff_approved',
    ]);
    expect(events[2]!.payload).toMatchObject({ signoff: { status: 'approved', leader: 'liuqiang' } });
    expect(LIVE_CACHE['incident.signoff_approved'].stale).toContain('signoffs');
  });
});
