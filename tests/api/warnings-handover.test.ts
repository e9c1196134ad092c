import type { Handover, HandoverDraft } from '@shared/schemas/handover';
import type { Shift } from '@shared/schemas/roster';
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
import { publishMarch } from '../helpers/roster';

/** The handover's 预警与应急响应: what was in force during the shift and the consultations held. */
describe('warnings and responses in the handover', () => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let outgoing: string;
  const session = (name: string): Promise<Session> => signIn(t.app, name, USER_PASSWORD);
  const call = async (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(as(await session(name), { method, url, ...(payload ? { payload } : {}) }));

  beforeAll(async () => {
    t = await startApp({ clock });
    const admin = await signInAdmin(t.app);
    const names: Record<number, string> = {};
    const ids: number[] = [];
    for (const name of ['wangfang', 'lijun', 'zhaolei']) {
      const u = await createUser(t.app, admin, { username: name, roles: ['officer'] });
      ids.push(u.id);
      names[u.id] = name;
    }
    const leader = await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    const march = await publishMarch(t.app, admin, {
      officers: ids,
      leaders: [leader.id],
      overrideReason: 'test',
    });
    const shift = march.shifts.find((s: Shift) => s.dutyDate === '2026-03-05' && s.role === 'officer')!;
    outgoing = names[shift.userId]!;

    // Before the shift: a 大风蓝色 warning lifted before it began (not listed).
    clock.set('2026-03-04T06:00:00Z');
    const gale = (
      await call(outgoing, 'POST', '/api/warnings', {
        type: 'gale',
        level: 'blue',
        issuer: '区气象台',
        issuedAt: '2026-03-04T12:00:00+08:00',
        text: '大风',
      })
    ).json();
    clock.set('2026-03-04T08:00:00Z');
    await call(outgoing, 'POST', `/api/warnings/${gale.id}/lift`, {});

    // During the shift (Beijing 03-05 08:30 → 03-06 08:30).
    clock.set('2026-03-05T02:00:00Z');
    const fire = (
      await call(outgoing, 'POST', '/api/warnings', {
        type: 'forest_fire',
        level: 'orange',
        issuer: '区林业局',
        issuedAt: '2026-03-05T10:00:00+08:00',
        area: ['北山镇'],
        text: '森林火险等级高',
      })
    ).json();
    clock.set('2026-03-05T03:00:00Z');
    await call('liuqiang', 'POST', '/api/responses', {
      headquarters: 'forest_fire',
      level: 'IV',
      orderText: '启动森林防灭火Ⅳ级应急响应',
    });
    await call('liuqiang', 'POST', '/api/consultations', {
      heldAt: '2026-03-05T11:30:00+08:00',
      participants: ['区应急局', '区林业局'],
      conclusions: '火险持续',
      orders: '加强巡山',
    });
    clock.set('2026-03-05T12:00:00Z');
    await call(outgoing, 'POST', `/api/warnings/${fire.id}/lift`, {});
    // After the shift: not listed.
    await call('liuqiang', 'POST', '/api/consultations', {
      heldAt: '2026-03-06T09:00:00+08:00',
      participants: ['区应急局'],
      conclusions: '次日会商',
    });
  });
  afterAll(() => t.close());

  it('drafts the section from the shift window and keeps it through the submitted record and its Markdown', async () => {
    clock.set('2026-03-06T00:20:00Z');
    const draft: HandoverDraft = (await call(outgoing, 'GET', '/api/handovers/draft')).json();
    const section = draft.sections.find((s) => s.key === 'warnings')!;
    expect(section.title).toBe('预警与应急响应');
    expect(section.text).toBe(
      [
        '1. 森林火险橙色预警（区林业局，03-05 10:00 生效，03-05 20:00 解除；范围：北山镇）',
        '2. 森林防灭火Ⅳ级应急响应（森林防灭火指挥部，03-05 11:00 启动，仍在响应）',
        '3. 03-05 11:30 会商研判（区应急局、区林业局）：火险持续；部署：加强巡山',
      ].join('\n'),
    );
    // Right after the people on duty.
    expect(draft.sections.map((s) => s.key).slice(0, 3)).toEqual(['people', 'warnings', 'attendance']);

    const submitted = await call(outgoing, 'POST', '/api/handovers', { content: [], pending: [] });
    expect(submitted.statusCode).toBe(201);
    const h: Handover = submitted.json();
    expect(h.content.sections.find((s) => s.key === 'warnings')!.text).toBe(section.text);
    const md = await call(outgoing, 'GET', `/api/handovers/${h.id}.md`);
    expect(md.body).toContain('## 预警与应急响应');
    expect(md.body).toContain('森林防灭火Ⅳ级应急响应（森林防灭火指挥部，03-05 11:00 启动，仍在响应）');
  });
});
