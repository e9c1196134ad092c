import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { raiseMissedCheckIns } from '../modules/attendance/missed';

/** One pass over every stored timer. Each raiser claims its rows, so passes may overlap nodes. */
export type Raiser = (app: FastifyInstance) => Promise<number>;

declare module 'fastify' {
  interface FastifyInstance {
    scanner: { runOnce(): Promise<number>; add(raiser: Raiser): void };
  }
}

export const scannerPlugin = fp(async (app: FastifyInstance) => {
  const raisers: Raiser[] = [raiseMissedCheckIns];
  let running: Promise<number> | undefined;
  const runOnce = async (): Promise<number> => {
    // One pass at a time in this process; a second caller waits for the pass under way.
    while (running) await running.catch(() => 0);
    running = (async () => {
      let total = 0;
      for (const raise of raisers) total += await raise(app);
      return total;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  app.decorate('scanner', { runOnce, add: (raiser: Raiser) => raisers.push(raiser) });

  const timer = setInterval(() => {
    runOnce().catch((err) => app.log.error({ err }, 'scanner pass failed'));
  }, app.config.scanMs);
  timer.unref();
  app.addHook('onReady', async () => {
    await runOnce();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running?.catch(() => 0);
  });
});
