import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DutySettings } from '@shared/schemas/settings';
import type { FastifyInstance } from 'fastify';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { getDutySettings, putDutySettings } from './service';

export async function settingsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/settings/duty',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: DutySettings } } },
    async () => getDutySettings(app.db),
  );

  app.put(
    '/api/settings/duty',
    { config: { access: ADMIN }, schema: { body: DutySettings, response: { 200: DutySettings } } },
    async (req) => app.command(actorOf(req), (tx) => putDutySettings(tx, req.body)),
  );
}
