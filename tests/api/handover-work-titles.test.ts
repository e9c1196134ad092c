/**
 * The draft's 报告情况 lines come from the report rows (what was sent); the incident each is about is
 * named as the event log recorded it when the report was sent. An incident received on the shift
 * before, reported during this one, then moved to another address and closed, is neither received
 * nor open: its lines keep the address it was reported under, not the one it has now.
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

describe.each(DIALECTS)('handover report lines of an incident moved after its reports on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let outgoing: string;
  let id: number;
  const call = async (name: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
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

    // 08:20, before this shift: received on the shift before.
    clock.set('2026-03-05T00:20:00Z');
    id = (
      await call(outgoing, 'POST', '/api/incidents', { ...CALL, occurredAt: '2026-03-05T08:10:00+08:00' })
    ).json().id;
    clock.set('2026-03-05T00:35:00Z');
    const phone = { kind: 'initial', channel: 'phone', recipient: '区应急管理局总值班室' };
    expect((await call(outgoing, 'POST', `/api/incidents/${id}/reports`, phone)).statusCode).toBe(201);
    clock.set('2026-03-05T00:44:00Z');
    const final = { kind: 'final', channel: 'phone', recipient: '区总值班室' };
    expect((await call(outgoing, 'POST', `/api/incidents/${id}/reports`, final)).statusCode).toBe(201);
    // After the last report: the address is corrected, then the incident closed.
    clock.set('2026-03-05T00:50:00Z');
    const moved = { location: { address: '人民路 8 号' } };
    expect((await call(outgoing, 'PATCH', `/api/incidents/${id}`, moved)).statusCode).toBe(200);
    clock.set('2026-03-05T00:55:00Z');
    expect(
      (await call(outgoing, 'POST', `/api/incidents/${id}/close`, { outcome: '处置完毕' })).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it('names the incident as it was when reported', async () => {
    clock.set('2026-03-06T00:20:00Z');
    const res = await call(outgoing, 'GET', '/api/handovers/draft');
    expect(res.statusCode).toBe(200);
    const draft: HandoverDraft = res.json();
    const text = Object.fromEntries(draft.sections.map((s) => [s.key, s.text]));
    const name = NAMES[outgoing];
    expect(draft.openIncidents).toEqual([]);
    expect(text.received).toBe('无');
    expect(text.reports).toBe(
      [
        `1. 03-05 08:35 #${id} 道路交通：幸福路与建设路交叉口 首报（电话）报 区应急管理局总值班室，${name}`,
        `2. 03-05 08:44 #${id} 道路交通：幸福路与建设路交叉口 终报（电话）报 区总值班室，${name}`,
      ].join('\n'),
    );
    // The incident itself is at its new address now.
    expect((await call(outgoing, 'GET', `/api/incidents/${id}`)).json().incident.location.address).toBe(
      '人民路 8 号',
    );
  });
});
