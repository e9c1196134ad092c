import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  LogEntry,
  LogIncidentResult,
  LogList,
  LogPatch,
  LogQuery,
  LogToIncidentBody,
  NewLogEntry,
} from '@shared/schemas/logbook';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth';
import { addEntry, entryToIncident, getEntry, listLog, patchEntry } from './service';

const WRITERS = ['officer', 'leader'] as const;

export async function logbookRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/logbook',
    { config: { access: 'user' }, schema: { querystring: LogQuery, response: { 200: LogList } } },
    async (req) => ({ entries: await listLog(app.db, req.query) }),
  );

  app.get(
    '/api/logbook/:id',
    { config: { access: 'user' }, schema: { params: IdParams, response: { 200: LogEntry } } },
    async (req) => getEntry(app.db, req.params.id),
  );

  app.post(
    '/api/logbook',
    { config: { access: WRITERS }, schema: { body: NewLogEntry, response: { 201: LogEntry } } },
    async (req, reply) =>
      reply.status(201).send(await app.command(actorOf(req), (tx) => addEntry(tx, req.body))),
  );

  app.patch(
    '/api/logbook/:id',
    {
      config: { access: WRITERS },
      schema: { params: IdParams, body: LogPatch, response: { 200: LogEntry } },
    },
    async (req) => app.command(actorOf(req), (tx) => patchEntry(tx, req.params.id, req.body)),
  );

  app.post(
    '/api/logbook/:id/incident',
    {
      config: { access: ['officer'] },
      schema: { params: IdParams, body: LogToIncidentBody, response: { 201: LogIncidentResult } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await app.command(actorOf(req), (tx) => entryToIncident(tx, req.params.id, req.body, zone))),
  );
}
