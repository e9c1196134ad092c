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
import { CALL, MAJOR_CALL } from '../helpers/incidents';

describe.each(DIALECTS)('incident intake and reporting on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
  });
  afterAll(() => t.close());
  // Tests move the shared clock; each starts at 02:50 on 5 March again, whether the last passed or not.
  afterEach(() => clock.set('2026-03-04T18:50:00Z'));

  const post = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload, headers }));
  const report = (id: number, payload: object, s = officer) =>
    t.app.inject(as(s, { method: 'POST', url: `/api/incidents/${id}/reports`, payload }));

  it('grades a call under 493号令 and starts the clock on every report the law requires', async () => {
    const res = await post(CALL);
    expect(res.statusCode).toBe(201);
    const incident = res.json();
    expect(incident).toMatchObject({
      grade: 'III',
      gradeBasis: 'regulation_493',
      nearMiss: false,
      stage: 'received',
      receivedAt: '2026-03-04T18:50:00.000Z',
    });
    // 较大 under the national defaults: written within 2 h, counted from receipt; the 30 min phone /
    // 1 h written rule is for 重大 and 特别重大 (2015 notice).
    const due = Object.fromEntries(
      incident.obligations.map((o: { kind: string; dueAt: string }) => [o.kind, o.dueAt]),
    );
    expect(due).toEqual({
      initial_written: '2026-03-04T20:50:00.000Z',
      final: null,
    });
    expect(incident.nextDueAt).toBe('2026-03-04T20:50:00.000Z');
  });

  it('counts a report exactly at its deadline on time and one a second later as late', async () => {
    // 重大: the phone 首报 is due at 19:20.
    const a = (await post(MAJOR_CALL)).json();
    clock.set('2026-03-04T19:20:00Z');
    const onTime = await report(a.id, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区应急管理局总值班室',
    });
    expect(onTime.statusCode).toBe(201);
    expect(onTime.json()).toMatchObject({ number: 1, title: '首报', late: false, channel: 'phone' });
    clock.set('2026-03-04T18:50:00Z');
    const b = (await post(MAJOR_CALL)).json();
    clock.set('2026-03-04T19:20:01Z');
    expect(
      (await report(b.id, { kind: 'initial', channel: 'phone', recipient: '区应急管理局总值班室' })).json()
        .late,
    ).toBe(true);
  });

  it('numbers reports 首报, 续报一, 续报二, 终报; a written one needs a leader to sign it off', async () => {
    const a = (await post(CALL)).json();
    expect((await report(a.id, { kind: 'followup', channel: 'phone', recipient: 'x' })).statusCode).toBe(409);
    const unsigned = await report(a.id, { kind: 'initial', channel: 'written', recipient: '市应急管理局' });
    expect(unsigned.json().error.code).toBe('DUTY_ERR_SIGNOFF_REQUIRED');
    const first = await report(a.id, {
      kind: 'initial',
      channel: 'written',
      recipient: '市应急管理局',
      phoneConsentBy: 'liuqiang',
    });
    expect(first.json()).toMatchObject({
      title: '首报',
      signedOffBy: 'liuqiang',
      signoff: { kind: 'phone_consent', leader: 'liuqiang', recordedBy: 'wangfang' },
    });
    expect(first.json().text).toContain('（一）');
    expect(first.json().text).toContain('（六）');
    const titles = [];
    for (const kind of ['followup', 'followup', 'final'])
      titles.push(
        (await report(a.id, { kind, channel: 'written', recipient: '市应急管理局' }, leader)).json().title,
      );
    expect(titles).toEqual(['续报一', '续报二', '终报']);
  });

  it('refuses to close without the 终报, closes with it; a report cannot be edited or deleted', async () => {
    const a = (await post(CALL)).json();
    const early = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/incidents/${a.id}/close`, payload: { outcome: '已处置' } }),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DUTY_ERR_FINAL_REPORT_REQUIRED');
    await report(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' });
    await report(a.id, { kind: 'final', channel: 'phone', recipient: '区总值班室' });
    const closed = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${a.id}/close`,
        payload: { outcome: '现场清理完毕，道路恢复通行' },
      }),
    );
    expect(closed.json()).toMatchObject({ stage: 'closed', outcome: '现场清理完毕，道路恢复通行' });
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject(
        as(officer, {
          method,
          url: `/api/incidents/${a.id}/reports/1`,
          payload: method === 'DELETE' ? undefined : { text: '改' },
        }),
      );
      expect(res.statusCode).toBe(409);
    }
    await expect(
      t.app.db
        .updateTable('incident_reports')
        .set({ text: 'tampered' })
        .where('incident_id', '=', a.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.app.db.deleteFrom('incident_reports').where('incident_id', '=', a.id).execute(),
    ).rejects.toThrow(/immutable/);
  });

  it('re-grades when figures change, records old → new, and a 续报 falls due the same day', async () => {
    const a = (await post({ ...CALL, casualties: { deaths: 1 } })).json();
    expect(a.grade).toBe('IV');
    await report(a.id, { kind: 'initial', channel: 'phone', recipient: '区总值班室' });
    clock.set('2026-03-05T04:00:00Z'); // 12:00 local
    const patched = await t.app.inject(
      as(officer, { method: 'PATCH', url: `/api/incidents/${a.id}`, payload: { casualties: { deaths: 3 } } }),
    );
    expect(patched.json().grade).toBe('III');
    const change = patched.json().obligations.find((o: { kind: string }) => o.kind === 'followup_change');
    // Due by the end of that local day: midnight in Shanghai is 16:00 UTC.
    expect(change).toMatchObject({ dueAt: '2026-03-05T16:00:00.000Z', doneAt: null });
    const events = (
      await t.app.inject(
        as(await signInAdmin(t.app), { method: 'GET', url: '/api/events?type=incident.updated' }),
      )
    ).json().events;
    expect(events[0].payload).toMatchObject({
      gradeFrom: 'IV',
      gradeTo: 'III',
      changed: expect.arrayContaining(['casualties.deaths']),
    });
  });

  it('flags a tip-off learned more than an hour after the event, for checking', async () => {
    const a = (await post({ ...CALL, source: 'tip_off', occurredAt: '2026-03-05T01:49:59+08:00' })).json();
    expect(a.lateDiscovery).toContain('待核查');
    const b = (await post({ ...CALL, source: 'tip_off', occurredAt: '2026-03-05T01:50:00+08:00' })).json();
    expect(b.lateDiscovery).toBeNull();
  });

  it('lets only leaders give instructions and acknowledge receipt', async () => {
    const a = (await post(CALL)).json();
    expect(
      (
        await t.app.inject(
          as(officer, {
            method: 'POST',
            url: `/api/incidents/${a.id}/actions`,
            payload: { type: 'instruction', text: '立即赶赴现场' },
          }),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject(
          as(leader, {
            method: 'POST',
            url: `/api/incidents/${a.id}/actions`,
            payload: { type: 'instruction', text: '立即赶赴现场' },
          }),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await t.app.inject(as(officer, { method: 'POST', url: `/api/incidents/${a.id}/acknowledge` })))
        .statusCode,
    ).toBe(403);
    const ack = await t.app.inject(as(leader, { method: 'POST', url: `/api/incidents/${a.id}/acknowledge` }));
    expect(ack.json()).toMatchObject({
      acknowledgedBy: 'liuqiang',
      acknowledgedAt: '2026-03-04T18:50:00.000Z',
    });
    const detail = (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${a.id}` }))).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'incident.created',
      'incident.action',
      'incident.acknowledged',
    ]);
  });
});

describe('linking likely duplicates', () => {
  it('offers the same place as similar and records the link on both incidents', async () => {
    const t = await startApp({ clock: fixedClock('2026-03-04T18:50:00Z') });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    const officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const post = async () =>
      (await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))).json();
    const a = await post();
    const b = await post();
    const detail = (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${b.id}` }))).json();
    expect(detail.similar.map((s: { id: number }) => s.id)).toEqual([a.id]);
    const linked = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/incidents/${b.id}/link`, payload: { otherId: a.id } }),
    );
    expect(linked.statusCode).toBe(201);
    const actionsOf = async (id: number) =>
      (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${id}` })))
        .json()
        .actions.map((x: { text: string }) => x.text);
    expect(await actionsOf(a.id)).toEqual([`关联事件 #${b.id}（疑似同一事件）`]);
    expect(await actionsOf(b.id)).toEqual([`关联事件 #${a.id}（疑似同一事件）`]);
    await t.close();
  });
});

describe('obligations in order', () => {
  it('lists obligations by deadline with the 终报 (no deadline) last', async () => {
    const t = await startApp({ clock: fixedClock('2026-03-04T18:50:00Z') });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    const officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const incident = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: MAJOR_CALL }))
    ).json();
    expect(incident.obligations.map((o: { kind: string }) => o.kind)).toEqual([
      'initial_phone',
      'initial_written',
      'final',
    ]);
    await t.close();
  });
});
