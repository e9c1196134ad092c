import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChainReport, EventPage, EventsQuery, VerifyQuery } from '@shared/schemas/events';
import type { FastifyInstance } from 'fastify';
import { eventsAfter, headSeq, latestEvents } from '../../events/read';
import { ADMIN } from '../../plugins/access';
import { displayNames } from '../users/service';
import { parseExpected, verifyLog } from './service';

export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  // Without `after`: the newest page, newest first (the audit page). With it: in order, for catch-up.
  app.get(
    '/api/events',
    { config: { access: ADMIN }, schema: { querystring: EventsQuery, response: { 200: EventPage } } },
    async (req) => {
      const { after, limit = 200, type } = req.query;
      const events =
        after === undefined
          ? await latestEvents(app.db, limit, type)
          : await eventsAfter(app.db, after, limit, type);
      const names = await displayNames(
        app.db,
        events.map((e) => e.actor),
      );
      return { events, headSeq: await headSeq(app.db), names };
    },
  );

  app.get(
    '/api/events/verify',
    { config: { access: ADMIN }, schema: { querystring: VerifyQuery, response: { 200: ChainReport } } },
    // The chain, every recorded checkpoint, and any anchor read off a printed handover.
    async (req) =>
      verifyLog(app.db, app.config.auditKey, req.query.expect ? parseExpected(req.query.expect) : []),
  );
}
