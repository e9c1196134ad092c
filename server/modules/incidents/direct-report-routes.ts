import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import { DirectEntryBody, DirectNotifiedBody, Incident, NotificationBody } from '@shared/schemas/incidents';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth';
import { recordDirectEntry, recordDirectNotified, recordNotification } from './direct-report';
import { guardIncidentScope } from './scope';

const HANDLERS = ['officer', 'leader'] as const;

/** 联网直报 and the notifications with the 首报: each record one command, one event. */
export async function directReportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  guardIncidentScope(app);

  app.post(
    '/api/incidents/:id/direct-entry',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: DirectEntryBody, response: { 201: Incident } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await app.command(actorOf(req), (tx) => recordDirectEntry(tx, req.params.id, req.body, zone))),
  );

  app.post(
    '/api/incidents/:id/direct-notified',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: DirectNotifiedBody, response: { 201: Incident } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await app.command(actorOf(req), (tx) => recordDirectNotified(tx, req.params.id, req.body, zone)),
        ),
  );

  app.post(
    '/api/incidents/:id/notifications',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: NotificationBody, response: { 201: Incident } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await app.command(actorOf(req), (tx) => recordNotification(tx, req.params.id, req.body, zone))),
  );
}
