import type { AnyDutyEvent } from '@shared/events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, runCommand, type Tx } from '../events/command';

declare module 'fastify' {
  interface FastifyInstance {
    /** One state change: rows + events in one transaction, events pushed after commit. */
    command<T>(actor: string | Actor, work: (tx: Tx) => Promise<T>): Promise<T>;
  }
}

/**
 * The spine's entry point. It writes through the database and pushes what it committed to the live
 * feed, so it declares both: registered before either, Fastify refuses to start.
 */
export const commandPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('command', function command<T>(actor: string | Actor, work: (tx: Tx) => Promise<T>) {
      return runCommand(
        {
          db: app.db,
          clock: app.clock,
          publish: (e: AnyDutyEvent) => app.live.publish(e),
          auditKey: app.config.auditKey,
        },
        actor,
        work,
      );
    });
  },
  { name: 'duty-command', dependencies: ['duty-db', 'duty-live'] },
);
