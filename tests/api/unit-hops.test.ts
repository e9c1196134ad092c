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
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai

/** A flood seen by a community informant: a natural disaster, no casualties. */
const REPORT = {
  category: 'flood',
  occurredAt: '2026-03-10T09:50:00+08:00',
  location: { address: '甲一社区 河堤路 12 号' },
  caller: { name: '陈信息员', phone: '13900002222' },
  summary: '河水漫过堤路，两户进水',
  source: 'phone',
};

interface Obligation {
  kind: string;
  key: string;
  dueAt: string | null;
  doneAt: string | null;
  late: boolean;
}

describe.each(DIALECTS)('reports flowing upward, hop by hop, on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let admin: Session;
  let district: Session;
  let township: Session;
  let sibling: Session;
  let informant: Session;
  let town: { id: number; path: string; name: string };
  let community: { id: number; path: string; name: string };

  beforeAll(async () => {
    t = await startApp({ dialect, clock, listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer'], displayName: '区值班员' });
    district = await signIn(t.app, 'o1', USER_PASSWORD);
    town = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    const other = await addUnit(t.app, DISTRICT, { name: '乙街道', kind: 'street', code: 'T2' });
    community = await addUnit(t.app, town, { name: '甲一社区', kind: 'community', code: 'C11' });
    township = await unitPerson(t.app, admin, town.id, {
      username: 't1',
      roles: ['officer'],
      displayName: '张甲',
    });
    sibling = await unitPerson(t.app, admin, other.id, { username: 't2', roles: ['officer'] });
    informant = await unitPerson(t.app, admin, community.id, {
      username: 'c1',
      roles: ['informant'],
      displayName: '陈信息员',
      informantRole: 'A',
    });
  });
  afterAll(async () => {
    closeAllConsoles();
    await t.close();
  });

  const file = async (who: Session, key: string) => {
    const res = await t.app.inject(
      as(who, {
        method: 'POST',
        url: '/api/incidents',
        payload: REPORT,
        headers: { 'idempotency-key': key },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; obligations: Obligation[] };
  };
  const take = (who: Session, id: number) =>
    t.app.inject(as(who, { method: 'POST', url: `/api/incidents/${id}/take`, payload: {} }));
  const hopsOf = (o: Obligation[]) => o.filter((x) => x.kind === 'hop');

  it("a community informant's report taken by the township after the 1-hour hop clock is late", async () => {
    clock.set(START);
    const watcher = await connectConsole(t.url, { cookie: district.cookie });
    const incident = await file(informant, 'hop-late-0001');
    // Received at the community 10:00: the township must take it by 11:00.
    expect(hopsOf(incident.obligations)).toEqual([
      {
        kind: 'hop',
        key: 'hop:communityToTownship',
        dueAt: '2026-03-10T03:00:00.000Z',
        doneAt: null,
        reportNumber: null,
        late: false,
        overdue: false,
      },
    ]);
    // It lands on the district board marked with its origin.
    await watcher.receivedCount(1);
    expect(watcher.received.find((e) => e.type === 'incident.created')?.subject).toBe(
      `incident:${incident.id}`,
    );
    const board = (await t.app.inject(as(district, { method: 'GET', url: '/api/posts/board' }))).json();
    expect(board.reports[0]).toMatchObject({ incidentId: incident.id, originUnitName: '甲一社区' });

    // Neither the community itself, nor a sibling township, takes it.
    expect((await take(informant, incident.id)).statusCode).toBe(403);
    expect((await take(sibling, incident.id)).statusCode).toBe(404);

    // 11:00:01, one second past the clock: the township takes it, late.
    clock.set('2026-03-10T03:00:01.000Z');
    const taken = await take(township, incident.id);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().hop).toMatchObject({
      hop: 'communityToTownship',
      fromUnitName: '甲一社区',
      toUnitName: '甲镇',
      receivedAt: '2026-03-10T02:00:00.000Z',
      receivedBy: 'c1',
      dueAt: '2026-03-10T03:00:00.000Z',
      takenAt: '2026-03-10T03:00:01.000Z',
      takenBy: 't1',
      late: true,
    });
    // The next hop runs from the township's receipt: 11:00:01 + 1.5 h = 12:30:01.
    expect(hopsOf(taken.json().incident.obligations).map((o) => [o.key, o.dueAt, o.doneAt, o.late])).toEqual([
      ['hop:communityToTownship', '2026-03-10T03:00:00.000Z', '2026-03-10T03:00:01.000Z', true],
      ['hop:townshipToDistrict', '2026-03-10T04:30:01.000Z', null, false],
    ]);
    expect((await take(township, incident.id)).statusCode).toBe(403);

    // The district checks it at 12:00, within its hop.
    clock.set('2026-03-10T04:00:00.000Z');
    const checked = await take(district, incident.id);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().hop).toMatchObject({ hop: 'townshipToDistrict', takenBy: 'o1', late: false });
    expect((await take(district, incident.id)).statusCode).toBe(409);

    // Who reported what and when, visible at every level: the township and the community read the trail.
    for (const who of [district, township, informant]) {
      const trail = await t.app.inject(as(who, { method: 'GET', url: `/api/incidents/${incident.id}/hops` }));
      expect(trail.statusCode, trail.body).toBe(200);
      expect(trail.json()).toMatchObject({
        originUnitName: '甲一社区',
        recordedBy: 'c1',
        receivedAt: '2026-03-10T02:00:00.000Z',
      });
      expect(trail.json().hops.map((h: { takenBy: string; late: boolean }) => [h.takenBy, h.late])).toEqual([
        ['t1', true],
        ['o1', false],
      ]);
    }
    const hidden = await t.app.inject(
      as(sibling, { method: 'GET', url: `/api/incidents/${incident.id}/hops` }),
    );
    expect(hidden.statusCode).toBe(404);
  });

  it('taken exactly at the hop clock is on time; an untaken hop is raised overdue once', async () => {
    clock.set(START);
    const onTime = await file(informant, 'hop-ontime-001');
    const waiting = await file(informant, 'hop-waits-0001');
    clock.set('2026-03-10T03:00:00.000Z');
    const taken = await take(township, onTime.id);
    expect(taken.json().hop).toMatchObject({ takenAt: '2026-03-10T03:00:00.000Z', late: false });
    await t.app.scanner.runOnce();
    clock.set('2026-03-10T03:00:01.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const overdue = (
      await t.app.inject(
        as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000&type=incident.overdue' }),
      )
    ).json().events as { subject: string; payload: { obligation: { key: string } } }[];
    const hopOverdue = overdue.filter((e) => e.payload.obligation.key === 'hop:communityToTownship');
    expect(hopOverdue.map((e) => e.subject)).toEqual([`incident:${waiting.id}`]);
  });

  it('the per-hop clocks are profile values', async () => {
    const policy = (await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/deadlines' }))).json();
    const put = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/settings/deadlines',
        payload: { ...policy, hops: { communityToTownship: 'PT30M', townshipToDistrict: 'PT45M' } },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    clock.set('2026-03-10T05:00:00.000Z');
    const incident = await file(informant, 'hop-profile-01');
    expect(hopsOf(incident.obligations).map((o) => o.dueAt)).toEqual(['2026-03-10T05:30:00.000Z']);
    const fromTown = await file(township, 'hop-profile-02');
    expect(hopsOf(fromTown.obligations).map((o) => [o.key, o.dueAt])).toEqual([
      ['hop:townshipToDistrict', '2026-03-10T05:45:00.000Z'],
    ]);
    const own = await file(district, 'hop-profile-03');
    expect(hopsOf(own.obligations)).toEqual([]);
  });
});
