import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  ApproveBody,
  ReturnBody,
  SignoffLeaders,
  SignoffList,
  SignoffRequest,
  SignoffRequestBody,
} from '@shared/schemas/signoffs';
import type { FastifyInstance } from 'fastify';
import { actorNameOf, actorOf } from '../../plugins/auth';
import { readIncidentRow } from './lifecycle';
import {
  decideSignoff,
  incidentSignoffs,
  requestSignoff,
  signoffLeaders,
  signoffsAwaiting,
} from './signoffs';

const HANDLERS = ['officer', 'leader'] as const;

/** 签发: the officer asks one leader; that leader alone approves or returns, from any console. */
export async function signoffRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/signoffs/leaders',
    { config: { access: HANDLERS }, schema: { response: { 200: SignoffLeaders } } },
    async () => signoffLeaders(app.db, zone, app.clock.now()),
  );

  app.get(
    '/api/signoffs/mine',
    { config: { access: ['leader'] }, schema: { response: { 200: SignoffList } } },
    async (req) => ({ signoffs: await signoffsAwaiting(app.db, actorNameOf(req)) }),
  );

  app.get(
    '/api/incidents/:id/signoffs',
    { config: { access: HANDLERS }, schema: { params: IdParams, response: { 200: SignoffList } } },
    async (req) => {
      await readIncidentRow(app.db, req.params.id);
      return { signoffs: await incidentSignoffs(app.db, req.params.id) };
    },
  );

  app.post(
    '/api/incidents/:id/signoffs',
    {
      config: { access: HANDLERS },
      schema: { params: IdParams, body: SignoffRequestBody, response: { 201: SignoffRequest } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await app.command(actorOf(req), (tx) => requestSignoff(tx, req.params.id, req.body))),
  );

  app.post(
    '/api/signoffs/:id/approve',
    {
      config: { access: ['leader'] },
      schema: { params: IdParams, body: ApproveBody, response: { 200: SignoffRequest } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => decideSignoff(tx, req.params.id, 'approve', req.body.comment)),
  );

  app.post(
    '/api/signoffs/:id/return',
    {
      config: { access: ['leader'] },
      schema: { params: IdParams, body: ReturnBody, response: { 200: SignoffRequest } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => decideSignoff(tx, req.params.id, 'return', req.body.comment)),
  );
}
