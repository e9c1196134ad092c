import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import { ImportPeriodsBody, NewPeriodBody, Period } from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { addPeriods, removePeriod } from './periods';
import { periodsTouching } from './repo';

export async function periodRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/roster/periods',
    {
      config: { access: 'user' },
      schema: {
        querystring: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ periods: Type.Array(Period) }, { additionalProperties: false }) },
      },
    },
    async (req) => ({
      periods: await periodsTouching(app.db, `${req.query.year}-01-01`, `${req.query.year}-12-31`),
    }),
  );

  app.post(
    '/api/roster/periods',
    { config: { access: ADMIN }, schema: { body: NewPeriodBody, response: { 201: Period } } },
    async (req, reply) => {
      const [period] = await app.command(actorOf(req), (tx) => addPeriods(tx, [req.body]));
      return reply.status(201).send(period!);
    },
  );

  // The administrator's yearly list: holidays with their make-up workdays, seasons; all or nothing.
  app.post(
    '/api/roster/periods/import',
    {
      config: { access: ADMIN },
      schema: {
        body: ImportPeriodsBody,
        response: { 201: Type.Object({ periods: Type.Array(Period) }, { additionalProperties: false }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ periods: await app.command(actorOf(req), (tx) => addPeriods(tx, req.body.periods)) }),
  );

  app.delete(
    '/api/roster/periods/:id',
    { config: { access: ADMIN }, schema: { params: IdParams, response: { 200: Period } } },
    async (req) => app.command(actorOf(req), (tx) => removePeriod(tx, req.params.id)),
  );
}
