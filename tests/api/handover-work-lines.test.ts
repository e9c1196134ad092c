/**
 * The draft's 报告情况 and 领导批示 lines are written from what was sent and instructed (the report and
 * action rows, each recorded with its event). An incident received on the shift before and closed
 * during this one is neither received nor open: its title comes from the events, as recorded then.
 * Expected lines are written out by hand (Asia/Shanghai wall clock).
 */
import type { HandoverDraft } from '@shared/schemas/handover';
import type { Shift } from '@shared/schemas/roster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { publishMarchFor } from '../helpers/roster';

const NAMES: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊' };

describe.each(DIALECTS)('handover report and instruction lines on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let outgoing: string;
  let earlier: number;
  let later: number;
  const call = async (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), { method, url, ...(payload ? { payload } : {}) }),
    );

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    const admin = await signInAdmin(t.app);
    const march = await publishMarchFor(t.app, admin, NAMES);
    const shift = march.shifts.find((s: Shift) => s.dutyDate === '2026-03-05' && s.role === 'officer')!;
    outgoing = Object.keys(NAMES).find((u) => NAMES[u] === shift.userName)!;
    expect(shift.start).toBe('2026-03-05T00:30:00.000Z');

    // 08:20, before this shift: received on the shift before; reported, instructed, closed during this one.
    clock.set('2026-03-05T00:20:00Z');
    earlier = (
      await call(outgoing, 'POST', '/api/incidents', { ...CALL, occurredAt: '2026-03-05T08:10:00+08:00' })
    ).json().id;
    clock.set('2026-03-05T00:35:00Z');
    const phone = { kind: 'initial', channel: 'phone', recipient: '区应急管理局总值班室' };
    expect((await call(outgoing, 'POST', `/api/incidents/${earlier}/reports`, phone)).statusCode).toBe(201);
    clock.set('2026-03-05T00:40:00Z');
    const instruction = { type: 'instruction', text: '核实伤亡，及时续报' };
    expect(
      (await call('liuqiang', 'POST', `/api/incidents/${earlier}/actions`, instruction)).statusCode,
    ).toBe(201);
    clock.set('2026-03-05T00:44:00Z');
    const final = { kind: 'final', channel: 'phone', recipient: '区总值班室' };
    expect((await call(outgoing, 'POST', `/api/incidents/${earlier}/reports`, final)).statusCode).toBe(201);
    clock.set('2026-03-05T00:45:00Z');
    expect(
      (await call(outgoing, 'POST', `/api/incidents/${earlier}/close`, { outcome: '处置完毕' })).statusCode,
    ).toBe(200);
    // 09:00, during this shift: received and reported.
    clock.set('2026-03-05T01:00:00Z');
    later = (
      await call(outgoing, 'POST', '/api/incidents', {
        ...CALL,
        location: { address: '人民路 8 号' },
        occurredAt: '2026-03-05T08:55:00+08:00',
      })
    ).json().id;
    clock.set('2026-03-05T01:05:00Z');
    expect((await call(outgoing, 'POST', `/api/incidents/${later}/reports`, phone)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('writes each report sent and each instruction given, with the titles the events recorded', async () => {
    clock.set('2026-03-06T00:20:00Z');
    const res = await call(outgoing, 'GET', '/api/handovers/draft');
    expect(res.statusCode).toBe(200);
    const draft: HandoverDraft = res.json();
    const text = Object.fromEntries(draft.sections.map((s) => [s.key, s.text]));
    const name = NAMES[outgoing];
    expect(draft.openIncidents.map((o) => o.id)).toEqual([later]);
    expect(text.reports).toBe(
      [
        `1. 03-05 08:35 #${earlier} 道路交通：幸福路与建设路交叉口 首报（电话）报 区应急管理局总值班室，${name}`,
        `2. 03-05 08:44 #${earlier} 道路交通：幸福路与建设路交叉口 终报（电话）报 区总值班室，${name}`,
        `3. 03-05 09:05 #${later} 道路交通：人民路 8 号 首报（电话）报 区应急管理局总值班室，${name}`,
      ].join('\n'),
    );
    expect(text.instructions).toBe(
      `1. 03-05 08:40 刘强 就 #${earlier} 道路交通：幸福路与建设路交叉口 批示：核实伤亡，及时续报`,
    );
  });
});
