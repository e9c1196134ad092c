import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../server/demo/tiny-png';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-07-10T03:00:00.000Z'; // 11:00 in Shanghai
const BEGAN = '2026-07-10T02:00:00.000Z'; // 10:00

describe('an informant files figures with a photo, and gets it served back', () => {
  let t: TestApp;
  let officer: Session;
  let informant: Session;
  let stranger: Session;
  let town: { id: number; path: string; name: string };
  let community: { id: number; path: string; name: string };
  let otherCommunity: { id: number; path: string; name: string };
  let disasterId: number;

  beforeAll(async () => {
    t = await startApp({ clock: fixedClock(START) });
    const admin = await signInAdmin(t.app);
    town = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    const otherTown = await addUnit(t.app, DISTRICT, { name: '乙镇', kind: 'township', code: 'T2' });
    community = await addUnit(t.app, town, { name: '甲一社区', kind: 'community', code: 'C11' });
    otherCommunity = await addUnit(t.app, otherTown, { name: '乙一社区', kind: 'community', code: 'C21' });
    officer = await unitPerson(t.app, admin, DISTRICT.id, { username: 'o1', roles: ['officer'] });
    informant = await unitPerson(t.app, admin, community.id, {
      username: 'c1',
      displayName: '陈信息员',
      roles: ['informant'],
      informantRole: 'A',
    });
    stranger = await unitPerson(t.app, admin, otherCommunity.id, {
      username: 'c2',
      roles: ['informant'],
      informantRole: 'A',
    });
    const created = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/disasters',
        payload: {
          type: 'flood',
          subtype: '暴雨洪涝',
          title: '7·10 暴雨洪涝',
          beganAt: BEGAN,
          townships: [town.id],
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    disasterId = created.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sees the disasters touching its township only', async () => {
    const mine = await t.app.inject(as(informant, { method: 'GET', url: '/api/disasters' }));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().disasters.map((d: { id: number }) => d.id)).toEqual([disasterId]);
    const theirs = await t.app.inject(as(stranger, { method: 'GET', url: '/api/disasters' }));
    expect(theirs.json().disasters).toEqual([]);
  });

  it('filing → photo → the photo served back to the informant and the district; a sibling community gets neither', async () => {
    const filed = await t.app.inject(
      as(informant, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/filings`,
        payload: {
          unitId: community.id,
          kind: 'initial',
          figures: { affected: 120, relocated: 30, housesCollapsed: 2, directLossWanYuan: 15.5 },
          note: '河水漫过堤路，12 户进水',
        },
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const filing = filed.json();
    expect(filing).toMatchObject({
      disasterId,
      unitId: community.id,
      unitName: '甲一社区',
      kind: 'initial',
      onBehalf: false,
      filedBy: 'c1',
      filedByName: '陈信息员',
      note: '河水漫过堤路，12 户进水',
      photoIds: [],
    });
    // Every one of the twelve columns: the four typed, the rest zero (nothing filed before).
    expect(filing.figures).toEqual({
      affected: 120,
      dead: 0,
      missing: 0,
      relocated: 30,
      needAssistance: 0,
      housesCollapsed: 2,
      housesSevere: 0,
      housesGeneral: 0,
      cropAffectedHa: 0,
      cropDamagedHa: 0,
      cropLostHa: 0,
      directLossWanYuan: 15.5,
    });

    const png = tinyPng(64, 48, [90, 140, 200]);
    const uploaded = await t.app.inject(
      as(informant, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/photos?filingId=${filing.id}`,
        headers: { 'content-type': 'image/png' },
        payload: png,
      }),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json();
    expect(photo).toMatchObject({
      disasterId,
      filingId: filing.id,
      unitId: community.id,
      mime: 'image/png',
      size: png.length,
    });

    for (const who of [informant, officer]) {
      const served = await t.app.inject(as(who, { method: 'GET', url: `/api/disaster-photos/${photo.id}` }));
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toMatch(/^image\/png/);
      expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    }
    const refused = await t.app.inject(
      as(stranger, { method: 'GET', url: `/api/disaster-photos/${photo.id}` }),
    );
    expect([403, 404]).toContain(refused.statusCode);

    // The district's page lists the community's filing from below, and the disaster's photos hold its photo.
    const detail = await t.app.inject(as(officer, { method: 'GET', url: `/api/disasters/${disasterId}` }));
    expect(detail.statusCode, detail.body).toBe(200);
    const fromBelow = detail.json().fromBelow.find((f: { id: number }) => f.id === filing.id);
    expect(fromBelow).toMatchObject({ unitName: '甲一社区', note: '河水漫过堤路，12 户进水' });
    expect(fromBelow.figures.affected).toBe(120);
    const photos = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/photos` }),
    );
    expect(photos.json().photos).toEqual([expect.objectContaining({ id: photo.id, filingId: filing.id })]);
  });

  it('a later filing with one figure keeps the others; a sibling community cannot file for it', async () => {
    const later = await t.app.inject(
      as(informant, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/filings`,
        payload: { unitId: community.id, kind: 'update', figures: { relocated: 45 } },
      }),
    );
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().figures).toMatchObject({
      affected: 120,
      relocated: 45,
      housesCollapsed: 2,
      directLossWanYuan: 15.5,
    });
    const list = await t.app.inject(
      as(informant, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${community.id}` }),
    );
    expect(list.json().filings).toHaveLength(2);

    const foreign = await t.app.inject(
      as(stranger, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/filings`,
        payload: { unitId: community.id, kind: 'update', figures: { affected: 1 } },
      }),
    );
    expect([403, 404]).toContain(foreign.statusCode);
  });
});
