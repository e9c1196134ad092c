import type { AnyDutyEvent } from '@shared/events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { type Connection, connect } from '../db/connect';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { runCommand, type Tx } from '../events/command';
import { assertAuditKey } from '../events/verify';
import type { Clock } from '../time';

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>;
    clock: Clock;
    db: Db;
    dbKind: Config['dbKind'];
    /** Raw SQLite handle (online backup); undefined on PostgreSQL. */
    sqlite: Connection['sqlite'];
    /** One state change: rows + events in one transaction, events pushed after commit. */
    command<T>(actor: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  }
}

export const dbPlugin = fp(async (app: FastifyInstance) => {
  const connection = connect(app.config);
  app.decorate('db', connection.db);
  app.decorate('dbKind', connection.kind);
  app.decorate('sqlite', connection.sqlite);
  await migrateToLatest(connection.db);
  try {
    await assertAuditKey(connection.db, app.config.auditKey);
  } catch (err) {
    await connection.db.destroy();
    throw err;
  }
  app.decorate('command', function command<T>(actor: string, work: (tx: Tx) => Promise<T>) {
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
  app.addHook('onClose', async () => {
    await connection.db.destroy();
  });
});
