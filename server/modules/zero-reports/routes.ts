import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  CreateZeroRequestBody,
  ZeroAsks,
  ZeroDateQuery,
  ZeroFiling,
  ZeroFilingBody,
  ZeroListQuery,
  ZeroRequest,
  ZeroRequestList,
} from '@shared/schemas/zero-reports';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import {
  createRequest,
  endRequest,
  fileZeroReport,
  listRequests,
  myAsks,
  requestView,
  type ZeroCaller,
} from './service';

/** The district's duty room asks and ends (officers, leaders, administrators). */
const ASKERS = ['officer', 'leader', 'admin'] as const;
/** A unit's officers, leaders and informants file (the district may file on a unit's behalf). */
const FILERS = ['officer', 'leader', 'admin', 'informant'] as const;

function callerOf(req: FastifyRequest): ZeroCaller {
  const { user } = userOf(req);
  return {
    userId: user.id,
    username: user.username,
    unitId: user.unitId,
    unitPath: user.unitPath,
    roles: [...user.roles],
  };
}

export async function zeroReportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.post(
    '/api/zero-reports',
    {
      config: { access: ASKERS },
      schema: { body: CreateZeroRequestBody, response: { 201: ZeroRequest } },
    },
    async (req, reply) => {
      const request = await app.command(actorOf(req), (tx) =>
        createRequest(tx, zone, callerOf(req), req.body),
      );
      return reply.status(201).send(request);
    },
  );

  app.get(
    '/api/zero-reports',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: ZeroListQuery, response: { 200: ZeroRequestList } },
    },
    async (req) => {
      const active = req.query.active === undefined ? undefined : req.query.active === 'true';
      return { requests: await listRequests(app.db, zone, callerOf(req), app.clock.now(), active) };
    },
  );

  app.get(
    '/api/zero-reports/mine',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: ZeroAsks } } },
    async (req) => ({ asks: await myAsks(app.db, zone, callerOf(req), app.clock.now()) }),
  );

  app.get(
    '/api/zero-reports/:id',
    {
      config: { access: 'user', scoped: true },
      schema: { params: IdParams, querystring: ZeroDateQuery, response: { 200: ZeroRequest } },
    },
    async (req) => requestView(app.db, zone, callerOf(req), req.params.id, app.clock.now(), req.query.date),
  );

  app.post(
    '/api/zero-reports/:id/filings',
    {
      config: { access: FILERS, scoped: true },
      schema: { params: IdParams, body: ZeroFilingBody, response: { 201: ZeroFiling } },
    },
    async (req, reply) => {
      const filing = await app.command(actorOf(req), (tx) =>
        fileZeroReport(tx, zone, callerOf(req), req.params.id, req.body),
      );
      return reply.status(201).send(filing);
    },
  );

  app.post(
    '/api/zero-reports/:id/end',
    {
      config: { access: ASKERS },
      schema: { params: IdParams, response: { 200: ZeroRequest } },
    },
    async (req) => app.command(actorOf(req), (tx) => endRequest(tx, zone, callerOf(req), req.params.id)),
  );
}
