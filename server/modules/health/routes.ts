import { Health } from '@shared/schemas/health';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { VERSION } from '../../version';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { response: { 200: Health } } },
    async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, db: app.dbKind, version: VERSION };
    },
  );
}
