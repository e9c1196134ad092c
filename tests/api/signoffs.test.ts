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
import { CALL } from '../helpers/incidents';
import { publishMarch } from '../helpers/roster';

/**
 * 签发 is a real approval: the officer asks one leader; that leader — nobody else — approves or
 * returns it; a written report goes out only with the approval (used once), a telephone consent
 * recorded as such, or sent by a leader. Naming a leader is not a sign-off.
 */
describe.each(DIALECTS)('sign-off requests (签发) on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let otherOfficer: Session;
  let liu: Session;
  let zhang: Session;
  let bearer: Record<string, string>;
  const recipient = '市应急管理局';
  const TEXT = '关于幸福路交通事故的首报（经领导审定）';

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    const o = await createUser(t.app, admin, {
      username: 'wangfang',
      displayName: '王芳',
      roles: ['officer'],
    });
    const o2 = await createUser(t.app, admin, { username: 'lijun', displayName: '李军', roles: ['officer'] });
    const l1 = await createUser(t.app, admin, {
      username: 'liuqiang',
      displayName: '刘强',
      roles: ['leader'],
    });
    const l2 = await createUser(t.app, admin, {
      username: 'zhangwei',
      displayName: '张伟',
      roles: ['leader'],
    });
    await createUser(t.app, admin, {
      username: 'zhaolei',
      displayName: '赵磊',
      roles: ['leader'],
      qualified: false,
    });
    const third = await createUser(t.app, admin, {
      username: 'sunli',
      displayName: '孙立',
      roles: ['officer'],
    });
    await publishMarch(t.app, admin, { officers: [o.id, o2.id, third.id], leaders: [l1.id, l2.id] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    otherOfficer = await signIn(t.app, 'lijun', USER_PASSWORD);
    liu = await signIn(t.app, 'liuqiang', USER_PASSWORD);
    zhang = await signIn(t.app, 'zhangwei', USER_PASSWORD);
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'intake' } }))
    ).json();
    bearer = { authorization: `Bearer ${secret}` };
  });
  afterAll(() => t.close());

  const intake = async () =>
    (await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))).json();
  const ask = (id: number, payload: object, s = officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/incidents/${id}/signoffs`, payload }));
  const decide = (id: number, decision: 'approve' | 'return', payload: object, s: Session) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/signoffs/${id}/${decision}`, payload }));
  const send = (id: number, payload: object, s = officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/incidents/${id}/reports`, payload }));
  const reportsOf = async (id: number) =>
    (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${id}` }))).json().reports;
  const eventsAfter = async (seq: number) =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/events?after=${seq}&limit=100` }))).json()
      .events as {
      seq: number;
      type: string;
      actor: string;
      subject: string;
      payload: { report: { signoff: { kind: string } | null } };
    }[];
  const headSeq = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;
  const request = { leader: 'liuqiang', kind: 'initial', channel: 'written', recipient, text: TEXT };

  it('offers the enabled, qualified leaders by display name, the one on call now first', async () => {
    const duty = (await t.app.inject(as(officer, { method: 'GET', url: '/api/duty/now' }))).json();
    const names = { liuqiang: '刘强', zhangwei: '张伟' } as Record<string, string>;
    // Whoever the rotation puts on call tonight (the roster's own business), named as the duty banner names them.
    expect(duty.leaders).toHaveLength(1);
    const onCall = Object.keys(names).find((u) => names[u] === duty.leaders[0].userName)!;
    expect(onCall).toBeDefined();
    const res = await t.app.inject(as(officer, { method: 'GET', url: '/api/signoffs/leaders' }));
    expect(res.statusCode).toBe(200);
    const other = onCall === 'liuqiang' ? 'zhangwei' : 'liuqiang';
    // 赵磊 is not qualified, the administrator is no leader: neither is offered.
    expect(res.json().leaders).toEqual([
      { username: onCall, displayName: names[onCall], onCall: true },
      { username: other, displayName: names[other], onCall: false },
    ]);
  });

  it('lets only the asked leader approve: another leader, an officer, the administrator, a token get 403', async () => {
    const a = await intake();
    const before = await headSeq();
    const asked = await ask(a.id, request);
    expect(asked.statusCode, asked.body).toBe(201);
    const req = asked.json();
    expect(req).toMatchObject({
      incidentId: a.id,
      kind: 'initial',
      channel: 'written',
      recipient,
      text: TEXT,
      leader: 'liuqiang',
      leaderName: '刘强',
      requestedBy: 'wangfang',
      requestedByName: '王芳',
      requestedAt: '2026-03-04T18:50:00.000Z',
      status: 'pending',
      decidedAt: null,
      comment: null,
      reportId: null,
    });
    // Waiting for 刘强, and only for him.
    const mine = (s: Session) => t.app.inject(as(s, { method: 'GET', url: '/api/signoffs/mine' }));
    expect((await mine(liu)).json().signoffs.map((r: { id: number }) => r.id)).toEqual([req.id]);
    expect((await mine(zhang)).json().signoffs).toEqual([]);

    for (const [who, s] of [
      ['another leader', zhang],
      ['the officer who asked', officer],
      ['another officer', otherOfficer],
      ['the administrator', admin],
    ] as const) {
      const res = await decide(req.id, 'approve', {}, s);
      expect(res.statusCode, who).toBe(403);
      expect((await decide(req.id, 'return', { comment: '不行' }, s)).statusCode, who).toBe(403);
    }
    const byToken = await t.app.inject({
      method: 'POST',
      url: `/api/signoffs/${req.id}/approve`,
      headers: bearer,
      payload: {},
    });
    expect(byToken.statusCode).toBe(403);
    expect((await decide(req.id, 'approve', {}, zhang)).json().error).toEqual({
      code: 'DUTY_ERR_FORBIDDEN',
      message: 'only the leader asked signs off (or returns) this report',
    });
    // Nothing was recorded by any of them but the request.
    expect((await eventsAfter(before)).map((e) => e.type)).toEqual(['incident.signoff_requested']);

    // Not yet approved: the report cannot go out with it.
    const early = await send(a.id, {
      kind: 'initial',
      channel: 'written',
      recipient,
      signoffRequestId: req.id,
    });
    expect([early.statusCode, early.json().error]).toEqual([
      422,
      { code: 'DUTY_ERR_SIGNOFF_REQUIRED', message: `sign-off request ${req.id} is not approved yet` },
    ]);

    clock.set('2026-03-04T19:00:00Z');
    const approved = await decide(req.id, 'approve', { comment: '同意上报' }, liu);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedAt: '2026-03-04T19:00:00.000Z',
      comment: '同意上报',
    });
    const twice = await decide(req.id, 'return', { comment: '再改' }, liu);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'DUTY_ERR_ALREADY_DONE']);
    expect((await mine(liu)).json().signoffs).toEqual([]);

    clock.set('2026-03-04T19:05:00Z');
    const sent = await send(a.id, {
      kind: 'initial',
      channel: 'written',
      recipient,
      signoffRequestId: req.id,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      number: 1,
      title: '首报',
      text: TEXT,
      sentBy: 'wangfang',
      signedOffBy: 'liuqiang',
      signoff: {
        kind: 'approved',
        leader: 'liuqiang',
        leaderName: '刘强',
        recordedBy: 'liuqiang',
        recordedByName: '刘强',
        requestId: req.id,
        at: '2026-03-04T19:00:00.000Z',
        comment: '同意上报',
      },
    });

    // The events in order: asked, approved, sent.
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.type, e.actor, e.subject])).toEqual([
      ['incident.signoff_requested', 'wangfang', `incident:${a.id}`],
      ['incident.signoff_approved', 'liuqiang', `incident:${a.id}`],
      ['incident.reported', 'wangfang', `incident:${a.id}`],
    ]);
    expect(events[2]!.payload.report.signoff?.kind).toBe('approved');

    // Consumed once: the same approval sends nothing more.
    const again = await send(a.id, {
      kind: 'initial',
      channel: 'written',
      recipient,
      signoffRequestId: req.id,
    });
    expect([again.statusCode, again.json().error]).toEqual([
      422,
      {
        code: 'DUTY_ERR_SIGNOFF_REQUIRED',
        message: `sign-off request ${req.id} was already used for a report`,
      },
    ]);
    const list = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${a.id}/signoffs` }))
    ).json().signoffs;
    expect(list).toMatchObject([{ id: req.id, status: 'used', reportId: sent.json().id }]);
    expect((await reportsOf(a.id)).length).toBe(1);
  });

  it('refuses a written report with no approval, a named signer, a returned or another incident’s request', async () => {
    const a = await intake();
    const b = await intake();
    const written = { kind: 'initial', channel: 'written', recipient };
    const none = await send(a.id, written);
    expect([none.statusCode, none.json().error.code]).toEqual([422, 'DUTY_ERR_SIGNOFF_REQUIRED']);
    // Naming a leader is not a sign-off any more: the field does not exist.
    const named = await send(a.id, { ...written, signedOffBy: 'liuqiang' });
    expect([named.statusCode, named.json().error.code]).toEqual([400, 'DUTY_ERR_VALIDATION']);

    const returned = (await ask(a.id, request)).json();
    const back = await decide(returned.id, 'return', { comment: '伤亡人数再核实' }, liu);
    expect(back.json()).toMatchObject({ status: 'returned', comment: '伤亡人数再核实' });
    // A return needs its comment.
    const bare = (await ask(a.id, request)).json();
    expect((await decide(bare.id, 'return', {}, liu)).statusCode).toBe(400);
    const viaReturned = await send(a.id, { ...written, signoffRequestId: returned.id });
    expect(viaReturned.json().error).toEqual({
      code: 'DUTY_ERR_SIGNOFF_REQUIRED',
      message: `sign-off request ${returned.id} was returned`,
    });

    const approvedForB = (await ask(b.id, request)).json();
    await decide(approvedForB.id, 'approve', {}, liu);
    const wrongIncident = await send(a.id, { ...written, signoffRequestId: approvedForB.id });
    expect(wrongIncident.json().error.code).toBe('DUTY_ERR_SIGNOFF_REQUIRED');
    // Nor another text than the one approved.
    const otherText = await send(b.id, { ...written, text: '改过的内容', signoffRequestId: approvedForB.id });
    expect(otherText.json().error).toEqual({
      code: 'DUTY_ERR_SIGNOFF_REQUIRED',
      message: 'the text differs from the one the leader approved: ask again',
    });
    // Asking someone who cannot sign off.
    for (const leader of ['lijun', 'zhaolei', 'admin', 'nobody']) {
      const res = await ask(a.id, { ...request, leader });
      expect([res.statusCode, res.json().error.code], leader).toEqual([422, 'DUTY_ERR_SIGNOFF_REQUIRED']);
    }
    expect(await reportsOf(a.id)).toEqual([]);
    // A phone report needs no signer and still goes out as before.
    const phoned = await send(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' });
    expect(phoned.json()).toMatchObject({ number: 1, signedOffBy: null, signoff: null });
  });

  it('records a telephone consent as its own kind, by the officer, never as the leader’s approval', async () => {
    const a = await intake();
    const before = await headSeq();
    clock.set('2026-03-04T19:10:00Z');
    const res = await send(a.id, {
      kind: 'initial',
      channel: 'written',
      recipient,
      text: TEXT,
      phoneConsentBy: 'zhangwei',
    });
    expect(res.statusCode, res.body).toBe(201);
    const expected = {
      kind: 'phone_consent',
      leader: 'zhangwei',
      leaderName: '张伟',
      recordedBy: 'wangfang',
      recordedByName: '王芳',
      requestId: null,
      at: '2026-03-04T19:10:00.000Z',
      comment: null,
    };
    expect(res.json()).toMatchObject({ signedOffBy: 'zhangwei', signoff: expected, sentBy: 'wangfang' });
    expect((await reportsOf(a.id))[0].signoff).toEqual(expected);
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.type, e.actor])).toEqual([['incident.reported', 'wangfang']]);
    expect(events[0]!.payload.report.signoff).toEqual(expected);
    // Only a leader who can sign off is recorded as consenting.
    const nobody = await send(a.id, {
      kind: 'followup',
      channel: 'written',
      recipient,
      phoneConsentBy: 'lijun',
    });
    expect([nobody.statusCode, nobody.json().error.code]).toEqual([422, 'DUTY_ERR_SIGNOFF_REQUIRED']);
    // A leader sending signs it off themself, marked as such.
    const own = await send(a.id, { kind: 'followup', channel: 'written', recipient }, liu);
    expect(own.json()).toMatchObject({
      signedOffBy: 'liuqiang',
      signoff: { kind: 'leader', leader: 'liuqiang', recordedBy: 'liuqiang', requestId: null },
    });
  });

  it('takes no approval from a leader who lost the qualification after being asked', async () => {
    const a = await intake();
    const req = (await ask(a.id, { ...request, leader: 'zhangwei' })).json();
    const users = (await t.app.inject(as(admin, { method: 'GET', url: '/api/users' }))).json().users;
    const zw = users.find((u: { username: string }) => u.username === 'zhangwei');
    const set = (qualified: boolean) =>
      t.app.inject(as(admin, { method: 'PATCH', url: `/api/users/${zw.id}`, payload: { qualified } }));
    expect((await set(false)).statusCode).toBe(200);
    try {
      const res = await decide(req.id, 'approve', {}, zhang);
      expect([res.statusCode, res.json().error]).toEqual([
        422,
        {
          code: 'DUTY_ERR_SIGNOFF_REQUIRED',
          message: '"zhangwei" is not an enabled, qualified leader who can sign off a report',
        },
      ]);
      // Returning it (so the officer asks someone else) is still theirs to do.
      const back = await decide(req.id, 'return', { comment: '请另请领导签发' }, zhang);
      expect(back.json()).toMatchObject({ status: 'returned' });
    } finally {
      await set(true);
    }
  });
});
