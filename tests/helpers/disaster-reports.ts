import type { FastifyInstance } from 'fastify';
import { as, createUser, type Session, signIn, signInAdmin, USER_PASSWORD } from './app';
import { createUnit, unitPerson } from './units';

/**
 * The world of the disaster-report tests: the district (瑶泉区, unit 1) with townships 梧桐镇 and
 * 柳湾镇, a community under 梧桐镇; the district's officer and two qualified leaders; each township's
 * officer; the community's informant.
 */
export interface ReportsWorld {
  admin: Session;
  officer: Session;
  leader: Session;
  otherLeader: Session;
  a: { id: number; name: string };
  b: { id: number; name: string };
  a1: { id: number; name: string };
  officerA: Session;
  officerB: Session;
  informantA1: Session;
}

export async function buildReportsWorld(app: FastifyInstance): Promise<ReportsWorld> {
  const admin = await signInAdmin(app);
  // The district as the bureau of a named place: 瑶泉区 (fictional, as in REPORT-STYLE.md).
  const renamed = await app.inject(
    as(admin, { method: 'PATCH', url: '/api/units/1', payload: { name: '瑶泉区应急管理局' } }),
  );
  if (renamed.statusCode !== 200) throw new Error(`rename failed: ${renamed.statusCode} ${renamed.body}`);
  await createUser(app, admin, { username: 'wangfang', displayName: '王芳', roles: ['officer'] });
  await createUser(app, admin, { username: 'zhouqm', displayName: '周启明', roles: ['leader'] });
  await createUser(app, admin, { username: 'liuqiang', displayName: '刘强', roles: ['leader'] });
  const a = await createUnit(app, admin, { parentId: 1, kind: 'township', name: '梧桐镇', code: 'T-WT' });
  const b = await createUnit(app, admin, { parentId: 1, kind: 'township', name: '柳湾镇', code: 'T-LW' });
  const a1 = await createUnit(app, admin, {
    parentId: a.id,
    kind: 'community',
    name: '石门村',
    code: 'C-SM',
  });
  const officerA = (
    await unitPerson(app, admin, { username: 'wt-officer', roles: ['officer'], unitId: a.id })
  ).session;
  const officerB = (
    await unitPerson(app, admin, { username: 'lw-officer', roles: ['officer'], unitId: b.id })
  ).session;
  const informantA1 = (
    await unitPerson(app, admin, {
      username: 'sm-info',
      roles: ['informant'],
      unitId: a1.id,
      informantRole: 'A',
    })
  ).session;
  return {
    admin,
    officer: await signIn(app, 'wangfang', USER_PASSWORD),
    leader: await signIn(app, 'zhouqm', USER_PASSWORD),
    otherLeader: await signIn(app, 'liuqiang', USER_PASSWORD),
    a: { id: a.id, name: a.name },
    b: { id: b.id, name: b.name },
    a1: { id: a1.id, name: a1.name },
    officerA,
    officerB,
    informantA1,
  };
}

export async function createDisaster(
  app: FastifyInstance,
  s: Session,
  body: Record<string, unknown>,
): Promise<{ id: number }> {
  const res = await app.inject(as(s, { method: 'POST', url: '/api/disasters', payload: body }));
  if (res.statusCode !== 201) throw new Error(`create disaster failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number };
}

export async function fileFigures(
  app: FastifyInstance,
  s: Session,
  disasterId: number,
  body: Record<string, unknown>,
): Promise<{ id: number }> {
  const res = await app.inject(
    as(s, { method: 'POST', url: `/api/disasters/${disasterId}/filings`, payload: body }),
  );
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number };
}

export async function recordVictim(
  app: FastifyInstance,
  s: Session,
  disasterId: number,
  body: Record<string, unknown>,
): Promise<void> {
  const res = await app.inject(
    as(s, { method: 'POST', url: `/api/disasters/${disasterId}/victims`, payload: body }),
  );
  if (res.statusCode !== 201) throw new Error(`victim failed: ${res.statusCode} ${res.body}`);
}

/** 梧桐镇 and 柳湾镇's figures of the severe flood, and their sum worked out by hand. */
export const WUTONG = {
  affected: 3260,
  dead: 8,
  missing: 2,
  relocated: 412,
  needAssistance: 85,
  housesCollapsed: 3,
  housesSevere: 7,
  housesGeneral: 26,
  cropAffectedHa: 286.5,
  cropDamagedHa: 120,
  cropLostHa: 42,
  directLossWanYuan: 586.4,
};
export const LIUWAN = {
  affected: 1845,
  dead: 1,
  missing: 1,
  relocated: 236,
  needAssistance: 40,
  housesCollapsed: 0,
  housesSevere: 4,
  housesGeneral: 19,
  cropAffectedHa: 158.2,
  cropDamagedHa: 60.5,
  cropLostHa: 15.3,
  directLossWanYuan: 237.8,
};
/** 3260+1845, 8+1, 2+1, 412+236, 85+40, 286.5+158.2, 120+60.5, 42+15.3, 3+0, 7+4, 26+19, 586.4+237.8 */
export const TOTAL = [5105, 9, 3, 648, 125, 444.7, 180.5, 57.3, 3, 11, 45, 824.2];
