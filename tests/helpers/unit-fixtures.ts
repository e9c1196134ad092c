import type { FastifyInstance } from 'fastify';
import { as, type Session, signIn, USER_PASSWORD } from './app';

export type FixtureUnitKind = 'township' | 'dev_zone' | 'street' | 'community' | 'village';

/**
 * A unit of the duty network, put straight into the tree (a fixture: the administrator's unit
 * screens are not what these tests are about). Returns its id and path.
 */
export async function addUnit(
  app: FastifyInstance,
  parent: { id: number; path: string },
  fields: { name: string; kind: FixtureUnitKind; code: string },
): Promise<{ id: number; path: string; name: string }> {
  const now = new Date().toISOString();
  const { id } = await app.db
    .insertInto('units')
    .values({
      parent_id: parent.id,
      kind: fields.kind,
      name: fields.name,
      code: fields.code,
      // Unique and not null: a placeholder until the id is known.
      path: `${parent.path}pending-${fields.code}/`,
      phone: '',
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent.path}${Number(id)}/`;
  await app.db.updateTable('units').set({ path }).where('id', '=', Number(id)).execute();
  return { id: Number(id), path, name: fields.name };
}

export const DISTRICT = { id: 1, path: '/1/' };

/** A person of a unit, created through the API, placed in the unit, signed in. */
export async function unitPerson(
  app: FastifyInstance,
  admin: Session,
  unitId: number,
  fields: { username: string; roles: string[]; displayName?: string; informantRole?: 'A' | 'B' },
): Promise<Session> {
  const res = await app.inject(
    as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: fields.username,
        displayName: fields.displayName ?? fields.username,
        password: USER_PASSWORD,
        qualified: true,
        roles: fields.roles,
        unitId,
        ...(fields.informantRole ? { informantRole: fields.informantRole } : {}),
      },
    }),
  );
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  return signIn(app, fields.username, USER_PASSWORD);
}

export { as };
