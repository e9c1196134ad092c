import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  CreateDisasterBody,
  Disaster,
  DisasterList,
  DisasterListQuery,
  DisasterStateBody,
  Filing,
  FilingBody,
  FilingList,
  FilingListQuery,
  UpdateDisasterBody,
  Victim,
  VictimBody,
  VictimList,
  VictimParams,
  VictimPatchBody,
} from '@shared/schemas/disasters';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import {
  addVictim,
  changeDisasterState,
  createDisaster,
  type DisasterCaller,
  disasterInSight,
  fileFigures,
  listDisasters,
  listFilings,
  listVictims,
  loadDisaster,
  removeVictim,
  updateDisaster,
  updateVictim,
} from './service';

/** The district's duty room records and steers a disaster. */
const DISTRICT_ROLES = ['officer', 'leader', 'admin'] as const;
/** Figures are filed by the units' officers and informants, and by the district on their behalf. */
const FILERS = ['officer', 'leader', 'admin', 'informant'] as const;
/** The 因灾死亡失踪人员 list: the township's and the district's people. */
const VICTIM_KEEPERS = ['officer', 'leader', 'admin'] as const;

function callerOf(req: FastifyRequest): DisasterCaller {
  const { user } = userOf(req);
  return {
    userId: user.id,
    username: user.username,
    unitId: user.unitId,
    unitPath: user.unitPath,
    roles: [...user.roles],
  };
}

/** 灾情报送 (DESIGN §2.6, PLAN-17): disasters, their figures, victims and clocks. */
export async function disasterRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/disasters',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: DisasterListQuery, response: { 200: DisasterList } },
    },
    async (req) => ({
      disasters: await listDisasters(app.db, callerOf(req), req.query.state, app.clock.now()),
    }),
  );

  app.post(
    '/api/disasters',
    { config: { access: DISTRICT_ROLES }, schema: { body: CreateDisasterBody, response: { 201: Disaster } } },
    async (req, reply) => {
      const disaster = await app.command(actorOf(req), (tx) => createDisaster(tx, zone, req.body));
      return reply.status(201).send(disaster);
    },
  );

  app.get(
    '/api/disasters/:id',
    { config: { access: 'user', scoped: true }, schema: { params: IdParams, response: { 200: Disaster } } },
    async (req) => loadDisaster(app.db, req.params.id, callerOf(req), app.clock.now(), zone),
  );

  app.patch(
    '/api/disasters/:id',
    {
      config: { access: DISTRICT_ROLES },
      schema: { params: IdParams, body: UpdateDisasterBody, response: { 200: Disaster } },
    },
    async (req) => app.command(actorOf(req), (tx) => updateDisaster(tx, zone, req.params.id, req.body)),
  );

  app.post(
    '/api/disasters/:id/state',
    {
      config: { access: DISTRICT_ROLES },
      schema: { params: IdParams, body: DisasterStateBody, response: { 200: Disaster } },
    },
    async (req) => app.command(actorOf(req), (tx) => changeDisasterState(tx, zone, req.params.id, req.body)),
  );

  app.post(
    '/api/disasters/:id/filings',
    {
      config: { access: FILERS, scoped: true },
      schema: { params: IdParams, body: FilingBody, response: { 201: Filing } },
    },
    async (req, reply) => {
      const filing = await app.command(actorOf(req), (tx) =>
        fileFigures(tx, zone, callerOf(req), req.params.id, req.body),
      );
      return reply.status(201).send(filing);
    },
  );

  app.get(
    '/api/disasters/:id/filings',
    {
      config: { access: 'user', scoped: true },
      schema: { params: IdParams, querystring: FilingListQuery, response: { 200: FilingList } },
    },
    async (req) => ({ filings: await listFilings(app.db, callerOf(req), req.params.id, req.query.unitId) }),
  );

  app.get(
    '/api/disasters/:id/victims',
    { config: { access: 'user', scoped: true }, schema: { params: IdParams, response: { 200: VictimList } } },
    async (req) => {
      const caller = callerOf(req);
      await disasterInSight(app.db, caller, req.params.id);
      return { victims: await listVictims(app.db, req.params.id, caller) };
    },
  );

  app.post(
    '/api/disasters/:id/victims',
    {
      config: { access: VICTIM_KEEPERS, scoped: true },
      schema: { params: IdParams, body: VictimBody, response: { 201: Victim } },
    },
    async (req, reply) => {
      const victim = await app.command(actorOf(req), (tx) =>
        addVictim(tx, callerOf(req), req.params.id, req.body),
      );
      return reply.status(201).send(victim);
    },
  );

  app.patch(
    '/api/disasters/:id/victims/:victimId',
    {
      config: { access: VICTIM_KEEPERS, scoped: true },
      schema: { params: VictimParams, body: VictimPatchBody, response: { 200: Victim } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) =>
        updateVictim(tx, callerOf(req), req.params.id, req.params.victimId, req.body),
      ),
  );

  app.delete(
    '/api/disasters/:id/victims/:victimId',
    {
      config: { access: VICTIM_KEEPERS, scoped: true },
      schema: { params: VictimParams, response: { 200: Victim } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => removeVictim(tx, callerOf(req), req.params.id, req.params.victimId)),
  );
}
