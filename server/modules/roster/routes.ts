import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  EditReasonBody,
  GenerateBody,
  NewShiftBody,
  PublishBody,
  PublishRefusal,
  RosterMonth,
  RosterQuery,
  RosterView,
  Shift,
  UpdateShiftBody,
} from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { listRosterPeople } from '../users/service';
import { createShift, deleteShift, generateRoster, publishMonth, rosterView, updateShift } from './service';

const MAX_VIEW_DAYS = 93;

export async function rosterRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/roster',
    { config: { access: 'user' }, schema: { querystring: RosterQuery, response: { 200: RosterView } } },
    async (req) => {
      const { from, to } = req.query;
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (days < 0 || days > MAX_VIEW_DAYS) {
        throw new DutyError(
          'DUTY_ERR_VALIDATION',
          `querystring.to must be from 0 to ${MAX_VIEW_DAYS} days after querystring.from`,
        );
      }
      return rosterView(app.db, zone, from, to, app.clock.now());
    },
  );

  // Who can be rostered or swapped with: everyone signed in may see names, roles and qualification.
  app.get(
    '/api/roster/people',
    {
      config: { access: 'user' },
      schema: {
        response: {
          200: Type.Object(
            {
              people: Type.Array(
                Type.Object(
                  {
                    id: Type.Integer(),
                    displayName: Type.String(),
                    roles: Type.Array(Type.String()),
                    qualified: Type.Boolean(),
                  },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => ({
      people: (await listRosterPeople(app.db))
        .filter((p) => p.enabled)
        .map(({ id, displayName, roles, qualified }) => ({ id, displayName, roles, qualified })),
    }),
  );

  app.post(
    '/api/roster/generate',
    {
      config: { access: ADMIN },
      schema: {
        body: GenerateBody,
        response: {
          200: Type.Object(
            { created: Type.Integer(), replaced: Type.Integer(), kept: Type.Integer() },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (req) => app.command(actorOf(req), (tx) => generateRoster(tx, zone, req.body)),
  );

  app.post(
    '/api/roster/shifts',
    { config: { access: ADMIN }, schema: { body: NewShiftBody, response: { 201: Shift } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => createShift(tx, zone, req.body))),
  );

  app.put(
    '/api/roster/shifts/:id',
    {
      config: { access: ADMIN },
      schema: { params: IdParams, body: UpdateShiftBody, response: { 200: Shift } },
    },
    async (req) => app.command(actorOf(req), (tx) => updateShift(tx, zone, req.params.id, req.body)),
  );

  app.delete(
    '/api/roster/shifts/:id',
    {
      config: { access: ADMIN },
      schema: { params: IdParams, body: EditReasonBody, response: { 200: Shift } },
      // The body is optional (a draft month's shift is deleted without one): none reads as {}.
      preValidation: async (req) => {
        if (req.body === undefined || req.body === null) req.body = {};
      },
    },
    async (req) => app.command(actorOf(req), (tx) => deleteShift(tx, zone, req.params.id, req.body)),
  );

  app.post(
    '/api/roster/publish',
    {
      config: { access: ADMIN },
      schema: { body: PublishBody, response: { 200: RosterMonth, 409: PublishRefusal } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => publishMonth(tx, zone, req.body.month, req.body.overrideReason)),
  );
}
