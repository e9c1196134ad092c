import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeadlinePolicyBody } from '@shared/schemas/deadlines';
import type { FastifyInstance } from 'fastify';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { getDeadlinePolicy, putDeadlinePolicy } from './policy';

export async function policyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/settings/deadlines',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: DeadlinePolicyBody } } },
    async () => getDeadlinePolicy(app.db),
  );

  app.put(
    '/api/settings/deadlines',
    {
      config: { access: ADMIN },
      schema: { body: DeadlinePolicyBody, response: { 200: DeadlinePolicyBody } },
    },
    async (req) => app.command(actorOf(req), (tx) => putDeadlinePolicy(tx, req.body)),
  );
}
