import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(DIALECTS)('report rules on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'lijun', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    const retired = await createUser(t.app, admin, { username: 'zhaolei', roles: ['leader'] });
    const disabled = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${retired.id}`, payload: { enabled: false } }),
    );
    expect(disabled.json().enabled).toBe(false);
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
  });
  afterAll(() => t.close());
  afterEach(() => clock.set('2026-03-04T18:50:00Z'));

  const intake = async () =>
    (await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))).json();
  const report = (id: number, payload: object, s = officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/incidents/${id}/reports`, payload }));
  const reportsOf = async (id: number) =>
    (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${id}` }))).json().reports as {
      number: number;
      title: string;
      signedOffBy: string | null;
    }[];
  const headSeq = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;
  const written = { kind: 'initial', channel: 'written', recipient: '市应急管理局' };

  it('sends a written report only signed off: naming a leader signs nothing off (issue 13)', async () => {
    const a = await intake();
    const none = await report(a.id, written);
    expect([none.statusCode, none.json().error]).toEqual([
      422,
      {
        code: 'DUTY_ERR_SIGNOFF_REQUIRED',
        message:
          'a written report is sent only once signed off (签发): ask a leader (signoffRequestId of an approved request) or record their telephone consent (phoneConsentBy)',
      },
    ]);
    // The old way — typing a leader's username — is no field any more, whoever is named.
    for (const who of ['liuqiang', 'lijun', 'zhaolei', 'nobody', 'admin']) {
      const res = await report(a.id, { ...written, signedOffBy: who });
      expect([res.statusCode, res.json().error.code], who).toEqual([400, 'DUTY_ERR_VALIDATION']);
    }
    // A telephone consent names a leader who can sign off, or nothing is sent.
    for (const who of ['lijun', 'zhaolei', 'nobody', 'admin']) {
      const res = await report(a.id, { ...written, phoneConsentBy: who });
      expect([res.statusCode, res.json().error.code], who).toEqual([422, 'DUTY_ERR_SIGNOFF_REQUIRED']);
    }
    expect((await report(a.id, { ...written, phoneConsentBy: 'nobody' })).json().error.message).toBe(
      '"nobody" is not an enabled, qualified leader who can sign off a report',
    );
    // Nothing was stored for any of them.
    expect(await reportsOf(a.id)).toEqual([]);

    const consented = await report(a.id, { ...written, phoneConsentBy: 'liuqiang' });
    expect(consented.statusCode).toBe(201);
    expect(consented.json()).toMatchObject({
      number: 1,
      title: '首报',
      signedOffBy: 'liuqiang',
      signoff: { kind: 'phone_consent', leader: 'liuqiang', recordedBy: 'wangfang' },
      sentBy: 'wangfang',
    });
    // A leader sending a written report signs it off themself.
    const own = await report(
      a.id,
      { kind: 'followup', channel: 'written', recipient: '市应急管理局' },
      leader,
    );
    expect(own.json()).toMatchObject({
      number: 2,
      title: '续报一',
      signedOffBy: 'liuqiang',
      signoff: { kind: 'leader', leader: 'liuqiang', recordedBy: 'liuqiang' },
      sentBy: 'liuqiang',
    });
  });

  it('sends a phone report without a signer, and refuses to attach one to it', async () => {
    const a = await intake();
    const named = await report(a.id, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区总值班室',
      signedOffBy: 'liuqiang',
    });
    expect([named.statusCode, named.json().error.code]).toEqual([400, 'DUTY_ERR_VALIDATION']);
    const consent = await report(a.id, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区总值班室',
      phoneConsentBy: 'liuqiang',
    });
    expect([consent.statusCode, consent.json().error]).toEqual([
      422,
      { code: 'DUTY_ERR_SIGNOFF_REQUIRED', message: 'only a written report is signed off (签发)' },
    ]);
    expect(await reportsOf(a.id)).toEqual([]);
    const phoned = await report(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' });
    expect(phoned.json()).toMatchObject({ number: 1, signedOffBy: null, signoff: null });
  });

  it('sends one 终报 only, and nothing once the incident is closed', async () => {
    const a = await intake();
    expect(
      (await report(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' })).statusCode,
    ).toBe(201);
    expect(
      (await report(a.id, { kind: 'final', channel: 'phone', recipient: '区总值班室' })).statusCode,
    ).toBe(201);
    const again = await report(a.id, { kind: 'final', channel: 'phone', recipient: '区总值班室' });
    expect([again.statusCode, again.json().error]).toEqual([
      409,
      { code: 'DUTY_ERR_ALREADY_DONE', message: 'the final report (终报) was already sent' },
    ]);

    const closed = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/incidents/${a.id}/close`, payload: { outcome: '已处置' } }),
    );
    expect(closed.json().stage).toBe('closed');
    const before = await headSeq();
    for (const kind of ['followup', 'final']) {
      const res = await report(a.id, { kind, channel: 'phone', recipient: '区总值班室' });
      expect([res.statusCode, res.json().error], kind).toEqual([
        409,
        { code: 'DUTY_ERR_CONFLICT', message: 'the incident is closed' },
      ]);
    }
    expect((await reportsOf(a.id)).map((r) => r.title)).toEqual(['首报', '终报']);
    expect(await headSeq()).toBe(before);
  });

  it('drafts the next report without sending it: the six items for a 首报, what changed for a 续报', async () => {
    const a = await intake();
    const draft = (kind: string, s = officer) =>
      t.app.inject(as(s, { method: 'GET', url: `/api/incidents/${a.id}/reports/draft?kind=${kind}` }));
    const before = await headSeq();
    const first = await draft('initial');
    expect(first.statusCode).toBe(200);
    expect(first.json().title).toBe('首报');
    const text = first.json().text as string;
    // The six items of 第十二条, in order, with the call's own facts (02:40 local on 5 March).
    const items = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'].map((i) => text.indexOf(i));
    expect(items.every((at, i) => at > (items[i - 1] ?? -1))).toBe(true);
    for (const fact of [
      '3月5日2时40分许',
      '幸福路与建设路交叉口',
      '两车相撞，一车侧翻',
      '3人死亡',
      '重伤2人',
      '初步研判为较大事故',
    ])
      expect(text).toContain(fact);
    // The caller's name and phone stay in the log (REPORT-STYLE §3 (六), F25).
    expect(text).not.toMatch(/张警官|13900001111/u);
    // Reading a draft changes nothing: no report, no event.
    expect(await reportsOf(a.id)).toEqual([]);
    expect(await headSeq()).toBe(before);

    await report(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' });
    clock.set('2026-03-04T20:00:00Z');
    await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${a.id}`,
        payload: { casualties: { deaths: 4, seriousInjuries: 2 } },
      }),
    );
    const followup = (await draft('followup', leader)).json();
    expect(followup.title).toBe('续报一');
    expect(followup.text).toContain('死亡人数由3人增至4人');
    expect(followup.text).not.toContain('重伤');
    expect((await draft('final')).json().title).toBe('终报');

    // Refused: an unknown kind, a missing kind, another role, an incident that does not exist.
    expect((await draft('second')).json().error.code).toBe('DUTY_ERR_VALIDATION');
    const missing = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/incidents/${a.id}/reports/draft` }),
    );
    expect(missing.json().error).toEqual({
      code: 'DUTY_ERR_VALIDATION',
      message: 'querystring: missing field "kind"',
    });
    expect((await draft('initial', admin)).statusCode).toBe(403);
    const none = await t.app.inject(
      as(officer, { method: 'GET', url: '/api/incidents/99999/reports/draft?kind=initial' }),
    );
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'DUTY_ERR_NOT_FOUND']);
  });
});

