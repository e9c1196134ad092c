import type { AnyDutyEvent } from '@shared/events';
import { type ControlledTransaction, sql } from 'kysely';
import type { Database, Db, Trx } from '../db/database';

/** A command's work as the batch runs it: its result and the events it recorded. */
export type BatchWork<T> = (trx: Trx) => Promise<{ value: T; events: AnyDutyEvent[] }>;

interface Entry {
  work: BatchWork<unknown>;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

type Outcome = { ok: true; value: unknown; events: AnyDutyEvent[] } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  db: Db;
  /** Pushes the committed events to the consoles, in commit order, after the commit: all at once. */
  publish: (events: AnyDutyEvent[]) => void;
  /** DUTY_GROUP_COMMIT_MS: the longest a batch keeps gathering commands after its first arrived. */
  windowMs: number;
  /** The most commands one batch holds (the connection is the reads' too: a batch must stay short). */
  maxBatch?: number;
  /**
   * Called once the writer has had nothing to do for `idleMs` (no batch running or waiting), with
   * how many commands were committed since the last call: housekeeping that would otherwise delay
   * a command (the log's checkpoint) goes here, after the consoles have taken in the last push.
   */
  whenIdle?: (committed: number) => void;
  /** How long the writer must have been idle before `whenIdle` (default 30 ms). */
  idleMs?: number;
}

/** Undoes what a failed transaction holds, unless SQLite has already rolled it back itself. */
async function rollbackQuietly(trx: ControlledTransaction<Database>): Promise<void> {
  if (!trx.isRolledBack)
    await trx
      .rollback()
      .execute()
      .catch(() => {});
}

/** One name, released or rolled back before the next command opens it. */
const SAVEPOINT = sql.raw('duty_group_command');

/**
 * Group commit on SQLite (one connection, one writer). Every acknowledged command costs a commit
 * and its fsync; commands that arrive together share them instead: the batch runs them one after
 * the other in one transaction, each in its own SAVEPOINT (a command that throws is rolled back
 * alone and its caller gets its error), commits once, then publishes the events of the committed
 * commands in commit (= seq) order and only then answers every caller.
 *
 * Gathering costs no idle time: better-sqlite3 runs a whole command without yielding to the event
 * loop, so a batch is opened by its first command and keeps gathering only while each turn of the
 * event loop brings more (requests parsed in that turn), never longer than `windowMs` after its
 * first command. Commands that arrive while a batch runs wait for it and form the next batch.
 */
export class GroupCommit {
  readonly #db: Db;
  readonly #publish: (events: AnyDutyEvent[]) => void;
  readonly #windowMs: number;
  readonly #maxBatch: number;
  readonly #whenIdle: ((committed: number) => void) | undefined;
  #committedSinceIdle = 0;
  readonly #idleMs: number;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastBatchEndedAt = 0;
  #queue: Entry[] = [];
  #gathering = false;
  #openedAt = 0;
  #seenAtLastTurn = 0;
  #running: Promise<void> | undefined;

  constructor(options: GroupCommitOptions) {
    this.#db = options.db;
    this.#publish = options.publish;
    this.#windowMs = options.windowMs;
    this.#maxBatch = options.maxBatch ?? 32;
    this.#whenIdle = options.whenIdle;
    this.#idleMs = options.idleMs ?? 30;
  }

