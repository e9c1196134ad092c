import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Per node: the rows this process is sending now, whatever the claim's clock says. */
export interface SenderState {
  inFlight: Set<number>;
  rounds: Set<Promise<number>>;
  drain: Promise<number> | undefined;
  closing: AbortController;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox sender's state on this node (server/modules/outbox/sender.ts). */
    outboxSender: SenderState;
  }
}

/**
 * The sender's state lives on the app: one per built app, gone with it. On close, sends are cut
 * short and the round under way puts its claims back (after the scanner's last pass has started).
 */
export const outboxSenderPlugin = fp(
  async (app: FastifyInstance) => {
    const state: SenderState = {
      inFlight: new Set(),
      rounds: new Set(),
      drain: undefined,
      closing: new AbortController(),
    };
    app.decorate('outboxSender', state);
    app.addHook('preClose', async () => {
      state.closing.abort();
      await Promise.allSettled([...state.rounds]);
    });
  },
  { name: 'duty-outbox-sender' },
);
