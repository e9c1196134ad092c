import type { DutyNow } from '@shared/schemas/attendance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

// Real warnings and responses drive the duty (DESIGN §2.5). Asia/Shanghai (UTC+8), hand-over 08:30
// local: duty day 07-10 runs 07-10 08:30 → 07-11 08:30, duty day 07-11 runs 07-11 08:30 → 07-12 08:30.
// The flood season is switched off so the warnings are the only cause.
describe.each(DIALECTS)('warnings and responses strengthen the duty on %s', (dialect) => {
  const clock = fixedClock('2026-07-10T07:00:00.000Z'); // 07-10 15:00 local
  let t: TestApp;
  let officerId = 0;

  // A fresh session each call: the clock moves by days. Warnings are typed in by the duty officer.
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, who = 'admin') => {
    const session = who === 'admin' ? await signInAdmin(t.app) : await signIn(t.app, who, USER_PASSWORD);
    const res = await t.app.inject(as(session, { method, url, payload }));
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const dutyAt = (localIso: string) =>
    call('GET', `/api/duty/at?time=${encodeURIComponent(localIso)}`) as Promise<DutyNow>;

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { tzName: 'Asia/Shanghai' } });
    const admin = await signInAdmin(t.app);
    const settings = await call('GET', '/api/settings/duty');
    await call('PUT', '/api/settings/duty', { ...settings, floodSeason: null });
    officerId = (await createUser(t.app, admin, { username: 'o1', roles: ['officer'] })).id;
    const leader = await createUser(t.app, admin, { username: 'l1', roles: ['leader'] });
    for (const day of ['2026-07-09', '2026-07-10', '2026-07-11', '2026-07-12']) {
      await call('POST', '/api/roster/shifts', {
        userId: officerId,
        role: 'officer',
        dutyDate: day,
        kind: 'full',
      });
      await call('POST', '/api/roster/shifts', {
        userId: leader.id,
        role: 'leader',
        dutyDate: day,
        kind: 'full',
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an orange rainstorm warning 07-10 15:00 → 07-11 10:00 strengthens both duty days it touches', async () => {
    const w = await call(
      'POST',
      '/api/warnings',
      {
        type: 'rainstorm',
        level: 'orange',
        issuer: '区气象台',
        issuedAt: '2026-07-10T15:00:00+08:00',
        text: '预计未来3小时内我区将出现50毫米以上降雨',
      },
      'o1',
    );
    clock.set('2026-07-11T02:00:00.000Z'); // 07-11 10:00 local: lifted
    await call('POST', `/api/warnings/${w.id}/lift`, {}, 'o1');

    // Inside the window, duty day 07-10: one officer rostered, two required, the warning named.
    expect(await dutyAt('2026-07-10T16:00:00+08:00')).toMatchObject({
      dutyDate: '2026-07-10',
      strengthened: true,
      officersRequired: 2,
      leaderOnSite: false,
      reasons: ['暴雨橙色预警'],
      shortfall: [{ need: 'officers', required: 2, actual: 1, reasons: ['暴雨橙色预警'] }],
    });
    // Duty day 07-11 (from 08:30) is touched by 08:30–10:00: strengthened for the whole duty day.
    expect(await dutyAt('2026-07-11T20:00:00+08:00')).toMatchObject({
      dutyDate: '2026-07-11',
      strengthened: true,
      shortfall: [{ need: 'officers', required: 2, actual: 1, reasons: ['暴雨橙色预警'] }],
    });
    // Before (duty day 07-09, ends 07-10 08:30) and after (07-12): ordinary days.
    for (const at of ['2026-07-10T08:00:00+08:00', '2026-07-12T09:00:00+08:00']) {
      expect(await dutyAt(at), at).toMatchObject({ strengthened: false, shortfall: [] });
    }
  });

  it('a yellow warning does not strengthen (below the configured orange)', async () => {
    clock.set('2026-07-12T02:00:00.000Z'); // 07-12 10:00 local
    await call(
      'POST',
      '/api/warnings',
      {
        type: 'rainstorm',
        level: 'yellow',
        issuer: '区气象台',
        issuedAt: '2026-07-12T10:00:00+08:00',
        text: '预计未来6小时内我区将出现50毫米以上降雨',
      },
      'o1',
    );
    expect(await dutyAt('2026-07-12T11:00:00+08:00')).toMatchObject({ strengthened: false, shortfall: [] });
  });

  it('a Ⅲ-level 防汛 response with the leader only on call is flagged: the leader must be in the room', async () => {
    await call(
      'POST',
      '/api/responses',
      {
        headquarters: 'flood_drought',
        level: 'III',
        startedAt: '2026-07-12T10:30:00+08:00',
        orderText: '区防汛抗旱指挥部决定启动防汛Ⅲ级应急响应',
      },
      'l1',
    );
    const now = await dutyAt('2026-07-12T11:00:00+08:00');
    expect(now).toMatchObject({ dutyDate: '2026-07-12', strengthened: true, leaderOnSite: true });
    expect(now.shortfall.map((s) => [s.need, s.required, s.actual, s.reasons])).toEqual([
      ['officers', 2, 1, ['防汛Ⅲ级应急响应']],
      ['leader_on_site', 1, 0, ['防汛Ⅲ级应急响应']],
    ]);
  });
});
