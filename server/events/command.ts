import type { AnyDutyEvent, EventType } from '@shared/events';
import type { Db, Trx } from '../db/database';
import type { Clock } from '../time';
import { appendEvent, lockAppends, type NewEvent } from './append';

/** What a service gets inside a command: the transaction and a way to record its event(s). */
export interface Tx {
  trx: Trx;
  clock: Clock;
  actor: string;
  record<T extends EventType>(event: Omit<NewEvent<T>, 'actor'>): Promise<AnyDutyEvent>;
}

export interface CommandDeps {
  db: Db;
  clock: Clock;
  publish: (event: AnyDutyEvent) => void;
  /** AUDIT_KEY: when set, every appended event is HMAC-chained. */
  auditKey?: string;
}

/**
 * One state change: rows and their events in one transaction; the events go to consoles only
 * after the commit, so no console ever sees a change that was rolled back.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  actor: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const recorded: AnyDutyEvent[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    await lockAppends(trx);
    return work({
      trx,
      clock: deps.clock,
      actor,
      record: async (event) => {
        const appended = await appendEvent(
          trx,
          deps.clock,
          { ...event, actor } as NewEvent<EventType>,
          deps.auditKey,
        );
        recorded.push(appended);
        return appended;
      },
    });
  });
  for (const event of recorded) deps.publish(event);
  return result;
}
