import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from './modules/auth/passwords';
import { countUsers } from './modules/users/repo';
import { createUser } from './modules/users/service';

/**
 * On an empty database: the `admin` account, with DUTY_ADMIN_PASSWORD or a generated password
 * that is returned (for printing once) and never logged.
 */
export async function ensureAdmin(app: FastifyInstance): Promise<{ generatedPassword?: string } | undefined> {
  if ((await countUsers(app.db)) > 0) return undefined;
  const generated = app.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const password = app.config.adminPassword ?? generated!;
  const hash = await hashPassword(password, app.config.scryptLogN);
  try {
    await app.command('system', (tx) =>
      createUser(
        tx,
        { username: 'admin', displayName: '系统管理员', roles: ['admin'], qualified: false },
        hash,
      ),
    );
  } catch (err) {
    // Another node starting on the same empty database at the same moment created it first.
    if ((await countUsers(app.db)) > 0) return undefined;
    throw err;
  }
  return { generatedPassword: generated };
}
