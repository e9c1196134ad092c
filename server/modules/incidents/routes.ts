import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  BoardList,
  Incident,
  IncidentDetail,
  IncidentIntake,
  IncidentList,
  IncidentPatch,
  IncidentQuery,
  type Incident as IncidentType,
} from '@shared/schemas/incidents';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { nowStored } from '../../time';
import { boardIncidents } from './board';
import { requestHash, runIdempotent } from './idempotency';
import { createIncident } from './intake';
import { acknowledgeIncident, patchIncident, verifyIncident } from './lifecycle';
import { incidentDetail, listIncidents } from './queries';
import { guardIncidentScope, scopeOf } from './scope';

const IntakeHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' }),
  ),
});

export async function incidentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  guardIncidentScope(app);

  app.post(
    '/api/incidents',
    {
      // A community's informant reports through the same intake, scoped to its unit (DESIGN 2.7).
      config: { access: ['officer', 'informant', 'system'], scoped: true },
      schema: { headers: IntakeHeaders, body: IncidentIntake, response: { 201: Incident } },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const actor = actorOf(req);
      if (!key)
        return reply.status(201).send(await app.command(actor, (tx) => createIncident(tx, req.body, zone)));
      // Keys are scoped to the caller: two systems may both use "1".
      const scope =
        req.principal?.kind === 'token' ? `token:${req.principal.token.id}` : `user:${actor.name}`;
      const outcome = await runIdempotent(
        app,
        actor,
        { scope, key, hash: requestHash(req.body), status: 201 },
        (tx) => createIncident(tx, req.body, zone),
      );
      if (outcome.kind === 'replay')
        return reply
          .status(201)
          .header('idempotent-replayed', 'true')
          .send(outcome.body as IncidentType);
      return reply.status(201).send(outcome.result);
    },
  );

  app.get(
    '/api/incidents',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: IncidentQuery, response: { 200: IncidentList } },
    },
    async (req) => ({
      incidents: await listIncidents(app.db, req.query, nowStored(app.clock), scopeOf(req)),
    }),
  );

  // The board's slim list: same filter, order and access as the list above.
  app.get(
    '/api/incidents/board',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: IncidentQuery, response: { 200: BoardList } },
    },
    async (req) => ({
      incidents: await boardIncidents(app.db, req.query, nowStored(app.clock), scopeOf(req)),
    }),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: 'user', scoped: true },
      schema: { params: IdParams, response: { 200: IncidentDetail } },
    },
    async (req) => incidentDetail(app.db, req.params.id, nowStored(app.clock), scopeOf(req)),
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { access: ['officer', 'leader'], scoped: true },
      schema: { params: IdParams, body: IncidentPatch, response: { 200: Incident } },
    },
    async (req) => app.command(actorOf(req), (tx) => patchIncident(tx, req.params.id, req.body, zone)),
  );

  app.post(
    '/api/incidents/:id/verify',
    {
      config: { access: ['officer', 'leader'], scoped: true },
      schema: { params: IdParams, response: { 200: Incident } },
    },
    async (req) => app.command(actorOf(req), (tx) => verifyIncident(tx, req.params.id)),
  );

  app.post(
    '/api/incidents/:id/acknowledge',
    {
      config: { access: ['leader'], scoped: true },
      schema: { params: IdParams, response: { 200: Incident } },
    },
    async (req) => {
      if (req.principal?.kind !== 'user')
        throw new DutyError('DUTY_ERR_FORBIDDEN', 'the leader on call acknowledges in person');
      return app.command(actorOf(req), (tx) => acknowledgeIncident(tx, req.params.id));
    },
  );
}
