import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Stats, StatsCsvQuery, StatsQuery } from '@shared/schemas/stats';
import type { FastifyInstance } from 'fastify';
import { formatLocal } from '../../time';
import { statsCsv } from './csv';
import { statsFor } from './service';

export async function statsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/stats',
    {
      config: { access: 'user', scoped: true },
      schema: { querystring: StatsQuery, response: { 200: Stats } },
    },
    async (req) =>
      statsFor(app.db, req.query, { zone, now: app.clock.now(), unitPath: req.principal?.unitPath }),
  );

  app.get(
    '/api/stats.csv',
    { config: { access: 'user', scoped: true }, schema: { querystring: StatsCsvQuery } },
    async (req, reply) => {
      const { table, ...query } = req.query;
      const stats = await statsFor(app.db, query, {
        zone,
        now: app.clock.now(),
        unitPath: req.principal?.unitPath,
      });
      const day = (at: string) => formatLocal(at, zone, 'yyyyMMdd');
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="stats-${table}-${day(stats.period.from)}-${day(stats.period.to)}.csv"`,
        )
        .send(statsCsv(stats, table));
    },
  );
}
