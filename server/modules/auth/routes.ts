import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, SESSION_COOKIE, SessionInfo } from '@shared/schemas/auth';
import { Ok } from '@shared/schemas/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DutyError } from '../../errors';
import { sessionPolicy, userOf } from '../../plugins/auth';
import { credentialsById, credentialsByUsername } from '../users/service';
import { changeOwnPassword } from './change-password';
import { createHashGate } from './hash-gate';
import { type Attempt, createLoginThrottle } from './login-limiter';
import { dummyHashFor, hashPassword, verifyPassword } from './passwords';
import { sha256 } from './secrets';
import { closeSession, openSession } from './sessions';

/** The session cookie's attributes; the one that clears it at sign-out carries the same. */
function cookieOptions(app: Pick<FastifyInstance, 'config'>) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
  } as const;
}

function setSessionCookie(app: Pick<FastifyInstance, 'config'>, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    ...cookieOptions(app),
    maxAge: app.config.sessionMaxHours * 3600,
  });
}

export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const c = app.config;
  const throttle = createLoginThrottle({
    freeAttempts: c.loginFreeAttempts,
    delayMs: c.loginDelaySeconds * 1000,
    maxDelayMs: c.loginDelayMaxSeconds * 1000,
    sourceBudget: c.loginSourceBudget,
    sourceWindowMs: c.loginSourceWindowMinutes * 60_000,
  });
  const gate = createHashGate({ concurrency: c.loginHashConcurrency, maxWaiting: c.loginHashQueue });
  const now = () => app.clock.now().getTime();

  /**
   * Reserves a password check of `account` from the request's address before any hashing (429 when
   * the pair waits or the address spent its budget), then runs it through the bounded hash queue.
   */
  async function checkPassword<T>(
    req: FastifyRequest,
    account: string,
    check: () => Promise<T>,
  ): Promise<{ result: T; attempt: Attempt }> {
    const reservation = throttle.reserve(req.ip, account, now());
    if (!reservation.ok) {
      const wait = reservation.retryAfterSeconds;
      throw new DutyError('DUTY_ERR_RATE_LIMITED', `too many failed sign-ins; try again in ${wait} s`, {
        'retry-after': String(wait),
      });
    }
    const { attempt } = reservation;
    try {
      return { result: await gate.run(req.ip, check), attempt };
    } catch (err) {
      attempt.release();
      throw err;
    }
  }

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { body: LoginBody, response: { 200: SessionInfo } } },
    async (req, reply) => {
      const { username, password } = req.body;
      const { result, attempt } = await checkPassword(req, username, async () => {
        const found = await credentialsByUsername(app.db, username);
        const hash = found?.passwordHash ?? (await dummyHashFor(c.scryptLogN));
        return { found, ok: await verifyPassword(password, hash) };
      });
      const { found, ok } = result;
      if (!found || !ok || !found.user.enabled) {
        attempt.failed(now());
        throw new DutyError(
          'DUTY_ERR_BAD_CREDENTIALS',
          'wrong username or password, or the account is disabled',
        );
      }
      attempt.succeeded();
      const { user } = found;
      // A new session id at every sign-in: a planted cookie is never promoted (session fixation).
      const old = req.cookies[SESSION_COOKIE];
      const { cookieValue, session } = await app.command(user.username, async (tx) => {
        if (old) await tx.trx.deleteFrom('sessions').where('id', '=', sha256(old)).execute();
        const opened = await openSession(tx.trx, tx.clock, user.id, sessionPolicy(app));
        await tx.record({
          type: 'auth.signed_in',
          subject: `user:${user.id}`,
          payload: { userId: user.id, username: user.username },
        });
        return opened;
      });
      setSessionCookie(app, reply, cookieValue);
      return { user, csrfToken: session.csrfToken, zone: app.config.tzName };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: Ok } } },
    async (req, reply) => {
      const me = userOf(req);
      await app.command(me.actor, async (tx) => {
        await closeSession(tx.trx, me.sessionId);
        await tx.record({
          type: 'auth.signed_out',
          subject: `user:${me.user.id}`,
          payload: { userId: me.user.id, username: me.user.username },
        });
      });
      app.live.disconnectSession(me.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(app));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { config: { access: 'user', scoped: true }, schema: { body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      const me = userOf(req);
      const { currentPassword, newPassword } = req.body;
      if (newPassword === currentPassword) {
        throw new DutyError('DUTY_ERR_VALIDATION', 'body.newPassword must differ from body.currentPassword');
      }
      const { result: ok, attempt } = await checkPassword(req, me.user.username, async () => {
        const found = await credentialsById(app.db, me.user.id);
        return found !== undefined && (await verifyPassword(currentPassword, found.passwordHash));
      });
      if (!ok) {
        attempt.failed(now());
        throw new DutyError('DUTY_ERR_WRONG_PASSWORD', 'body.currentPassword is not your current password');
      }
      attempt.succeeded();
      // The new hash is as slow as a check: it waits its turn in the same queue.
      const hash = await gate.run(req.ip, () => hashPassword(newPassword, c.scryptLogN));
      const ended = await app.command(me.actor, (tx) =>
        changeOwnPassword(tx, me.user.id, me.sessionId, hash),
      );
      for (const sessionId of ended) app.live.disconnectSession(sessionId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: SessionInfo } } },
    async (req) => {
      const me = userOf(req);
      return { user: me.user, csrfToken: me.csrfToken, zone: app.config.tzName };
    },
  );
}
