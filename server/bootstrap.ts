import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DbOrTrx } from './db/database';
import { seedDisasterDemo } from './demo/disasters';
import { seedHandoverDemo } from './demo/handover';
import { seedIncidentDemo } from './demo/incidents';
import { seedRosterDemo } from './demo/roster';
import { createDemoPeople, DEMO_USERNAMES } from './demo/seed';
import { seedWarningDemo } from './demo/warnings';
import { headSeq } from './events/read';
import { hashPassword } from './modules/auth/service';
import { getInstallation, type Installation, recordInstallation } from './modules/settings/service';
import { countUsers, createUser, listUsers } from './modules/users/service';
import { VERSION } from './version';

const ADMIN = { username: 'admin', displayName: '系统管理员', roles: ['admin' as const], qualified: false };

export interface StartOutcome {
  /** This process made the database's first start (created `admin`). */
  firstStart: boolean;
  /** The generated password of `admin`, for printing once to the terminal; never logged. */
  generatedPassword?: string;
  installation: Installation;
  /** This start seeded the demo people and data. */
  demoSeeded: boolean;
  /** DEMO=1 was asked for under NODE_ENV=production and ignored. */
  demoRefused: boolean;
  /** Demo accounts of this database still enabled (seeded on its first start, by whichever node). */
  demoAccounts: string[];
}

/** Nothing at all: no person and no event. Every change writes an event, so nothing happened here. */
async function isEmpty(db: DbOrTrx): Promise<boolean> {
  return (await countUsers(db)) === 0 && (await headSeq(db)) === 0;
}

/**
 * Every start: on the first start of an empty database, `admin` (DUTY_ADMIN_PASSWORD or a generated
 * password) and, only then and only if DEMO allows it outside NODE_ENV=production, the demo people,
 * in one transaction that also records the installation. A later start reads that record and never
 * seeds, whatever DEMO says. Several nodes starting at once: the command's append lock lets exactly
 * one find the database without a record.
 */
export async function startDatabase(app: FastifyInstance): Promise<StartOutcome> {
  const { config } = app;
  const demoRefused = config.demo && config.production;
  if (demoRefused) app.log.warn('DEMO=1 is ignored: NODE_ENV=production never seeds demo accounts');
  let installation = await getInstallation(app.db);
  let firstStart = false;
  let generatedPassword: string | undefined;
  if (!installation) {
    // Hashing is slow: done before the transaction, and only when this start may need it.
    const looksEmpty = await isEmpty(app.db);
    const wantDemo = looksEmpty && config.demo && !config.production;
    const generated = looksEmpty && !config.adminPassword ? randomBytes(12).toString('base64url') : undefined;
    const adminHash = looksEmpty
      ? await hashPassword(config.adminPassword ?? generated!, config.scryptLogN)
      : undefined;
    const demoHash = wantDemo ? await hashPassword(config.demoPassword, config.scryptLogN) : undefined;
    const outcome = await app.command('system', async (tx) => {
      const recorded = await getInstallation(tx.trx);
      if (recorded) return { installation: recorded, first: false };
      const empty = await isEmpty(tx.trx);
      if (empty && !adminHash) throw new Error('the database was emptied while the server started');
      if (empty) {
        await createUser(tx, ADMIN, adminHash!);
        if (demoHash) await createDemoPeople(tx, demoHash);
      }
      const written = await recordInstallation(
        tx,
        { demo: empty && demoHash !== undefined, adopted: !empty, version: VERSION },
        config.dbKind,
      );
      return { installation: written, first: empty };
    });
    installation = outcome.installation;
    firstStart = outcome.first;
    if (firstStart) generatedPassword = generated;
  }
  const demoSeeded = firstStart && installation.demo;
  if (demoSeeded) {
    await seedRosterDemo(app);
    await seedIncidentDemo(app);
    await seedWarningDemo(app);
    await seedDisasterDemo(app);
    await seedHandoverDemo(app);
  }
  const demoAccounts = installation.demo
    ? (await listUsers(app.db))
        .filter((u) => u.enabled && DEMO_USERNAMES.includes(u.username))
        .map((u) => u.username)
    : [];
  if (demoSeeded) {
    app.log.warn(
      { accounts: demoAccounts },
      'DEMO DATA SEEDED: demo accounts with a published password; they must not be used on a real install',
    );
  } else if (demoAccounts.length > 0) {
    app.log.warn(
      { accounts: demoAccounts },
      'this database holds demo accounts (seeded on its first start): not for a real install; disable them',
    );
  }
  return { firstStart, generatedPassword, installation, demoSeeded, demoRefused, demoAccounts };
}

/**
 * Only `admin` on an empty database, nothing recorded: what the tests' app needs. A real start goes
 * through startDatabase.
 */
export async function ensureAdmin(app: FastifyInstance): Promise<{ generatedPassword?: string } | undefined> {
  if ((await countUsers(app.db)) > 0) return undefined;
  const generated = app.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const hash = await hashPassword(app.config.adminPassword ?? generated!, app.config.scryptLogN);
  try {
    await app.command('system', (tx) => createUser(tx, ADMIN, hash));
  } catch (err) {
    // Another node starting on the same empty database at the same moment created it first.
    if ((await countUsers(app.db)) > 0) return undefined;
    throw err;
  }
  return { generatedPassword: generated };
}
