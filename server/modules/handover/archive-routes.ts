import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { handoverMarkdown } from '@shared/domain/handover-markdown';
import { IdParams } from '@shared/schemas/common';
import { Handover, HandoverList, HandoverQuery } from '@shared/schemas/handover';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { handoverPdf } from './pdf';
import { awaitingHandovers, getHandover, latestHandover, searchHandovers } from './service';

const Latest = Type.Object(
  { handover: Type.Union([Handover, Type.Null()]) },
  { additionalProperties: false },
);

/** Reading handovers: the archive, what awaits a signature, the last one, and the exports. */
export async function handoverArchiveRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  const filename = (h: Handover, ext: string) =>
    `attachment; filename="handover-${h.shift.dutyDate}-${h.id}.${ext}"`;

  app.get(
    '/api/handovers',
    { config: { access: 'user' }, schema: { querystring: HandoverQuery, response: { 200: HandoverList } } },
    async (req) => ({ handovers: await searchHandovers(app.db, zone, req.query) }),
  );

  app.get(
    '/api/handovers/pending',
    { config: { access: 'user' }, schema: { response: { 200: HandoverList } } },
    async () => ({ handovers: await awaitingHandovers(app.db, zone) }),
  );

  app.get(
    '/api/handovers/latest',
    { config: { access: 'user' }, schema: { response: { 200: Latest } } },
    async () => ({ handover: await latestHandover(app.db, zone) }),
  );

  app.get(
    '/api/handovers/:id',
    { config: { access: 'user' }, schema: { params: IdParams, response: { 200: Handover } } },
    async (req) => getHandover(app.db, zone, req.params.id),
  );

  app.get(
    '/api/handovers/:id.md',
    { config: { access: 'user' }, schema: { params: IdParams } },
    async (req, reply) => {
      const h = await getHandover(app.db, zone, req.params.id);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', filename(h, 'md'))
        .send(handoverMarkdown(h));
    },
  );

  app.get(
    '/api/handovers/:id.pdf',
    { config: { access: 'user' }, schema: { params: IdParams } },
    async (req, reply) => {
      const h = await getHandover(app.db, zone, req.params.id);
      const pdf = await handoverPdf(h);
      return reply.type('application/pdf').header('content-disposition', filename(h, 'pdf')).send(pdf);
    },
  );
}
