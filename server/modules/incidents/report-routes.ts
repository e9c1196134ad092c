import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  ActionBody,
  CloseBody,
  Draft,
  DraftQuery,
  Incident,
  Report,
  ReportBody,
} from '@shared/schemas/incidents';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { actorOf, userOf } from '../../plugins/auth';
import { toStored } from '../../time';
import { addAction, closeIncident } from './lifecycle';
import { draftFor, sendReport } from './reports';
import { guardIncidentScope } from './scope';

const HANDLERS = ['officer', 'leader'] as const;

export async function reportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  guardIncidentScope(app);

  app.get(
    '/api/incidents/:id/reports/draft',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, querystring: DraftQuery, response: { 200: Draft } },
    },
    async (req) => draftFor(app.db, req.params.id, req.query.kind, zone, toStored(app.clock.now())),
  );

  app.post(
    '/api/incidents/:id/reports',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: ReportBody, response: { 201: Report } },
    },
    async (req, reply) => {
      const callerIsLeader = userOf(req).user.roles.includes('leader');
      const { report } = await app.command(actorOf(req), (tx) =>
        sendReport(tx, req.params.id, req.body, { zone, callerIsLeader, upstreams: app.config.upstreamUrls }),
      );
      return reply.status(201).send(report);
    },
  );

  app.post(
    '/api/incidents/:id/actions',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: ActionBody, response: { 201: Incident } },
    },
    async (req, reply) => {
      if (req.body.type === 'instruction' && !userOf(req).user.roles.includes('leader')) {
        throw new DutyError('DUTY_ERR_FORBIDDEN', 'instructions (批示) are given by a leader');
      }
      return reply
        .status(201)
        .send(
          await app.command(actorOf(req), (tx) => addAction(tx, req.params.id, req.body.type, req.body.text)),
        );
    },
  );

  // Two calls about one event: each incident's log says so, both ways, in one change.
  app.post(
    '/api/incidents/:id/link',
    {
      config: { access: HANDLERS, scoped: true },
      schema: {
        params: IdParams,
        body: Type.Object(
          { otherId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
          { additionalProperties: false },
        ),
        response: { 201: Incident },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { otherId } = req.body;
      if (otherId === id)
        throw new DutyError('DUTY_ERR_VALIDATION', 'body.otherId: an incident is not linked to itself');
      const incident = await app.command(actorOf(req), async (tx) => {
        await addAction(tx, otherId, 'note', `关联事件 #${id}（疑似同一事件）`);
        return addAction(tx, id, 'note', `关联事件 #${otherId}（疑似同一事件）`);
      });
      return reply.status(201).send(incident);
    },
  );

  app.post(
    '/api/incidents/:id/close',
    {
      config: { access: HANDLERS, scoped: true },
      schema: { params: IdParams, body: CloseBody, response: { 200: Incident } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => closeIncident(tx, req.params.id, req.body.outcome, zone)),
  );

  // Reports are records: there is no route to change or remove one, and the database refuses it too.
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/api/incidents/:id/reports/:number',
    config: { access: HANDLERS },
    schema: {
      params: Type.Object(
        { id: Type.Integer({ minimum: 1 }), number: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
    },
    // Refused before the body is read: whatever an edit carries, the answer is that reports do not change.
    preValidation: async () => {
      throw new DutyError('DUTY_ERR_CONFLICT', 'a report sent up is immutable: send a 续报 to correct it');
    },
    handler: async () => {
      throw new DutyError('DUTY_ERR_CONFLICT', 'a report sent up is immutable: send a 续报 to correct it');
    },
  });
}
