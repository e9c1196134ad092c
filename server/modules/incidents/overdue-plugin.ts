import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { raiseOverdue } from './overdue';

/** The incident timers (overdue reports) join the scanner's passes (the outbox joins in its own routes). */
export const overduePlugin = fp(async (app: FastifyInstance) => {
  app.scanner.add(raiseOverdue);
});
