import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { missedCheckIns, raiseMissedLeaderPosts } from '../modules/attendance/service';
import { raiseDailyCheckpoint } from '../modules/audit/service';
import { raiseOverdueDisasterObligations, refreshOpenDisasters } from '../modules/disasters/service';
import {
  raiseEscalationSteps,
  raiseEscalationTriggers,
  scanEscalationMessages,
} from '../modules/escalation/service';
import { overdueObligations } from '../modules/incidents/service';
import { scanOutbox } from '../modules/outbox/service';
import { raiseMissedUnitChecks } from '../modules/posts/service';
import { missedSpotChecks } from '../modules/spotchecks/service';
import { endLinkedZeroRequests, raiseZeroMisses, raiseZeroReminders } from '../modules/zero-reports/service';
import { type Raiser, raiseOnce } from './raise-once';

/**
 * Every stored timer, in the order a pass runs them: each module contributes its raiser through its
 * service. Each raiser claims its rows, so passes may overlap across nodes.
 */
const RAISERS: readonly Raiser[] = [
  raiseOnce(missedCheckIns),
  raiseMissedLeaderPosts,
  raiseDailyCheckpoint,
  raiseOnce(overdueObligations),
  // Starts a delivery round and waits for it only briefly: a slow upstream delays no alarm.
  scanOutbox,
  raiseOnce(missedSpotChecks),
  // The district's spot-checks of the units (查岗, 全区查岗); the last of a roll call logs its result.
  raiseMissedUnitChecks,
  // Natural disasters: open ones' obligations refreshed (new days appear), then the overdue raised once.
  refreshOpenDisasters,
  raiseOverdueDisasterObligations,
  // Zero reports (零报告): those asked for a warning or a response end with it; then a
  // reminder before each unit's cut-off, a miss strictly after it, once each.
  endLinkedZeroRequests,
  raiseZeroReminders,
  raiseZeroMisses,
  // Last, so the overdue reports and missed spot-checks of this pass start their escalation in it;
  // triggers (and acknowledgements) are read before steps fall due.
  raiseEscalationTriggers,
  raiseEscalationSteps,
  scanEscalationMessages,
];

declare module 'fastify' {
  interface FastifyInstance {
    scanner: { runOnce(): Promise<number> };
  }
}

export const scannerPlugin = fp(
  async (app: FastifyInstance) => {
    let running: Promise<number> | undefined;
    const runOnce = async (): Promise<number> => {
      // One pass at a time in this process; a second caller waits for the pass under way.
      while (running) await running.catch(() => 0);
      running = (async () => {
        let total = 0;
        for (const raise of RAISERS) {
          total += await raise(app);
          // SQLite answers without yielding, so a whole pass would hold the event loop for its
          // length: requests that arrived meanwhile (a phone report) go between two raisers.
          await nextTurn();
        }
        return total;
      })();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    };
    app.decorate('scanner', { runOnce });

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
  },
  { name: 'duty-scanner', dependencies: ['duty-command'] },
);
