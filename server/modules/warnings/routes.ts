import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  EndBody,
  PeriodQuery,
  Warning,
  WarningIntake,
  WarningLevelChange,
  WarningList,
  WarningQuery,
  WarningStats,
  type Warning as WarningType,
} from '@shared/schemas/warnings';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { toStored } from '../../time';
import { requestHash, runIdempotent } from '../incidents/service';
import { selectWarnings, toWarning } from './repo';
import { warningStats } from './service';
import { changeWarningLevel, issueWarning, liftWarning } from './warnings';

const IntakeHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' }),
  ),
});

const stored = (iso?: string) => (iso ? toStored(new Date(iso)) : undefined);

/** Warnings (预警): the intake (officers and systems), upgrade / downgrade / lift, history, statistics. */
export async function warningRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // As POST /api/incidents: officers type them in, systems (API tokens) push them.
  const INTAKE = ['officer', 'leader', 'system'] as const;

  app.post(
    '/api/warnings',
    {
      config: { access: INTAKE },
      schema: { headers: IntakeHeaders, body: WarningIntake, response: { 201: Warning } },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const actor = actorOf(req);
      const source = req.principal?.kind === 'token' ? 'api' : 'manual';
      const work = (tx: Parameters<Parameters<typeof app.command>[1]>[0]) =>
        issueWarning(tx, req.body, source);
      if (!key) return reply.status(201).send(await app.command(actor, work));
      // Scoped to the caller and apart from the incidents' keys: a system may use "1" for both.
      const caller = req.principal?.kind === 'token' ? `token:${req.principal.token.id}` : `user:${actor}`;
      const outcome = await runIdempotent(
        app,
        actor,
        { scope: `warning:${caller}`, key, hash: requestHash(req.body), status: 201 },
        work,
      );
      if (outcome.kind === 'replay')
        return reply
          .status(201)
          .header('idempotent-replayed', 'true')
          .send(outcome.body as WarningType);
      return reply.status(201).send(outcome.result);
    },
  );

  app.get(
    '/api/warnings',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: WarningQuery, response: { 200: WarningList } },
    },
    async (req) => {
      const q = req.query;
      return {
        warnings: await selectWarnings(app.db, {
          active: q.active === undefined ? undefined : q.active === 'true',
          from: stored(q.from),
          to: stored(q.to),
          type: q.type,
          level: q.level,
          limit: q.limit,
        }),
      };
    },
  );

  app.get(
    '/api/warnings/stats',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: PeriodQuery, response: { 200: WarningStats } },
    },
    async (req) => warningStats(app.db, stored(req.query.from), stored(req.query.to)),
  );

  app.get(
    '/api/warnings/:id',
    { config: { access: 'user', scoped: true }, schema: { params: IdParams, response: { 200: Warning } } },
    async (req) => {
      const row = await app.db
        .selectFrom('warnings')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      return row ? toWarning(row) : notFound(`warning ${req.params.id}`);
    },
  );

  app.post(
    '/api/warnings/:id/level',
    {
      config: { access: INTAKE },
      schema: { params: IdParams, body: WarningLevelChange, response: { 200: Warning } },
    },
    async (req) => app.command(actorOf(req), (tx) => changeWarningLevel(tx, req.params.id, req.body)),
  );

  app.post(
    '/api/warnings/:id/lift',
    { config: { access: INTAKE }, schema: { params: IdParams, body: EndBody, response: { 200: Warning } } },
    async (req) => app.command(actorOf(req), (tx) => liftWarning(tx, req.params.id, req.body ?? {})),
  );
}
