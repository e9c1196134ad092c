import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  AnswerSpotCheckBody,
  IssueSpotCheckBody,
  SpotCheck,
  SpotCheckList,
  SpotCheckQuery,
} from '@shared/schemas/spot-checks';
import type { FastifyInstance } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import { answerSpotCheck, issueSpotCheck, listSpotChecks, openSpotChecks } from './service';

const ISSUERS = ['leader', 'admin'] as const;
const ANSWERERS = ['officer', 'leader'] as const;

export async function spotCheckRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/spot-checks',
    { config: { access: 'user' }, schema: { querystring: SpotCheckQuery, response: { 200: SpotCheckList } } },
    async (req) => ({ spotChecks: await listSpotChecks(app.db, req.query) }),
  );

  app.get(
    '/api/spot-checks/open',
    { config: { access: 'user' }, schema: { response: { 200: SpotCheckList } } },
    async () => ({ spotChecks: await openSpotChecks(app.db, app.clock.now()) }),
  );

  app.post(
    '/api/spot-checks',
    { config: { access: ISSUERS }, schema: { body: IssueSpotCheckBody, response: { 201: SpotCheck } } },
    async (req, reply) => {
      const spotCheck = await app.command(actorOf(req), (tx) =>
        issueSpotCheck(tx, userOf(req).user, req.body),
      );
      return reply.status(201).send(spotCheck);
    },
  );

  app.post(
    '/api/spot-checks/:id/answer',
    {
      config: { access: ANSWERERS },
      schema: { params: IdParams, body: AnswerSpotCheckBody, response: { 200: SpotCheck } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => answerSpotCheck(tx, zone, userOf(req).user, req.params.id, req.body)),
  );
}
