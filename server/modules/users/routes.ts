import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DISTRICT_PATH } from '@shared/domain/district';
import { IdParams } from '@shared/schemas/common';
import { CreateUserBody, PeopleNames, UpdateUserBody, User, UserList } from '@shared/schemas/users';
import type { FastifyInstance } from 'fastify';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { closeSessionsOfUser, hashPassword } from '../auth/service';
import { isWithin } from '../units/service';
import { createUser, displayNames, getUser, listUsers, updateUser } from './service';

export async function userRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const logN = app.config.scryptLogN;

  app.get('/api/users', { config: { access: ADMIN }, schema: { response: { 200: UserList } } }, async () => ({
    users: await listUsers(app.db),
  }));

  // Everyone signed in reads who is who: the console shows 王芳, not wangfang, wherever a person appears.
  // A unit's caller reads the people of its subtree and of the units above it (who act on its records:
  // the district's leader on call), never a sibling's.
  app.get(
    '/api/users/names',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: PeopleNames } } },
    async (req) => {
      const path = req.principal?.unitPath ?? DISTRICT_PATH;
      const users = (await listUsers(app.db)).filter(
        (u) => isWithin(path, u.unitPath) || isWithin(u.unitPath, path),
      );
      return {
        names: {
          ...(await displayNames(app.db, ['system'])),
          ...Object.fromEntries(users.map((u) => [u.username, u.displayName])),
        },
      };
    },
  );

  app.get(
    '/api/users/:id',
    { config: { access: ADMIN }, schema: { params: IdParams, response: { 200: User } } },
    async (req) => getUser(app.db, req.params.id),
  );

  app.post(
    '/api/users',
    { config: { access: ADMIN }, schema: { body: CreateUserBody, response: { 201: User } } },
    async (req, reply) => {
      const { password, ...fields } = req.body;
      const hash = await hashPassword(password, logN);
      const user = await app.command(actorOf(req), (tx) => createUser(tx, fields, hash));
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ADMIN },
      schema: { params: IdParams, body: UpdateUserBody, response: { 200: User } },
    },
    async (req) => {
      const { password, ...fields } = req.body;
      const hash = password === undefined ? undefined : await hashPassword(password, logN);
      const outcome = await app.command(actorOf(req), async (tx) => {
        const result = await updateUser(tx, req.params.id, fields, hash);
        if (result.endSessions) await closeSessionsOfUser(tx.trx, req.params.id);
        return result;
      });
      if (outcome.endSessions) app.live.disconnectUser(req.params.id);
      return outcome.user;
    },
  );
}
