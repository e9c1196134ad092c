import type { EventType } from '@shared/events';
import type { FastifyInstance } from 'fastify';
import type { DbOrTrx, Trx } from '../db/database';
import type { NewEvent } from '../events/append';
import { nowStored } from '../time';

/** One pass over one kind of stored timer; returns how many it raised. */
export type Raiser = (app: FastifyInstance) => Promise<number>;

/** An event a timer raises (the scanner records it as `system`). */
export type TimerEvent = { [T in EventType]: Omit<NewEvent<T>, 'actor'> }[EventType];

/**
 * A deadline kept in the database whose passing is told once. A module says what has fallen due
 * and how to claim one; raiseOnce does the rest the same way for every timer.
 */
export interface Timer<K> {
  /** What has fallen due and is not yet claimed: one batch, read outside any transaction. */
  due(db: DbOrTrx, now: string): Promise<K[]>;
  /** The conditional update that claims `key`, and the event it raises; undefined when already claimed. */
  claim(trx: Trx, key: K, now: string): Promise<TimerEvent | undefined>;
}

/**
 * Claim once, record the event: claim and event share one command (one transaction), so each is
 * raised exactly once, across restarts and with several nodes scanning the same database.
 */
export function raiseOnce<K>(timer: Timer<K>): Raiser {
  return async (app) => {
    const now = nowStored(app.clock);
    let raised = 0;
    for (const key of await timer.due(app.db, now)) {
      await app.command('system', async (tx) => {
        const event = await timer.claim(tx.trx, key, now);
        if (!event) return;
        await tx.record(event);
        raised += 1;
      });
    }
    return raised;
  };
}
