import type { Incident, IncidentDetail } from '@shared/schemas/incidents';
import type { Stats } from '@shared/schemas/stats';
import type { Unit, UnitListItem } from '@shared/schemas/units';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { buildUnitsWorld, createUnit, type UnitsWorld, unitPerson } from '../helpers/units';

const MARCH = 'from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00';

describe.each(DIALECTS)('units: scope of incidents and statistics on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let w: UnitsWorld;
  const ids = {} as Record<'district' | 'a' | 'a1' | 'b', number>;

  const record = async (session: Session, summary: string): Promise<Incident> => {
    const res = await t.app.inject(
      as(session, {
        method: 'POST',
        url: '/api/incidents',
        payload: { ...CALL, receivedAt: '2026-03-05T03:00:00+08:00', summary },
      }),
    );
    expect(res.statusCode).toBe(201);
    return res.json() as Incident;
  };
  const get = (session: Session, url: string) => t.app.inject(as(session, { method: 'GET', url }));

  beforeAll(async () => {
    t = await startApp({ dialect });
    admin = await signInAdmin(t.app);
    w = await buildUnitsWorld(t.app, admin);
    ids.district = (
      await record(admin.user.roles.includes('officer') ? admin : await districtOfficer(), '区里接报')
    ).id;
    ids.a = (await record(w.officerA, '城关镇上报')).id;
    ids.a1 = (await record(w.officerA1, '东街社区上报')).id;
    ids.b = (await record(w.officerB, '开发区上报')).id;
  });
  afterAll(() => t.close());

  async function districtOfficer(): Promise<Session> {
    return (await unitPerson(t.app, admin, { username: 'district-officer', roles: ['officer'], unitId: 1 }))
      .session;
  }

  it('records an incident as owned by the unit of whoever records it, its event with that audience', async () => {
    const a = (await get(admin, `/api/incidents/${ids.a}`)).json() as IncidentDetail;
    expect(a.incident).toMatchObject({ unitId: w.a.id, unitPath: `/1/${w.a.id}/` });
    const a1 = (await get(admin, `/api/incidents/${ids.a1}`)).json() as IncidentDetail;
    expect(a1.incident).toMatchObject({ unitId: w.a1.id, unitPath: `/1/${w.a.id}/${w.a1.id}/` });
    const d = (await get(admin, `/api/incidents/${ids.district}`)).json() as IncidentDetail;
    expect(d.incident).toMatchObject({ unitId: 1, unitPath: '/1/' });
    const events = await t.app.db
      .selectFrom('events')
      .select(['subject', 'unit_path'])
      .where('type', '=', 'incident.created')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { subject: `incident:${ids.district}`, unit_path: '/1/' },
      { subject: `incident:${ids.a}`, unit_path: `/1/${w.a.id}/` },
      { subject: `incident:${ids.a1}`, unit_path: `/1/${w.a.id}/${w.a1.id}/` },
      { subject: `incident:${ids.b}`, unit_path: `/1/${w.b.id}/` },
    ]);
  });

  it("answers a township officer's GET of a sibling's incident 404 (as if none), of its own 200; the district sees both", async () => {
    const sibling = await get(w.officerA, `/api/incidents/${ids.b}`);
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().error.code).toBe('DUTY_ERR_NOT_FOUND');
    // Exactly the answer for an id that does not exist: no existence leak.
    const none = await get(w.officerA, '/api/incidents/999999');
    expect(none.statusCode).toBe(404);
    expect(sibling.json().error.message).toBe(`incident ${ids.b} not found`);
    expect(none.json().error.message).toBe('incident 999999 not found');

    expect((await get(w.officerA, `/api/incidents/${ids.a}`)).statusCode).toBe(200);
    // The township sees its community's; the community not its township's nor the district's.
    expect((await get(w.officerA, `/api/incidents/${ids.a1}`)).statusCode).toBe(200);
    expect((await get(w.officerA1, `/api/incidents/${ids.a}`)).statusCode).toBe(404);
    expect((await get(w.officerA, `/api/incidents/${ids.district}`)).statusCode).toBe(404);
    for (const id of [ids.a, ids.b, ids.a1, ids.district])
      expect((await get(admin, `/api/incidents/${id}`)).statusCode).toBe(200);
  });

  it('refuses every change to an incident out of scope with 404 and changes nothing', async () => {
    const before = await t.app.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('head'))
      .executeTakeFirstOrThrow();
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/incidents/${ids.b}`, { summary: '改' }],
      ['POST', `/api/incidents/${ids.b}/verify`, undefined],
      ['POST', `/api/incidents/${ids.b}/actions`, { type: 'note', text: '看看' }],
      ['POST', `/api/incidents/${ids.b}/close`, { outcome: '结束' }],
      [
        'POST',
        `/api/incidents/${ids.b}/reports`,
        { kind: 'initial', channel: 'phone', recipient: '区应急局' },
      ],
      ['GET', `/api/incidents/${ids.b}/reports/draft?kind=initial`, undefined],
      ['GET', `/api/incidents/${ids.b}/signoffs`, undefined],
      // Its own incident linked to a sibling's: the other one is out of scope too.
      ['POST', `/api/incidents/${ids.a}/link`, { otherId: ids.b }],
    ];
    for (const [method, url, payload] of writes) {
      const res = await t.app.inject(
        as(w.officerA, { method: method as 'GET', url, payload: payload as object }),
      );
      expect([url, res.statusCode, res.json().error?.code]).toEqual([url, 404, 'DUTY_ERR_NOT_FOUND']);
    }
    const after = await t.app.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('head'))
      .executeTakeFirstOrThrow();
    expect(Number(after.head)).toBe(Number(before.head));
  });

  it('lists, searches and boards only the caller’s subtree; the district all', async () => {
    const list = async (s: Session, q = '') =>
      ((await get(s, `/api/incidents?limit=100${q}`)).json().incidents as Incident[]).map((i) => i.id).sort();
    expect(await list(w.officerA)).toEqual([ids.a, ids.a1].sort());
    expect(await list(w.officerB)).toEqual([ids.b]);
    expect(await list(w.officerA1)).toEqual([ids.a1]);
    expect(await list(admin)).toEqual([ids.district, ids.a, ids.a1, ids.b].sort());
    // A search that matches a sibling's summary finds nothing of it.
    expect(await list(w.officerA, `&q=${encodeURIComponent('开发区')}`)).toEqual([]);
    expect(await list(admin, `&q=${encodeURIComponent('开发区')}`)).toEqual([ids.b]);
    const board = (await get(w.officerB, '/api/incidents/board')).json().incidents as { id: number }[];
    expect(board.map((i) => i.id)).toEqual([ids.b]);
    // All four share one address: the district's detail names the others as similar, a township's only its own.
    const similarA = ((await get(w.officerA, `/api/incidents/${ids.a}`)).json() as IncidentDetail).similar;
    expect(similarA.map((s) => s.id)).toEqual([ids.a1]);
    const similarAll = ((await get(admin, `/api/incidents/${ids.a}`)).json() as IncidentDetail).similar;
    expect(similarAll.map((s) => s.id).sort()).toEqual([ids.district, ids.a1, ids.b].sort());
  });

  it("counts a township's statistics over its subtree only, the district's over all", async () => {
    const received = async (s: Session) =>
      ((await get(s, `/api/stats?${MARCH}`)).json() as Stats).incidents.received;
    expect(await received(admin)).toBe(4);
    expect(await received(w.officerA)).toBe(2);
    expect(await received(w.officerB)).toBe(1);
    expect(await received(w.officerA1)).toBe(1);
    // The CSV export counts the same: the sibling's exported total is its own one incident.
    const csv = await get(w.officerB, `/api/stats.csv?${MARCH}&table=incidents`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')).toContain('合计,received,接报,1');
    const all = await get(admin, `/api/stats.csv?${MARCH}&table=incidents`);
    expect(all.body.split('\r\n')).toContain('合计,received,接报,4');
  });

  it("keeps a unit's callers out of the district room's roster, logbook, handovers and people (403)", async () => {
    for (const url of [
      '/api/roster?from=2026-03-01&to=2026-03-31',
      '/api/logbook',
      '/api/handovers/latest',
      '/api/duty/now',
    ]) {
      const res = await get(w.officerA, url);
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 403, 'DUTY_ERR_FORBIDDEN']);
    }
    expect((await get(w.officerA, '/api/auth/me')).statusCode).toBe(200);
  });

  it('lets an API token record for the unit of its creator (the district)', async () => {
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'units-token' } }))
    ).json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { authorization: `Bearer ${secret}` },
      payload: { ...CALL, summary: '系统推送' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId: 1, unitPath: '/1/' });
    const row = await t.app.db
      .selectFrom('api_tokens')
      .select('unit_id')
      .where('name', '=', 'units-token')
      .executeTakeFirstOrThrow();
    expect(Number(row.unit_id)).toBe(1);
  });
});

describe.each(DIALECTS)('units: administration on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, s = admin) =>
    t.app.inject(as(s, { method: 'POST', url, payload: payload as object }));
  const tree = async (s = admin) =>
    (await t.app.inject(as(s, { method: 'GET', url: '/api/units' }))).json().units as UnitListItem[];
  const unitCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('builds the tree by hand: paths from ids, three levels, unique codes, each an event', async () => {
    const town = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'street',
      name: '南关街道',
      code: 'S-1',
      phone: '0371-1',
    });
    expect(town).toMatchObject({
      parentId: 1,
      kind: 'street',
      path: `/1/${town.id}/`,
      enabled: true,
      phone: '0371-1',
    });
    const comm = await createUnit(t.app, admin, {
      parentId: town.id,
      kind: 'village',
      name: '李庄村',
      code: 'V-1',
    });
    expect(comm.path).toBe(`/1/${town.id}/${comm.id}/`);

    const refused = [
      [{ parentId: comm.id, kind: 'community', name: '再下一级', code: 'X-1' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ parentId: 1, kind: 'community', name: '直属社区', code: 'X-2' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ parentId: town.id, kind: 'township', name: '镇下之镇', code: 'X-3' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ parentId: 999, kind: 'township', name: '无', code: 'X-4' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ parentId: 1, kind: 'township', name: '重码', code: 'S-1' }, 409, 'DUTY_ERR_CONFLICT'],
      [{ parentId: 1, kind: 'district', name: '第二个区', code: 'X-5' }, 400, 'DUTY_ERR_VALIDATION'],
    ] as const;
    for (const [body, status, code] of refused) {
      const res = await post('/api/units', body);
      expect([body.code, res.statusCode, res.json().error.code]).toEqual([body.code, status, code]);
    }
    const events = await t.app.db
      .selectFrom('events')
      .select(['type', 'subject', 'unit_path'])
      .where('type', 'like', 'unit.%')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { type: 'unit.created', subject: `unit:${town.id}`, unit_path: `/1/${town.id}/` },
      { type: 'unit.created', subject: `unit:${comm.id}`, unit_path: `/1/${town.id}/${comm.id}/` },
    ]);
  });

  it('renames and disables a unit; a disabled unit takes no new units nor people; the district stays', async () => {
    const town = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '旧名镇',
      code: 'T-R',
    });
    const patch = (id: number, payload: unknown) =>
      t.app.inject(as(admin, { method: 'PATCH', url: `/api/units/${id}`, payload: payload as object }));
    const renamed = await patch(town.id, { name: '新名镇' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '新名镇', code: 'T-R', path: town.path });
    expect((await patch(town.id, { enabled: false })).json()).toMatchObject({ enabled: false });
    const child = await post('/api/units', {
      parentId: town.id,
      kind: 'community',
      name: '新社区',
      code: 'C-R',
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().error.message).toContain('disabled');
    const person = await post('/api/users', {
      username: 'into-disabled',
      displayName: 'x',
      password: 'user-pass-for-tests',
      roles: ['officer'],
      unitId: town.id,
    });
    expect(person.statusCode).toBe(400);
    expect((await patch(1, { enabled: false })).statusCode).toBe(400);
    expect((await patch(999, { name: '无' })).statusCode).toBe(404);
    const changed = await t.app.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'unit.updated')
      .orderBy('seq')
      .execute();
    expect(changed.map((e) => JSON.parse(e.payload).changed)).toEqual([['name'], ['enabled']]);
  });

  it('imports a district’s units from CSV (header, quotes, a parent earlier in the file) all at once', async () => {
    const before = await unitCount();
    const csv = [
      'parent code,code,name,kind',
      'district,CSV-T1,城东镇,township',
      'district,CSV-Z1,"高新技术产业开发区",dev_zone',
      'CSV-T1,CSV-C1,"东湖社区, 一区",community',
      'CSV-T1,CSV-C2,王村,village',
      'CSV-Z1,CSV-C3,创业社区,community',
      '',
    ].join('\r\n');
    const res = await post('/api/units/import', { csv });
    expect(res.statusCode).toBe(201);
    const units = res.json().units as Unit[];
    expect(units.map((u) => [u.code, u.name, u.kind])).toEqual([
      ['CSV-T1', '城东镇', 'township'],
      ['CSV-Z1', '高新技术产业开发区', 'dev_zone'],
      ['CSV-C1', '东湖社区, 一区', 'community'],
      ['CSV-C2', '王村', 'village'],
      ['CSV-C3', '创业社区', 'community'],
    ]);
    const t1 = units[0]!;
    expect(units[2]!.path).toBe(`/1/${t1.id}/${units[2]!.id}/`);
    expect(await unitCount()).toBe(before + 5);
  });

  it('refuses a CSV with any bad line as a whole, naming each bad line by number', async () => {
    const before = await unitCount();
    const csv = [
      'district,BAD-T1,好镇,township', // 1: fine on its own
      'district,BAD-T2,坏类型,city', // 2: unknown kind
      'NOPE,BAD-C1,无父社区,community', // 3: unknown parent
      'BAD-T1,BAD-C2,社区,community', // 4: fine (parent on line 1)
      'BAD-C2,BAD-C3,社区下社区,community', // 5: a community holds no units
      'district,BAD-T1,重复,township', // 6: code again
      'district,only-three,township', // 7: three fields
    ].join('\n');
    const res = await post('/api/units/import', { csv });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DUTY_ERR_VALIDATION');
    expect((res.json().lines as { line: number }[]).map((l) => l.line)).toEqual([2, 3, 5, 6, 7]);
    expect(res.json().lines[1].message).toContain('parent code "NOPE"');
    expect(await unitCount()).toBe(before);
    expect((await post('/api/units/import', { csv: 'parent code,code,name,kind\n' })).statusCode).toBe(400);
  });

  it('flags a community without both an A角 and a B角 informant, and stops when both are there', async () => {
    const town = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '信息镇',
      code: 'T-I',
    });
    const comm = await createUnit(t.app, admin, {
      parentId: town.id,
      kind: 'community',
      name: '信息社区',
      code: 'C-I',
    });
    const item = async () => (await tree()).find((u) => u.unit.id === comm.id)!;
    expect(await item()).toMatchObject({ informants: { a: [], b: [] }, missingInformants: true, people: 0 });
    await unitPerson(t.app, admin, {
      username: 'inf-a',
      roles: ['informant'],
      unitId: comm.id,
      informantRole: 'A',
    });
    expect(await item()).toMatchObject({ informants: { a: ['inf-a'], b: [] }, missingInformants: true });
    const { user } = await unitPerson(t.app, admin, {
      username: 'inf-b',
      roles: ['informant'],
      unitId: comm.id,
      informantRole: 'B',
    });
    expect(await item()).toMatchObject({
      informants: { a: ['inf-a'], b: ['inf-b'] },
      missingInformants: false,
      people: 2,
    });
    // A township is never flagged; B disabled: flagged again.
    expect((await tree()).find((u) => u.unit.id === town.id)).toMatchObject({
      informants: null,
      missingInformants: false,
    });
    await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { enabled: false } }),
    );
    expect(await item()).toMatchObject({ missingInformants: true });
    // The township's officer reads its own subtree of the tree only.
    const officer = (
      await unitPerson(t.app, admin, { username: 'town-i', roles: ['officer'], unitId: town.id })
    ).session;
    expect((await tree(officer)).map((u) => u.unit.code)).toEqual(['T-I', 'C-I']);
  });

  it('places people: a unit that exists, administrators in the district only, A角/B角 for informants only', async () => {
    const town = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '人员镇',
      code: 'T-P',
    });
    const user = (body: object) =>
      post('/api/users', { displayName: 'x', password: 'user-pass-for-tests', ...body });
    const cases = [
      [{ username: 'p-admin', roles: ['admin'], unitId: town.id }, 'body.roles'],
      [{ username: 'p-ab', roles: ['officer'], unitId: town.id, informantRole: 'A' }, 'body.informantRole'],
      [{ username: 'p-none', roles: ['officer'], unitId: 4242 }, 'body.unitId'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await user(body);
      expect([body.username, res.statusCode, res.json().error.message]).toEqual([
        body.username,
        400,
        expect.stringContaining(field),
      ]);
    }
    const ok = await user({ username: 'p-officer', roles: ['officer'], unitId: town.id });
    expect(ok.json()).toMatchObject({ unitId: town.id, unitPath: `/1/${town.id}/`, informantRole: null });
    const moved = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${ok.json().id}`, payload: { unitId: 1 } }),
    );
    expect(moved.json()).toMatchObject({ unitId: 1, unitPath: '/1/' });
    // Only the district's administrator manages units.
    const officer = (
      await unitPerson(t.app, admin, { username: 'p-off2', roles: ['officer'], unitId: town.id })
    ).session;
    expect(
      (await post('/api/units', { parentId: town.id, kind: 'community', name: 'x', code: 'C-P' }, officer))
        .statusCode,
    ).toBe(403);
  });
});
