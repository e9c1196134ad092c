import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, type Session, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import {
  buildReportsWorld,
  createDisaster,
  fileFigures,
  type ReportsWorld,
} from '../helpers/disaster-reports';

/**
 * 签发 of a 灾情 report, exactly like a written incident report's: the officer asks one leader, who
 * alone approves or returns it; the approved request (its kind, recipients, title and text) is used
 * once; a telephone consent is recorded by the officer as such; a leader may send it themself. An
 * officer sends nothing without one of the three.
 */
describe.each(DIALECTS)('disaster report sign-off on %s', (dialect) => {
  const clock = fixedClock('2026-06-19T03:00:00Z'); // 11:00 in Shanghai
  let t: TestApp;
  let w: ReportsWorld;
  let flood: { id: number };
  const TITLE = '关于6月19日洪涝灾情的初报';
  const TEXT = '关于6月19日洪涝灾情的初报\n\n市应急管理局：\n　　（经领导审定的正文）';

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    w = await buildReportsWorld(t.app);
    flood = await createDisaster(t.app, w.officer, {
      type: 'flood',
      title: '6·19洪涝',
      beganAt: '2026-06-19T02:00:00.000Z',
      townships: [w.a.id],
    });
    await fileFigures(t.app, w.officerA, flood.id, {
      unitId: w.a.id,
      kind: 'initial',
      figures: { affected: 300 },
    });
  });
  afterAll(() => t?.close());

  const send = (payload: object, s: Session = w.officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/disasters/${flood.id}/reports`, payload }));
  const ask = (payload: object, s: Session = w.officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/disasters/${flood.id}/signoffs`, payload }));
  const decide = (id: number, payload: object, s: Session) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/disaster-signoffs/${id}/decision`, payload }));
  const sentCount = async () =>
    (await t.app.inject(as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/reports` }))).json()
      .reports.length as number;
  const report = { kind: 'initial', title: TITLE, text: TEXT };

  it('refuses an officer’s report that nobody signed off (422), and sends nothing', async () => {
    const res = await send(report);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DUTY_ERR_SIGNOFF_REQUIRED');
    expect(res.json().error.message).toContain('签发');
    expect(await sentCount()).toBe(0);
  });

  it('lets only the asked leader decide; a returned request sends nothing', async () => {
    const asked = await ask({ ...report, recipients: ['city'], leader: 'zhouqm' });
    expect(asked.statusCode, asked.body).toBe(201);
    const req = asked.json();
    expect(req).toMatchObject({
      disasterId: flood.id,
      disasterTitle: '6·19洪涝',
      kind: 'initial',
      recipients: ['city'],
      forDate: null,
      title: TITLE,
      text: TEXT,
      leader: 'zhouqm',
      leaderName: '周启明',
      requestedBy: 'wangfang',
      requestedByName: '王芳',
      status: 'pending',
    });
    const pending = (
      await t.app.inject(as(w.leader, { method: 'GET', url: '/api/disaster-signoffs?status=pending' }))
    ).json();
    expect(pending.signoffs.map((s: { id: number }) => s.id)).toEqual([req.id]);
    // Another leader may not; an officer may not even call it.
    expect((await decide(req.id, { approve: true }, w.otherLeader)).statusCode).toBe(403);
    expect((await decide(req.id, { approve: true }, w.officer)).statusCode).toBe(403);
    const returned = await decide(req.id, { approve: false, comment: '补充救灾措施' }, w.leader);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', comment: '补充救灾措施' });
    expect((await decide(req.id, { approve: true }, w.leader)).statusCode).toBe(409);
    const res = await send({ ...report, signoffRequestId: req.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('was returned');
    expect(await sentCount()).toBe(0);
  });

  it('sends the approved text once, signed off by the leader; a changed text or a second use is refused', async () => {
    const req = (await ask({ ...report, recipients: ['city'], leader: 'zhouqm' })).json();
    const early = await send({ ...report, signoffRequestId: req.id });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('not approved yet');
    expect((await decide(req.id, { approve: true, comment: '同意上报' }, w.leader)).statusCode).toBe(200);
    const edited = await send({ ...report, text: `${TEXT}（改）`, signoffRequestId: req.id });
    expect(edited.statusCode).toBe(422);
    expect(edited.json().error.message).toContain('differs');
    const otherRecipients = await send({
      ...report,
      recipients: ['city', 'province'],
      signoffRequestId: req.id,
    });
    expect(otherRecipients.statusCode).toBe(422);
    const ok = await send({ ...report, signoffRequestId: req.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().reports[0]).toMatchObject({
      recipient: 'city',
      text: TEXT,
      sentBy: 'wangfang',
      signoffRequestId: req.id,
      signoff: {
        kind: 'approved',
        leader: 'zhouqm',
        leaderName: '周启明',
        recordedBy: 'zhouqm',
        requestId: req.id,
        comment: '同意上报',
      },
    });
    const again = await send({ ...report, signoffRequestId: req.id });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('already used');
    const listed = (
      await t.app.inject(as(w.officer, { method: 'GET', url: '/api/disaster-signoffs?status=used' }))
    ).json();
    expect(listed.signoffs.map((s: { id: number }) => s.id)).toEqual([req.id]);
  });

  it('records a telephone consent as the officer’s record of the leader’s word', async () => {
    const followup = { kind: 'followup', title: '关于6月19日洪涝灾情的续报（第一次）', text: '续报正文' };
    const notLeader = await send({ ...followup, phoneConsentBy: 'wangfang' });
    expect(notLeader.statusCode).toBe(422);
    const res = await send({ ...followup, phoneConsentBy: 'liuqiang' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reports[0].signoff).toMatchObject({
      kind: 'phone_consent',
      leader: 'liuqiang',
      leaderName: '刘强',
      recordedBy: 'wangfang',
      recordedByName: '王芳',
      requestId: null,
    });
  });

  it('lets a leader send it themself, signed off by their own hand', async () => {
    const res = await send({ kind: 'followup', title: '续报（第二次）', text: '续报正文二' }, w.otherLeader);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reports[0].signoff).toMatchObject({
      kind: 'leader',
      leader: 'liuqiang',
      recordedBy: 'liuqiang',
    });
    expect(await sentCount()).toBe(3);
  });
});
