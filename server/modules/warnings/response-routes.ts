import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  Consultation,
  ConsultationInput,
  ConsultationList,
  EmergencyResponse,
  EndBody,
  PeriodQuery,
  ResponseLevelChange,
  ResponseList,
  ResponseQuery,
  ResponseStart,
} from '@shared/schemas/warnings';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth';
import { toStored } from '../../time';
import { selectConsultations, selectResponses } from './repo';
import { changeResponseLevel, endResponse, recordConsultation, startResponse } from './responses';

const stored = (iso?: string) => (iso ? toStored(new Date(iso)) : undefined);

/** Emergency responses (应急响应) and consultations (会商研判): recorded by the duty room. */
export async function responseRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const DUTY = ['officer', 'leader'] as const;

  app.post(
    '/api/responses',
    { config: { access: DUTY }, schema: { body: ResponseStart, response: { 201: EmergencyResponse } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => startResponse(tx, req.body))),
  );

  app.get(
    '/api/responses',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: ResponseQuery, response: { 200: ResponseList } },
    },
    async (req) => ({
      responses: await selectResponses(app.db, {
        active: req.query.active === undefined ? undefined : req.query.active === 'true',
        from: stored(req.query.from),
        to: stored(req.query.to),
      }),
    }),
  );

  app.post(
    '/api/responses/:id/level',
    {
      config: { access: DUTY },
      schema: { params: IdParams, body: ResponseLevelChange, response: { 200: EmergencyResponse } },
    },
    async (req) => app.command(actorOf(req), (tx) => changeResponseLevel(tx, req.params.id, req.body)),
  );

  app.post(
    '/api/responses/:id/end',
    {
      config: { access: DUTY },
      schema: { params: IdParams, body: EndBody, response: { 200: EmergencyResponse } },
    },
    async (req) => app.command(actorOf(req), (tx) => endResponse(tx, req.params.id, req.body ?? {})),
  );

  app.post(
    '/api/consultations',
    { config: { access: DUTY }, schema: { body: ConsultationInput, response: { 201: Consultation } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => recordConsultation(tx, req.body))),
  );

  app.get(
    '/api/consultations',
    { config: { access: 'user' }, schema: { querystring: PeriodQuery, response: { 200: ConsultationList } } },
    async (req) => ({
      consultations: await selectConsultations(app.db, {
        from: stored(req.query.from),
        to: stored(req.query.to),
      }),
    }),
  );
}
