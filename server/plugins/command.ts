import type { AnyDutyEvent } from '@shared/events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { idleCheckpoint } from '../db/idle-checkpoint';
import { type Actor, runCommand, type Tx } from '../events/command';
import { GroupCommit } from '../events/group-commit';

declare module 'fastify' {
  interface FastifyInstance {
    /** One state change: rows + events in one transaction, events pushed after commit. */
    command<T>(actor: string | Actor, work: (tx: Tx) => Promise<T>): Promise<T>;
  }
}

/**
 * The spine's entry point. It writes through the database, pushes what it committed to the live feed
 * and tells the tokens remembered by auth what changed, so it declares all three: registered before
 * any of them, Fastify refuses to start.
 */
export const commandPlugin = fp(
  async (app: FastifyInstance) => {
    const publish = (events: AnyDutyEvent[]) => {
      // Before any caller is answered: a token just revoked is read again, and refused.
      app.knownTokens?.forgetOn(events);
      app.live.publish(events);
    };
    // With the checkpoint worker (DUTY_CHECKPOINT_MS) the worker checkpoints; else the writer, when idle.
    const sqlite = app.sqlite;
    const whenIdle =
      sqlite && !sqlite.memory && app.config.checkpointMs === 0
        ? idleCheckpoint(sqlite, (err) => app.log.error({ err }, 'idle checkpoint failed'))
        : undefined;
    // SQLite has one writer: commands arriving together share a commit. PostgreSQL runs
    // transactions side by side, one per command.
    const group =
      app.dbKind === 'sqlite' && app.config.groupCommitMs > 0
        ? new GroupCommit({ db: app.db, publish, windowMs: app.config.groupCommitMs, whenIdle })
        : undefined;
    if (group) app.addHook('onClose', () => group.drain());
    app.decorate('command', function command<T>(actor: string | Actor, work: (tx: Tx) => Promise<T>) {
      return runCommand(
        { db: app.db, clock: app.clock, publish, auditKey: app.config.auditKey, group },
        actor,
        work,
      );
    });
  },
  { name: 'duty-command', dependencies: ['duty-db', 'duty-auth', 'duty-live'] },
);
