import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LoginBody, SESSION_COOKIE, SessionInfo } from '@shared/schemas/auth';
import { Ok } from '@shared/schemas/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DutyError } from '../../errors';
import { sessionPolicy, userOf } from '../../plugins/auth';
import { findUserRowByUsername, toUser } from '../users/repo';
import { createLoginLimiter } from './login-limiter';
import { dummyHashFor, verifyPassword } from './passwords';
import { sha256 } from './secrets';
import { closeSession, openSession } from './sessions';

function setSessionCookie(app: Pick<FastifyInstance, 'config'>, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
    maxAge: app.config.sessionMaxHours * 3600,
  });
}

export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const limiter = createLoginLimiter();

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { body: LoginBody, response: { 200: SessionInfo } } },
    async (req, reply) => {
      const { username, password } = req.body;
      const wait = limiter.retryAfter(username, req.ip, Date.now());
      if (wait > 0) {
        throw new DutyError('DUTY_ERR_RATE_LIMITED', `too many failed sign-ins; try again in ${wait} s`, {
          'retry-after': String(wait),
        });
      }
      const row = await findUserRowByUsername(app.db, username);
      const ok = await verifyPassword(
        password,
        row?.password_hash ?? (await dummyHashFor(app.config.scryptLogN)),
      );
      if (!row || !ok || row.enabled !== 1) {
        limiter.failed(username, req.ip, Date.now());
        throw new DutyError(
          'DUTY_ERR_BAD_CREDENTIALS',
          'wrong username or password, or the account is disabled',
        );
      }
      limiter.succeeded(username);
      const user = toUser(row);
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
    { config: { access: 'user' }, schema: { response: { 200: Ok } } },
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
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'user' }, schema: { response: { 200: SessionInfo } } },
    async (req) => {
      const me = userOf(req);
      return { user: me.user, csrfToken: me.csrfToken, zone: app.config.tzName };
    },
  );
}
