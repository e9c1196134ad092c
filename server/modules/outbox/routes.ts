import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OutboxBacklog } from '@shared/schemas/outbox';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../../plugins/access';
import { backlog } from './service';

/** The duty room watches the backlog; a system has no use for it. */
const WATCHERS: Access = ['officer', 'leader', 'admin'];

/** The upstream outbox's backlog on view (delivery: the scanner's pass, server/jobs/scanner.ts). */
export async function outboxRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/outbox/backlog',
    { config: { access: WATCHERS }, schema: { response: { 200: OutboxBacklog } } },
    async () => backlog(app.db, app.clock.now(), app.config.upstreamUrls),
  );
}