  submit<T>(work: BatchWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#gathering && !this.#running) this.#open();
    });
  }

  /** Resolves when every command submitted so far has been committed or refused. */
  async drain(): Promise<void> {
    while (this.#running || this.#queue.length > 0) {
      if (this.#running) await this.#running;
      else await new Promise<void>((done) => setImmediate(done));
    }
  }

  #open(): void {
    this.#gathering = true;
    this.#openedAt = performance.now();
    this.#seenAtLastTurn = 0;
    setImmediate(() => this.#turn());
  }

  /** One turn of the event loop while gathering: go on while it brought more, else start. */
  #turn(): void {
    const grew = this.#queue.length > this.#seenAtLastTurn;
    this.#seenAtLastTurn = this.#queue.length;
    const open = performance.now() - this.#openedAt < this.#windowMs;
    if (grew && open && this.#queue.length < this.#maxBatch) {
      setImmediate(() => this.#turn());
      return;
    }
    this.#gathering = false;
    this.#start();
  }

  #start(): void {
    const batch = this.#queue.splice(0, this.#maxBatch);
    this.#running = this.#run(batch).finally(() => {
      this.#running = undefined;
      // Those that arrived meanwhile have waited a whole batch already: they go at once.
      if (this.#queue.length > 0) this.#start();
      else this.#queueIdleCheck();
    });
  }

  /**
   * `whenIdle` once the writer has been idle for `idleMs` after its last batch: not at once, when
   * the consoles are still taking in that batch's push (a thousand of them need ~25 ms, and a
   * checkpoint then slowed their last by 10 ms), and not while more work waits.
   */
  #queueIdleCheck(): void {
    this.#lastBatchEndedAt = performance.now();
    if (!this.#whenIdle || this.#committedSinceIdle === 0 || this.#idleTimer) return;
    const check = () => {
      this.#idleTimer = undefined;
      if (this.#running || this.#gathering || this.#queue.length > 0) return; // its end queues anew
      const quietFor = performance.now() - this.#lastBatchEndedAt;
      if (quietFor < this.#idleMs) {
        this.#idleTimer = setTimeout(check, this.#idleMs - quietFor);
        this.#idleTimer.unref();
        return;
      }
      const committed = this.#committedSinceIdle;
      this.#committedSinceIdle = 0;
      this.#whenIdle!(committed);
    };
    this.#idleTimer = setTimeout(check, this.#idleMs);
    this.#idleTimer.unref();
  }

  async #run(batch: Entry[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.#commit(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    this.#committedSinceIdle += outcomes.filter((outcome) => outcome.ok).length;
    // One push for the whole batch: a console is sent its share of it in one message.
    this.#publish(outcomes.flatMap((outcome) => (outcome.ok ? outcome.events : [])));
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) batch[i]!.resolve(outcome.value);
      else batch[i]!.reject(outcome.error);
    });
  }

  /** The transaction: every command in its savepoint, one commit. Throws when nothing was committed. */
  async #commit(batch: Entry[]): Promise<Outcome[]> {
    if (batch.length === 1) return [await this.#commitAlone(batch[0]!)];
    const trx = await this.#db.startTransaction().execute();
    const outcomes: Outcome[] = [];
    try {
      for (const entry of batch) {
        await sql`savepoint ${SAVEPOINT}`.execute(trx);
        try {
          const { value, events } = await entry.work(trx);
          await sql`release ${SAVEPOINT}`.execute(trx);
          outcomes.push({ ok: true, value, events });
        } catch (error) {
          // Back to before this command; the transaction and the others' work go on. Unless the
          // error ended the transaction itself (SQLite rolls back on a full disk, an I/O error):
          // then the whole batch fails with it.
          try {
            await sql`rollback to ${SAVEPOINT}`.execute(trx);
            await sql`release ${SAVEPOINT}`.execute(trx);
          } catch {
            throw error;
          }
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (SQLite rolled it back, or the commit failed): nothing of
      // this batch is stored, so no caller may be told otherwise.
      await rollbackQuietly(trx);
      throw error;
    }
    return outcomes;
  }

  /**
   * A command that came alone (reports spread out in time, the usual case) needs no savepoint: its
   * failure rolls back the whole transaction, which is only its own. Two statements fewer.
   */
  async #commitAlone(entry: Entry): Promise<Outcome> {
    const trx = await this.#db.startTransaction().execute();
    let done: { value: unknown; events: AnyDutyEvent[] };
    try {
      done = await entry.work(trx);
    } catch (error) {
      await rollbackQuietly(trx);
      return { ok: false, error };
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await rollbackQuietly(trx);
      throw error;
    }
    return { ok: true, ...done };
  }
}
