import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import { ApiToken, CreatedToken, CreateTokenBody, TokenList } from '@shared/schemas/tokens';
import type { FastifyInstance } from 'fastify';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { createToken, listTokens, revokeToken } from './service';

export async function tokenRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/tokens',
    { config: { access: ADMIN }, schema: { response: { 200: TokenList } } },
    async () => ({
      tokens: await listTokens(app.db),
    }),
  );

  app.post(
    '/api/tokens',
    { config: { access: ADMIN }, schema: { body: CreateTokenBody, response: { 201: CreatedToken } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => createToken(tx, req.body.name))),
  );

  app.post(
    '/api/tokens/:id/revoke',
    { config: { access: ADMIN }, schema: { params: IdParams, response: { 200: ApiToken } } },
    async (req) => app.command(actorOf(req), (tx) => revokeToken(tx, req.params.id)),
  );
}
