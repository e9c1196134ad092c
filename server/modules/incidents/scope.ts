import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../errors';
import { DISTRICT_PATH } from '../../plugins/access';
import { incidentWithin } from './queries';

/** The subtree a caller may see: its unit's path (the district's `/1/`: everything). */
export function scopeOf(req: FastifyRequest): string {
  return req.principal?.unitPath ?? DISTRICT_PATH;
}

/**
 * Every `/api/incidents/:id…` route of the plugin that calls this answers 404 for an incident
 * outside the caller's subtree, exactly as for one that does not exist (no existence leak), before
 * its handler reads or changes anything; a linked `otherId` too. After validation: ids are integers.
 */
export function guardIncidentScope(app: FastifyInstance): void {
  app.addHook('preHandler', async (req) => {
    if (!req.routeOptions.url?.startsWith('/api/incidents/:id')) return;
    const path = scopeOf(req);
    if (path === DISTRICT_PATH) return;
    const ids = [(req.params as { id?: number }).id];
    const otherId = (req.body as { otherId?: unknown } | undefined)?.otherId;
    if (req.routeOptions.url === '/api/incidents/:id/link' && typeof otherId === 'number') ids.push(otherId);
    for (const id of ids) {
      if (typeof id === 'number' && !(await incidentWithin(app.db, id, path))) notFound(`incident ${id}`);
    }
  });
}
