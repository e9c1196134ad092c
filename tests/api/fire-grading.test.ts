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

// DESIGN §2.2, through intake and a figure change: forest fires by 受害森林面积, grassland fires
// (their own category) by 受害草原面积, 火警 below 10 ha with no casualty.
const FIRE = {
  occurredAt: '2026-03-28T13:50:00+08:00',
  location: { address: '东岗镇凤凰山南坡' },
  caller: { name: '赵某', unit: '东岗镇人民政府' },
  summary: '山火',
  source: 'phone',
};

describe.each(DIALECTS)('fire grading through intake on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock: fixedClock('2026-03-28T06:00:00Z') });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
  });
  afterAll(() => t.close());

  const intake = (payload: object) =>
    t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: { ...FIRE, ...payload } }));
  const gradeOf = async (payload: object) => {
    const res = await intake(payload);
    expect(res.statusCode, JSON.stringify(payload)).toBe(201);
    return res.json().grade;
  };

  it('grades a forest fire by damaged forest area at 1, 100, 1000 ha, and keeps the burned area', async () => {
    const grades = [];
    for (const ha of [0.9, 1, 99, 100, 999, 1000])
      grades.push(await gradeOf({ category: 'forest_fire', damagedForestHa: ha }));
    expect(grades).toEqual(['IV', 'III', 'III', 'II', 'II', 'I']);

    const res = await intake({ category: 'forest_fire', burnedAreaHa: 150, damagedForestHa: 80 });
    expect(res.json()).toMatchObject({
      category: 'forest_fire',
      grade: 'III',
      gradeBasis: 'forest_fire',
      burnedAreaHa: 150,
      damagedForestHa: 80,
      damagedGrasslandHa: null,
      gradeReasons: [
        '受害森林面积 80 公顷 → 较大（1 公顷以上不足 100 公顷）',
        '过火面积 150 公顷（不作定级依据）',
      ],
    });
    const stored = await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${res.json().id}` }));
    expect(stored.json().incident).toMatchObject({ burnedAreaHa: 150, damagedForestHa: 80, grade: 'III' });
  });

  it('grades a grassland fire by damaged grassland area at 10, 1000, 5000, 8000 ha; 900 ha is 一般', async () => {
    const grades = [];
    for (const ha of [10, 900, 999, 1000, 4999, 5000, 7999, 8000])
      grades.push(await gradeOf({ category: 'grassland_fire', damagedGrasslandHa: ha }));
    expect(grades).toEqual(['IV', 'IV', 'IV', 'III', 'III', 'II', 'II', 'I']);
  });

  it('takes a grassland fire under 10 ha with no casualty as a 火警, graded once a casualty is known', async () => {
    const res = await intake({ category: 'grassland_fire', damagedGrasslandHa: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      category: 'grassland_fire',
      grade: null,
      gradeBasis: 'grassland_fire',
      damagedGrasslandHa: 5,
      gradeReasons: ['受害草原面积 5 公顷（不足 10 公顷）且无人员死亡、重伤 → 草原火警，不定级'],
    });
    const patched = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${res.json().id}`,
        payload: { casualties: { seriousInjuries: 10 } },
      }),
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ grade: 'III', gradeBasis: 'grassland_fire' });
    const area = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${res.json().id}`,
        payload: { damagedGrasslandHa: 5000 },
      }),
    );
    expect(area.json()).toMatchObject({ grade: 'II', damagedGrasslandHa: 5000 });
  });

  it('refuses a negative or unknown area field', async () => {
    const negative = await intake({ category: 'forest_fire', damagedForestHa: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('body.damagedForestHa must be >= 0');
    const unknown = await intake({ category: 'grassland_fire', grasslandHa: 12 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('unknown field "grasslandHa"');
  });
});
