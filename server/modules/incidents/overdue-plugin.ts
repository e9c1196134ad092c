import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendDueMessages } from '../outbox/sender';
import { raiseOverdue } from './overdue';

/** The incident timers (overdue reports) and the upstream outbox join the scanner's passes. */
export const overduePlugin = fp(async (app: FastifyInstance) => {
  app.scanner.add(raiseOverdue);
  app.scanner.add(sendDueMessages);
});
