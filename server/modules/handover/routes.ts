import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  AcceptHandoverBody,
  AmendmentBody,
  Handover,
  HandoverDraft,
  ReviseHandoverBody,
  SubmitHandoverBody,
} from '@shared/schemas/handover';
import type { FastifyInstance } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import { gatherDraft, handoverShift } from './gather';
import { acceptHandover, amendHandover, reviseHandover, submitHandover } from './service';

const OFFICER = ['officer'] as const;
const SIGNERS = ['officer', 'leader'] as const;
/** Who may amend is decided per handover (its signatories, its leader on call, an administrator). */
const AMENDERS = ['officer', 'leader', 'admin'] as const;

/** Draft → submitted by the outgoing officer → signed (sealed) by the incoming one → amendments. */
export async function handoverRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/handovers/draft',
    { config: { access: OFFICER }, schema: { response: { 200: HandoverDraft } } },
    async (req) => {
      const now = app.clock.now();
      return gatherDraft(app.db, zone, await handoverShift(app.db, userOf(req).user.id, now), now);
    },
  );

  app.post(
    '/api/handovers',
    { config: { access: OFFICER }, schema: { body: SubmitHandoverBody, response: { 201: Handover } } },
    async (req, reply) => {
      const handover = await app.command(actorOf(req), (tx) =>
        submitHandover(tx, zone, userOf(req).user, req.body),
      );
      return reply.status(201).send(handover);
    },
  );

  app.route({
    method: ['PUT', 'PATCH'],
    url: '/api/handovers/:id',
    config: { access: SIGNERS },
    schema: { params: IdParams, body: ReviseHandoverBody, response: { 200: Handover } },
    handler: async (req) => {
      const { id } = req.params as IdParams;
      return app.command(actorOf(req), (tx) =>
        reviseHandover(tx, zone, userOf(req).user, id, req.body as ReviseHandoverBody),
      );
    },
  });

  app.post(
    '/api/handovers/:id/accept',
    {
      config: { access: OFFICER },
      schema: { params: IdParams, body: AcceptHandoverBody, response: { 200: Handover } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => acceptHandover(tx, zone, userOf(req).user, req.params.id, req.body)),
  );

  app.post(
    '/api/handovers/:id/amendments',
    {
      config: { access: AMENDERS },
      schema: { params: IdParams, body: AmendmentBody, response: { 201: Handover } },
    },
    async (req, reply) => {
      const handover = await app.command(actorOf(req), (tx) =>
        amendHandover(tx, zone, userOf(req).user, req.params.id, req.body.text),
      );
      return reply.status(201).send(handover);
    },
  );
}
