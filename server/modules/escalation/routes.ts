import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import { Escalation, EscalationList, EscalationSettings } from '@shared/schemas/escalation';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { acknowledgeEscalation, escalations, getEscalationSettings, putEscalationSettings } from './service';

const ListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('all')])) },
  { additionalProperties: false },
);

/** Escalation along the chain after the leader on call (timers: server/jobs/scanner.ts). */
export async function escalationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/escalations',
    { config: { access: 'user' }, schema: { querystring: ListQuery, response: { 200: EscalationList } } },
    async (req) => ({ escalations: await escalations(app.db, req.query.status !== 'all') }),
  );

  app.post(
    '/api/escalations/:id/acknowledge',
    { config: { access: ['leader'] }, schema: { params: IdParams, response: { 200: Escalation } } },
    async (req) => {
      if (req.principal?.kind !== 'user')
        throw new DutyError('DUTY_ERR_FORBIDDEN', 'the leader on call acknowledges in person');
      return app.command(actorOf(req), (tx) => acknowledgeEscalation(tx, req.params.id));
    },
  );

  app.get(
    '/api/settings/escalation',
    { config: { access: 'user' }, schema: { response: { 200: EscalationSettings } } },
    async () => getEscalationSettings(app.db),
  );

  app.put(
    '/api/settings/escalation',
    {
      config: { access: ADMIN },
      schema: { body: EscalationSettings, response: { 200: EscalationSettings } },
    },
    async (req) => app.command(actorOf(req), (tx) => putEscalationSettings(tx, req.body)),
  );
}