describe.each(DIALECTS)('verifying an incident (核实) on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
  });
  afterAll(() => t.close());
  afterEach(() => clock.set('2026-03-04T18:50:00Z'));

  const intake = async () =>
    (await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))).json();
  const verify = (id: number, s: Session = officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/incidents/${id}/verify` }));

  it('moves a received incident to verified, once, with when; recorded as an event', async () => {
    const a = await intake();
    expect(a).toMatchObject({ stage: 'received', verifiedAt: null });
    clock.set('2026-03-04T19:05:00Z');
    const res = await verify(a.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a.id, stage: 'verified', verifiedAt: '2026-03-04T19:05:00.000Z' });
    const [event] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=incident.verified' }))
    ).json().events;
    expect(event).toMatchObject({
      actor: 'wangfang',
      subject: `incident:${a.id}`,
      // The incident's card and what changed (issue 18: lean events).
      payload: { incident: { id: a.id, stage: 'verified' }, verifiedAt: '2026-03-04T19:05:00.000Z' },
    });
    const again = await verify(a.id, leader);
    expect([again.statusCode, again.json().error]).toEqual([
      409,
      { code: 'DUTY_ERR_ALREADY_DONE', message: 'already verified' },
    ]);
    const detail = (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${a.id}` }))).json();
    expect(detail.incident.verifiedAt).toBe('2026-03-04T19:05:00.000Z');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'incident.created',
      'incident.verified',
    ]);
  });

  it('keeps a reported incident at its later stage; refuses a closed one, strangers and other roles', async () => {
    const a = await intake();
    await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${a.id}/reports`,
        payload: { kind: 'initial', channel: 'phone', recipient: '区总值班室' },
      }),
    );
    const verified = await verify(a.id, leader);
    expect(verified.json()).toMatchObject({ stage: 'reported', verifiedAt: '2026-03-04T18:50:00.000Z' });

    const b = await intake();
    for (const kind of ['initial', 'final'])
      await t.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/incidents/${b.id}/reports`,
          payload: { kind, channel: 'phone', recipient: '区总值班室' },
        }),
      );
    await t.app.inject(
      as(officer, { method: 'POST', url: `/api/incidents/${b.id}/close`, payload: { outcome: '已处置' } }),
    );
    const closed = await verify(b.id);
    expect([closed.statusCode, closed.json().error]).toEqual([
      409,
      { code: 'DUTY_ERR_CONFLICT', message: 'the incident is closed' },
    ]);
    expect((await verify(b.id, admin)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/incidents/${b.id}/verify` })).statusCode).toBe(
      401,
    );
    const none = await verify(99999);
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'DUTY_ERR_NOT_FOUND']);
  });
});
