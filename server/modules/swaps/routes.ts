import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@shared/schemas/common';
import {
  DecideSwapBody,
  RejectSwapBody,
  RequestSwapBody,
  Swap,
  SwapList,
  SwapPreview,
  SwapQuery,
  SwapRefusal,
} from '@shared/schemas/swaps';
import type { FastifyInstance } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import {
  acceptSwap,
  approveSwap,
  cancelSwap,
  listSwaps,
  previewSwap,
  rejectSwap,
  requestSwap,
} from './service';

/** Who may reach a swap route at all; the service then checks who they are to this swap. */
const STAFF = ['officer', 'leader', 'admin'] as const;
const DECIDERS = ['leader', 'admin'] as const;

export async function swapRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  const byId = { params: IdParams, response: { 200: Swap } };

  app.get(
    '/api/roster/swaps',
    { config: { access: 'user' }, schema: { querystring: SwapQuery, response: { 200: SwapList } } },
    async (req) => ({ swaps: await listSwaps(app.db, req.query.status) }),
  );

  app.get(
    '/api/roster/swaps/:id/preview',
    { config: { access: 'user' }, schema: { params: IdParams, response: { 200: SwapPreview } } },
    async (req) => previewSwap(app.db, zone, req.params.id),
  );

  app.post(
    '/api/roster/swaps',
    { config: { access: STAFF }, schema: { body: RequestSwapBody, response: { 201: Swap } } },
    async (req, reply) => {
      const swap = await app.command(actorOf(req), (tx) => requestSwap(tx, userOf(req).user, req.body));
      return reply.status(201).send(swap);
    },
  );

  app.post('/api/roster/swaps/:id/accept', { config: { access: STAFF }, schema: byId }, async (req) =>
    app.command(actorOf(req), (tx) => acceptSwap(tx, userOf(req).user, req.params.id)),
  );

  app.post(
    '/api/roster/swaps/:id/approve',
    {
      config: { access: DECIDERS },
      schema: { params: IdParams, body: DecideSwapBody, response: { 200: Swap, 409: SwapRefusal } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) => approveSwap(tx, zone, userOf(req).user, req.params.id, req.body)),
  );

  app.post(
    '/api/roster/swaps/:id/reject',
    { config: { access: STAFF }, schema: { ...byId, body: RejectSwapBody } },
    async (req) =>
      app.command(actorOf(req), (tx) => rejectSwap(tx, userOf(req).user, req.params.id, req.body.note)),
  );

  app.post('/api/roster/swaps/:id/cancel', { config: { access: STAFF }, schema: byId }, async (req) =>
    app.command(actorOf(req), (tx) => cancelSwap(tx, userOf(req).user, req.params.id)),
  );
}
