import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  CreateUnitBody,
  ImportedUnits,
  ImportUnitsBody,
  Unit,
  UnitList,
  UpdateUnitBody,
} from '@shared/schemas/units';
import type { FastifyInstance } from 'fastify';
import { ADMIN, DISTRICT_PATH } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { createUnit, importUnits, unitTree, updateUnit } from './service';

/** The units of the duty network (DESIGN 2.7): read within one's subtree, managed by the administrator. */
export async function unitRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/units',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: UnitList } } },
    async (req) => ({ units: await unitTree(app.db, req.principal?.unitPath ?? DISTRICT_PATH) }),
  );

  app.post(
    '/api/units',
    { config: { access: ADMIN }, schema: { body: CreateUnitBody, response: { 201: Unit } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => createUnit(tx, req.body))),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: ADMIN },
      schema: { params: IdParams, body: UpdateUnitBody, response: { 200: Unit } },
    },
    async (req) => app.command(actorOf(req), (tx) => updateUnit(tx, req.params.id, req.body)),
  );

  // A district's dozens of units in one file: all or nothing, each refused line named.
  app.post(
    '/api/units/import',
    { config: { access: ADMIN }, schema: { body: ImportUnitsBody, response: { 201: ImportedUnits } } },
    async (req, reply) =>
      reply
        .status(201)
        .send({ units: await app.command(actorOf(req), (tx) => importUnits(tx, req.body.csv)) }),
  );
}
