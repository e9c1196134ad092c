import { checkReportText } from '@shared/domain/report-checklist';
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

/** The gas-explosion call: a restaurant blew up at 7:05, the district fire brigade phoned at 7:12. */
const GAS_CALL = {
  category: 'urban_gas',
  occurredAt: '2026-12-06T07:05:00+08:00',
  location: { address: '长青街道和平路126号' },
  caller: { name: '李文涛', unit: '区消防救援大队', phone: '13900001111' },
  accidentUnit: { name: '老王家常餐馆', type: '个体工商户' },
  summary: '店内厨房发生燃气爆炸并起火，消防和120已到场',
  casualties: { minorInjuries: 2 },
  source: 'phone',
};

describe.each(DIALECTS)('accident unit and report drafts on %s', (dialect) => {
  const clock = fixedClock('2026-12-05T23:12:00Z'); // 7:12 on 6 December in Shanghai
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

  const get = (url: string) => t.app.inject(as(officer, { method: 'GET', url }));
  const draft = async (id: number, kind: string) => {
    const res = await get(`/api/incidents/${id}/reports/draft?kind=${kind}`);
    expect(res.statusCode).toBe(200);
    return res.json().text as string;
  };

  it('stores the accident unit apart from the caller, returns it, edits and clears it', async () => {
    const created = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/incidents', payload: GAS_CALL }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json().accidentUnit).toEqual({ name: '老王家常餐馆', type: '个体工商户' });
    expect((await get(`/api/incidents/${id}`)).json().incident.accidentUnit).toEqual({
      name: '老王家常餐馆',
      type: '个体工商户',
    });

    const patched = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        payload: { accidentUnit: { name: '老王家常餐馆', address: '和平路126号一层' } },
      }),
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json().accidentUnit).toEqual({ name: '老王家常餐馆', address: '和平路126号一层' });

    const wrong = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        payload: { accidentUnit: { name: 'x', boss: 'y' } },
      }),
    );
    expect(wrong.statusCode).toBe(400);

    const cleared = await t.app.inject(
      as(officer, { method: 'PATCH', url: `/api/incidents/${id}`, payload: { accidentUnit: null } }),
    );
    expect(cleared.json().accidentUnit).toBeNull();
    expect(await draft(id, 'initial')).toContain(
      '（一）事发单位概况。事发单位名称、性质及证照等情况正在核实。',
    );
  });

  it('drafts a 首报 that names the restaurant and a 续报 that carries later dispatches and instructions', async () => {
    clock.set('2026-12-05T23:12:00Z');
    const id = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: GAS_CALL }))
    ).json().id as number;
    const first = await draft(id, 'initial');
    expect(first).toContain(
      '（一）事发单位概况。事发单位为老王家常餐馆，系个体工商户；其证照等情况正在核实。',
    );
    expect(first).toContain(
      '12月6日7时12分，我局接区消防救援大队报告：7时05分许，长青街道和平路126号老王家常餐馆发生一起燃气爆炸事故',
    );
    expect(first).not.toMatch(/wangfang|[A-Za-z]|时0分/u);
    expect(
      checkReportText(first, { callerUnit: '区消防救援大队', accidentUnit: '老王家常餐馆', sixItems: true }),
    ).toEqual([]);

    clock.set('2026-12-06T00:40:00Z'); // 8:40
    const sent = await t.app.inject(
      as(leader, {
        method: 'POST',
        url: `/api/incidents/${id}/reports`,
        payload: { kind: 'initial', channel: 'phone', recipient: '市应急管理局' },
      }),
    );
    expect(sent.statusCode).toBe(201);

    clock.set('2026-12-06T00:45:00Z'); // 8:45: a dispatch after the 首报
    const dispatched = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${id}/actions`,
        payload: { type: 'dispatch', text: '区卫生健康委调派3辆救护车转运伤员' },
      }),
    );
    expect(dispatched.statusCode).toBe(201);
    clock.set('2026-12-06T00:50:00Z'); // 8:50: an instruction
    await t.app.inject(
      as(leader, {
        method: 'POST',
        url: `/api/incidents/${id}/actions`,
        payload: { type: 'instruction', text: '全力救治伤员，尽快查明原因' },
      }),
    );
    clock.set('2026-12-06T06:00:00Z'); // 14:00
    const next = await draft(id, 'followup');
    expect(next.split('\n')).toEqual([
      '关于长青街道和平路一餐馆燃气爆炸事故的续报（第一次）',
      '',
      '　　我局已于12月6日8时40分报送首报。截至6日14时，事故有关进展续报如下：',
      '　　一、现场处置。8时45分，区卫生健康委调派3辆救护车转运伤员。8时50分，有关领导作出指示：“全力救治伤员，尽快查明原因”。',
      '　　二、下一步工作。我局将继续跟踪事故处置进展，有关情况将及时续报。',
    ]);
    expect(checkReportText(next)).toEqual([]);
  });
});
