import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { startCheckpointer } from '../db/checkpointer';
import { type Connection, connect } from '../db/connect';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
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
  }
}

export const dbPlugin = fp(
  async (app: FastifyInstance) => {
    const connection = connect(app.config, (err) =>
      app.log.warn({ err }, 'database connection lost while idle; the pool opens a new one'),
    );
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
    const path = connection.sqlite?.name;
    const checkpointer =
      connection.sqlite && path && !connection.sqlite.memory && app.config.checkpointMs > 0
        ? startCheckpointer(connection.sqlite, path, app.config.checkpointMs, (err) =>
            app.log.error({ err }, 'checkpoint worker failed; SQLite checkpoints in the commit again'),
          )
        : undefined;
    app.addHook('onClose', async () => {
      await checkpointer?.stop();
      await connection.db.destroy();
    });
  },
  { name: 'duty-db' },
);
