import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DISTRICT_PATH } from '@shared/domain/district';
import { IdParams } from '@shared/schemas/common';
import { Incident } from '@shared/schemas/incidents';
import {
  AssignPostBody,
  IncidentHop,
  IncidentHops,
  IssueUnitCheckBody,
  NetworkBoard,
  RollCall,
  TakeHopBody,
  UnitCheck,
  UnitCheckList,
  UnitIdParams,
  UnitPostDuty,
} from '@shared/schemas/posts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../errors';
import { actorOf, userOf } from '../../plugins/auth';
import { incidentHops, takeHop } from '../incidents/service';
import {
  answerUnitCheck,
  assignPost,
  checkInPost,
  issueRollCall,
  issueUnitCheck,
  networkBoard,
  openChecksOf,
  type PostCaller,
  rollCallOf,
} from './service';

/** Who names a unit's person on duty: its officers and informants, the district's administrators and leaders. */
const ASSIGNERS = ['officer', 'leader', 'admin', 'informant'] as const;
/** The district's spot-checks are issued by its leaders and administrators, as the duty room's. */
const ISSUERS = ['leader', 'admin'] as const;
/** A unit's post is stood by its officers and informants. */
const STANDERS = ['officer', 'leader', 'informant'] as const;

function callerOf(req: FastifyRequest): PostCaller {
  const { user } = userOf(req);
  return { userId: user.id, username: user.username, unitId: user.unitId, unitPath: user.unitPath };
}

export async function postRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/posts/board',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: NetworkBoard } } },
    async (req) => networkBoard(app.db, zone, callerOf(req), app.clock.now()),
  );

  app.put(
    '/api/posts/:unitId/today',
    {
      config: { access: ASSIGNERS, scoped: true },
      schema: { params: UnitIdParams, body: AssignPostBody, response: { 200: UnitPostDuty } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => assignPost(tx, zone, callerOf(req), req.params.unitId, req.body)),
  );

  app.post(
    '/api/posts/:unitId/check-in',
    {
      config: { access: STANDERS, scoped: true },
      schema: { params: UnitIdParams, body: TakeHopBody, response: { 200: UnitPostDuty } },
    },
    async (req) => app.command(actorOf(req), (tx) => checkInPost(tx, zone, callerOf(req), req.params.unitId)),
  );

  app.post(
    '/api/posts/:unitId/spot-checks',
    {
      config: { access: ISSUERS },
      schema: { params: UnitIdParams, body: IssueUnitCheckBody, response: { 201: UnitCheck } },
    },
    async (req, reply) => {
      const check = await app.command(actorOf(req), (tx) =>
        issueUnitCheck(tx, callerOf(req), req.params.unitId, req.body),
      );
      return reply.status(201).send(check);
    },
  );

  app.post(
    '/api/posts/roll-calls',
    { config: { access: ISSUERS }, schema: { body: IssueUnitCheckBody, response: { 201: RollCall } } },
    async (req, reply) => {
      const call = await app.command(actorOf(req), (tx) => issueRollCall(tx, callerOf(req), req.body));
      return reply.status(201).send(call);
    },
  );

  app.get(
    '/api/posts/roll-calls/:id',
    { config: { access: 'user' }, schema: { params: IdParams, response: { 200: RollCall } } },
    async (req) => {
      // Roll calls are the district's.
      if (callerOf(req).unitPath !== DISTRICT_PATH) notFound(`roll call ${req.params.id}`);
      return (await rollCallOf(app.db, req.params.id)) ?? notFound(`roll call ${req.params.id}`);
    },
  );

  app.get(
    '/api/posts/spot-checks/open',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: UnitCheckList } } },
    async (req) => ({ checks: await openChecksOf(app.db, callerOf(req), app.clock.now()) }),
  );

  app.post(
    '/api/posts/spot-checks/:id/answer',
    {
      config: { access: STANDERS, scoped: true },
      schema: { params: IdParams, body: TakeHopBody, response: { 200: UnitCheck } },
    },
    async (req) => app.command(actorOf(req), (tx) => answerUnitCheck(tx, zone, callerOf(req), req.params.id)),
  );

  app.get(
    '/api/incidents/:id/hops',
    {
      config: { access: 'user', scoped: true },
      schema: { params: IdParams, response: { 200: IncidentHops } },
    },
    async (req) => incidentHops(app.db, callerOf(req).unitPath, req.params.id),
  );

  app.post(
    '/api/incidents/:id/take',
    {
      config: { access: ['officer', 'leader', 'informant'], scoped: true },
      schema: {
        params: IdParams,
        body: TakeHopBody,
        response: {
          200: Type.Object({ incident: Incident, hop: IncidentHop }, { additionalProperties: false }),
        },
      },
    },
    async (req) => app.command(actorOf(req), (tx) => takeHop(tx, zone, callerOf(req), req.params.id)),
  );
}
