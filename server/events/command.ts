import { DISTRICT_PATH, DISTRICT_UNIT_ID } from '@shared/domain/district';
import type { AnyDutyEvent, EventType } from '@shared/events';
import type { Db, Trx } from '../db/database';
import type { Clock } from '../time';
import { appendEvent, lockAppends, type NewEvent } from './append';
import type { GroupCommit } from './group-commit';

/**
 * Who acts: a username (or `token:<name>`, `system`) and the unit they act for (DESIGN 2.7). A plain
 * string acts for the district (`/1/`): the system, scanners, first start.
 */
export interface Actor {
  name: string;
  unitId: number;
  unitPath: string;
}

/** The district, root of the units tree (created by the 2026-12-07 migration). */
const DISTRICT = { id: DISTRICT_UNIT_ID, path: DISTRICT_PATH } as const;

export function toActor(actor: string | Actor): Actor {
  return typeof actor === 'string' ? { name: actor, unitId: DISTRICT.id, unitPath: DISTRICT.path } : actor;
}

/** What a service gets inside a command: the transaction and a way to record its event(s). */
export interface Tx {
  trx: Trx;
  clock: Clock;
  /** The acting username (as stored in `created_by`, events' `actor`). */
  actor: string;
  /** The unit the actor acts for: its id and path. */
  unit: { id: number; path: string };
  /** `unit`: the event's audience, a unit path (default `/1/`, the district only). */
  record<T extends EventType>(event: Omit<NewEvent<T>, 'actor'>): Promise<AnyDutyEvent>;
}

export interface CommandDeps {
  db: Db;
  clock: Clock;
  /** Pushes committed events to the consoles, in seq order. */
  publish: (events: AnyDutyEvent[]) => void;
  /** AUDIT_KEY: when set, every appended event is HMAC-chained. */
  auditKey?: string;
  /** SQLite with DUTY_GROUP_COMMIT_MS > 0: commands arriving together share one commit. */
  group?: GroupCommit;
}

/**
 * One state change: rows and their events in one transaction; the events go to consoles only
 * after the commit, so no console ever sees a change that was rolled back.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  actor: string | Actor,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const who = toActor(actor);
  const inTransaction = async (trx: Trx) => {
    const events: AnyDutyEvent[] = [];
    const value = await work({
      trx,
      clock: deps.clock,
      actor: who.name,
      unit: { id: who.unitId, path: who.unitPath },
      record: async (event) => {
        const appended = await appendEvent(
          trx,
          deps.clock,
          { ...event, actor: who.name } as NewEvent<EventType>,
          deps.auditKey,
        );
        events.push(appended);
        return appended;
      },
    });
    return { value, events };
  };
  // The batch publishes after its one commit, in commit order, then answers.
  if (deps.group) return deps.group.submit(inTransaction);
  const { value, events } = await deps.db.transaction().execute(async (trx) => {
    await lockAppends(trx);
    return inTransaction(trx);
  });
  deps.publish(events);
  return value;
}
