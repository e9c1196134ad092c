import type { AnyDutyEvent } from '@shared/events';
import type { FastifyInstance } from 'fastify';
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
import { closeAllConsoles, connectConsole } from '../helpers/live-client';
import { publishMarch } from '../helpers/roster';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai, inside the duty day of 10 March
const CHAIN = {
  delayMinutes: 10,
  steps: [{ label: '备班领导', name: '赵敏', phone: '13800000001' }],
};

interface Network {
  admin: Session;
  officers: Record<string, Session>;
  leaders: Record<string, Session>;
  towns: { id: number; path: string; name: string }[];
  community: { id: number; path: string; name: string };
  townOfficers: Session[];
}

/** The district (a roster for March), four townships (one a development zone), one community. */
async function network(app: FastifyInstance): Promise<Network> {
  const admin = await signInAdmin(app);
  const ids: Record<string, number> = {};
  for (const [username, roles] of Object.entries({
    o1: ['officer'],
    o2: ['officer'],
    o3: ['officer'],
    l1: ['leader'],
    l2: ['leader'],
  })) {
    ids[username] = (await createUser(app, admin, { username, roles })).id;
  }
  await publishMarch(app, admin, { officers: [ids.o1!, ids.o2!, ids.o3!], leaders: [ids.l1!, ids.l2!] });
  const officers: Record<string, Session> = {};
  const leaders: Record<string, Session> = {};
  for (const n of ['o1', 'o2', 'o3']) officers[n] = await signIn(app, n, USER_PASSWORD);
  for (const n of ['l1', 'l2']) leaders[n] = await signIn(app, n, USER_PASSWORD);
  const towns = [
    await addUnit(app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' }),
    await addUnit(app, DISTRICT, { name: '乙街道', kind: 'street', code: 'T2' }),
    await addUnit(app, DISTRICT, { name: '丙开发区', kind: 'dev_zone', code: 'T3' }),
    await addUnit(app, DISTRICT, { name: '丁镇', kind: 'township', code: 'T4' }),
  ];
  const community = await addUnit(app, towns[0]!, { name: '甲一社区', kind: 'community', code: 'C11' });
  const names = ['张甲', '李乙', '王丙', '赵丁'];
  const townOfficers: Session[] = [];
  for (const [i, town] of towns.entries()) {
    townOfficers.push(
      await unitPerson(app, admin, town.id, {
        username: `t${i + 1}`,
        roles: ['officer'],
        displayName: names[i],
      }),
    );
  }
  return { admin, officers, leaders, towns, community, townOfficers };
}

describe.each(DIALECTS)('township duty posts and 全区查岗 on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let n: Network;

  beforeAll(async () => {
    t = await startApp({ dialect, clock, listen: true });
    n = await network(t.app);
    const put = await t.app.inject(
      as(n.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }),
    );
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => {
    closeAllConsoles();
    await t.close();
  });

  it('names the person on duty at a township, who checks in; the board shows it', async () => {
    clock.set(START);
    const [town] = n.towns;
    const me = n.townOfficers[0]!;
    const assigned = await t.app.inject(
      as(me, {
        method: 'PUT',
        url: `/api/posts/${town!.id}/today`,
        payload: { userId: me.user.id, phone: '0571-88001001' },
      }),
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      unitId: town!.id,
      unitName: '甲镇',
      dutyDate: '2026-03-10',
      displayName: '张甲',
      phone: '0571-88001001',
      checkedInAt: null,
    });
    // Someone of another township does not hold 甲镇's post.
    const other = await t.app.inject(
      as(n.admin, {
        method: 'PUT',
        url: `/api/posts/${town!.id}/today`,
        payload: { userId: n.townOfficers[1]!.user.id, phone: '0571-88001002' },
      }),
    );
    expect(other.statusCode, other.body).toBe(422);
    // A sibling township neither sees nor names 甲镇's post: no existence leak.
    const sibling = await t.app.inject(
      as(n.townOfficers[1]!, {
        method: 'PUT',
        url: `/api/posts/${town!.id}/today`,
        payload: { userId: me.user.id, phone: '0571-88001001' },
      }),
    );
    expect(sibling.statusCode, sibling.body).toBe(404);

    clock.set('2026-03-10T02:00:30.000Z');
    const checkIn = await t.app.inject(
      as(me, { method: 'POST', url: `/api/posts/${town!.id}/check-in`, payload: {} }),
    );
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    expect(checkIn.json().checkedInAt).toBe('2026-03-10T02:00:30.000Z');
    const again = await t.app.inject(
      as(me, { method: 'POST', url: `/api/posts/${town!.id}/check-in`, payload: {} }),
    );
    expect(again.statusCode).toBe(409);

    const board = (await t.app.inject(as(n.leaders.l1!, { method: 'GET', url: '/api/posts/board' }))).json();
    const row = board.units.find((u: { unitId: number }) => u.unitId === town!.id);
    expect(row.duty).toMatchObject({ displayName: '张甲', checkedInAt: '2026-03-10T02:00:30.000Z' });
    // The community has no A角 nor B角 informant: flagged.
    const community = board.units.find((u: { unitId: number }) => u.unitId === n.community.id);
    expect(community.informants).toEqual({ A: null, B: null, gap: true });
    // 甲镇's board holds itself and its community only.
    const own = (await t.app.inject(as(me, { method: 'GET', url: '/api/posts/board' }))).json();
    expect(own.units.map((u: { name: string }) => u.name)).toEqual(['甲镇', '甲一社区']);
  });

  it('全区查岗 of 4 townships, 3 answering: 3 answered and 1 missed, live and once; the leader on call alerted; the result logged', async () => {
    clock.set(START);
    const district = await connectConsole(t.url, { cookie: n.leaders.l1!.cookie });
    const issued = await t.app.inject(
      as(n.leaders.l1!, { method: 'POST', url: '/api/posts/roll-calls', payload: {} }),
    );
    expect(issued.statusCode, issued.body).toBe(201);
    const call = issued.json();
    expect(call.checks).toHaveLength(4);
    // The configured limit is 5 minutes: 10:00 + 5 min.
    expect(call.dueAt).toBe('2026-03-10T02:05:00.000Z');
    expect(call.checks.map((c: { unitName: string }) => c.unitName)).toEqual([
      '甲镇',
      '乙街道',
      '丙开发区',
      '丁镇',
    ]);

    // A township answers only its own.
    const notMine = await t.app.inject(
      as(n.townOfficers[0]!, {
        method: 'POST',
        url: `/api/posts/spot-checks/${call.checks[1].id}/answer`,
        payload: {},
      }),
    );
    expect(notMine.statusCode).toBe(404);

    clock.set('2026-03-10T02:01:00.000Z');
    for (const i of [0, 1, 2]) {
      const open = await t.app.inject(
        as(n.townOfficers[i]!, { method: 'GET', url: '/api/posts/spot-checks/open' }),
      );
      expect(open.json().checks.map((c: { id: number }) => c.id)).toEqual([call.checks[i].id]);
      const res = await t.app.inject(
        as(n.townOfficers[i]!, {
          method: 'POST',
          url: `/api/posts/spot-checks/${call.checks[i].id}/answer`,
          payload: {},
        }),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'answered', answeredAt: '2026-03-10T02:01:00.000Z' });
    }
    // At the limit itself nothing is missed yet.
    clock.set('2026-03-10T02:05:00.000Z');
    await t.app.scanner.runOnce();
    clock.set('2026-03-10T02:05:01.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();

    const head = (
      await t.app.inject(as(n.admin, { method: 'GET', url: '/api/events?after=0&limit=1000' }))
    ).json().events as AnyDutyEvent[];
    const escalationStarted = head.filter((e) => e.type === 'escalation.started');
    await district.appliedUpTo(escalationStarted.at(-1)!.seq);
    const live = district.received;
    const ofType = (type: string) => live.filter((e) => e.type === type);
    expect(ofType('unitcheck.issued')).toHaveLength(4);
    expect(ofType('unitcheck.answered')).toHaveLength(3);
    const missed = ofType('unitcheck.missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.subject).toBe(`unitcheck:${call.checks[3].id}`);
    // Once: the district console applied each event once.
    expect(new Set(district.applied.map((e) => e.seq)).size).toBe(district.applied.length);

    // The board, read as the console reads it after those events: 3 answered, 1 missed.
    const board = (await t.app.inject(as(n.leaders.l1!, { method: 'GET', url: '/api/posts/board' }))).json();
    const last = Object.fromEntries(
      board.units
        .filter((u: { kind: string }) => u.kind !== 'community')
        .map((u: { name: string; lastCheck: { status: string } }) => [u.name, u.lastCheck.status]),
    );
    expect(last).toEqual({ 甲镇: 'answered', 乙街道: 'answered', 丙开发区: 'answered', 丁镇: 'missed' });

    // The leader on call is alerted, once: one escalation for 丁镇's missed check.
    const escalations = (
      await t.app.inject(as(n.leaders.l1!, { method: 'GET', url: '/api/escalations?status=all' }))
    ).json().escalations as { id: number; kind: string; title: string; step: number; status: string }[];
    const forDing = escalations.filter((e) => e.title === '查岗未应答：丁镇（区级查岗）');
    expect(forDing).toHaveLength(1);
    expect(forDing[0]).toMatchObject({ kind: 'spotcheck', step: 0, status: 'active' });
    expect(
      ofType('escalation.started').filter((e) => e.subject === `escalation:${forDing[0]!.id}`),
    ).toHaveLength(1);

    // The roll-call result in the district's duty log, once, and in the shift's handover.
    const content =
      '全区查岗 #1（10:00 发起，10:05 前回复）：已应答 3/4：甲镇 张甲 10:01、乙街道 李乙 10:01、丙开发区 王丙 10:01；未应答 1：丁镇。';
    const log = (await t.app.inject(as(n.officers.o1!, { method: 'GET', url: '/api/logbook' }))).json();
    const entries = log.entries.filter((e: { content: string }) => e.content.startsWith('全区查岗'));
    expect(entries.map((e: { content: string; at: string }) => [e.content, e.at])).toEqual([
      [content, '2026-03-10T02:05:00.000Z'],
    ]);
    const rollCall = (
      await t.app.inject(as(n.leaders.l1!, { method: 'GET', url: `/api/posts/roll-calls/${call.id}` }))
    ).json();
    expect(rollCall).toMatchObject({ completedAt: '2026-03-10T02:05:01.000Z', logEntryId: entries[0].id });
    const onDuty = (await t.app.inject(as(n.admin, { method: 'GET', url: '/api/duty/now' }))).json();
    const officer = n.officers[onDuty.officers[0].userName as string]!;
    const draft = await t.app.inject(as(officer, { method: 'GET', url: '/api/handovers/draft' }));
    expect(draft.statusCode, draft.body).toBe(200);
    const notes = draft.json().sections.find((x: { key: string }) => x.key === 'notes');
    expect(notes.text).toContain(`10:05 ${content}`);

    // A late answer makes 丁镇 late, never answered; nothing is raised again.
    clock.set('2026-03-10T02:07:00.000Z');
    const late = await t.app.inject(
      as(n.townOfficers[3]!, {
        method: 'POST',
        url: `/api/posts/spot-checks/${call.checks[3].id}/answer`,
        payload: {},
      }),
    );
    expect(late.json().status).toBe('late');
    await t.app.scanner.runOnce();
    const after = (
      await t.app.inject(
        as(n.admin, { method: 'GET', url: '/api/events?after=0&limit=1000&type=unitcheck.missed' }),
      )
    ).json().events;
    expect(after).toHaveLength(1);
    district.close();
  });

  it('only the district spot-checks; a township cannot issue', async () => {
    const res = await t.app.inject(
      as(n.townOfficers[0]!, {
        method: 'POST',
        url: `/api/posts/${n.towns[1]!.id}/spot-checks`,
        payload: {},
      }),
    );
    expect(res.statusCode).toBe(403);
  });
});
