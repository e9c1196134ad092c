import type { Unit } from '@shared/schemas/units';
import type { User } from '@shared/schemas/users';
import type { FastifyInstance } from 'fastify';
import { as, type Session, signIn, USER_PASSWORD } from './app';

/** Creates a unit through the admin API. */
export async function createUnit(
  app: FastifyInstance,
  admin: Session,
  body: { parentId: number; kind: string; name: string; code: string; phone?: string },
): Promise<Unit> {
  const res = await app.inject(as(admin, { method: 'POST', url: '/api/units', payload: body }));
  if (res.statusCode !== 201) throw new Error(`create unit failed: ${res.statusCode} ${res.body}`);
  return res.json() as Unit;
}

/** Creates a person of a unit through the admin API and signs them in. */
export async function unitPerson(
  app: FastifyInstance,
  admin: Session,
  fields: { username: string; roles: string[]; unitId: number; informantRole?: 'A' | 'B' },
): Promise<{ user: User; session: Session }> {
  const res = await app.inject(
    as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { displayName: fields.username, password: USER_PASSWORD, qualified: true, ...fields },
    }),
  );
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  return { user: res.json() as User, session: await signIn(app, fields.username, USER_PASSWORD) };
}

/**
 * The network of the units tests: the district (1), townships A and B under it, community A1 under
 * A. Each unit's officer signed in; A1 also has an informant.
 */
export interface UnitsWorld {
  a: Unit;
  b: Unit;
  a1: Unit;
  officerA: Session;
  officerB: Session;
  officerA1: Session;
  informantA1: Session;
}

export async function buildUnitsWorld(app: FastifyInstance, admin: Session): Promise<UnitsWorld> {
  const a = await createUnit(app, admin, { parentId: 1, kind: 'township', name: '城关镇', code: 'T-A' });
  const b = await createUnit(app, admin, { parentId: 1, kind: 'dev_zone', name: '经济开发区', code: 'T-B' });
  const a1 = await createUnit(app, admin, {
    parentId: a.id,
    kind: 'community',
    name: '东街社区',
    code: 'C-A1',
  });
  const officerA = (await unitPerson(app, admin, { username: 'town-a', roles: ['officer'], unitId: a.id }))
    .session;
  const officerB = (await unitPerson(app, admin, { username: 'town-b', roles: ['officer'], unitId: b.id }))
    .session;
  const officerA1 = (await unitPerson(app, admin, { username: 'comm-a1', roles: ['officer'], unitId: a1.id }))
    .session;
  const informantA1 = (
    await unitPerson(app, admin, {
      username: 'info-a1',
      roles: ['informant'],
      unitId: a1.id,
      informantRole: 'A',
    })
  ).session;
  return { a, b, a1, officerA, officerB, officerA1, informantA1 };
}
