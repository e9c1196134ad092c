import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { scannerPlugin } from './jobs/scanner';
import { loggerOptions } from './logger';
import { attendanceRoutes } from './modules/attendance/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { disasterReportRoutes, disasterScopedRoutes } from './modules/disaster-reports/routes';
import { disasterRoutes } from './modules/disasters/routes';
import { escalationRoutes } from './modules/escalation/routes';
import { handoverArchiveRoutes } from './modules/handover/archive-routes';
import { handoverRoutes } from './modules/handover/routes';
import { healthRoutes } from './modules/health/routes';
import { directReportRoutes } from './modules/incidents/direct-report-routes';
import { policyRoutes } from './modules/incidents/policy-routes';
import { reportRoutes } from './modules/incidents/report-routes';
import { incidentRoutes } from './modules/incidents/routes';
import { signoffRoutes } from './modules/incidents/signoff-routes';
import { logbookRoutes } from './modules/logbook/routes';
import { outboxRoutes } from './modules/outbox/routes';
import { outboxSenderPlugin } from './modules/outbox/service';
import { postRoutes } from './modules/posts/routes';
import { exportRoutes } from './modules/roster/export-routes';
import { periodRoutes } from './modules/roster/period-routes';
import { rosterRoutes } from './modules/roster/routes';
import { settingsRoutes } from './modules/settings/routes';
import { spotCheckRoutes } from './modules/spotchecks/routes';
import { statsRoutes } from './modules/stats/routes';
import { swapRoutes } from './modules/swaps/routes';
import { tokenRoutes } from './modules/tokens/routes';
import { unitRoutes } from './modules/units/routes';
import { userRoutes } from './modules/users/routes';
import { responseRoutes } from './modules/warnings/response-routes';
import { warningRoutes } from './modules/warnings/routes';
import { zeroReportRoutes } from './modules/zero-reports/routes';
import { authPlugin } from './plugins/auth';
import { commandPlugin } from './plugins/command';
import { dbPlugin } from './plugins/db';
import { installErrorHandler } from './plugins/error-handler';
import { livePlugin } from './plugins/live';
import { serveConsole } from './plugins/static';
import { applyStrictValidation } from './plugins/validation';
import { type Clock, systemClock } from './time';

export interface AppOptions {
  clock?: Clock;
  /** Where logs go (tests capture them); default stdout. */
  logStream?: DestinationStream;
}

/** The whole app, never listening: main.ts listens, tests inject or listen on port 0. */
export async function buildApp(config: Readonly<Config>, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(loggerOptions(config, options.logStream)
      ? { logger: loggerOptions(config, options.logStream) as object }
      : {}),
    bodyLimit: 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // The client's address (sign-in throttling) is the TCP peer unless a trusted proxy names it.
    trustProxy: config.trustProxy,
    forceCloseConnections: true,
    // Errors Fastify raises before routing (a malformed URL, say) answer in the same shape as ours.
    frameworkErrors: (err, _req, reply) => {
      const status = err.statusCode === 414 ? 414 : 400;
      const code = status === 414 ? 'DUTY_ERR_URI_TOO_LONG' : 'DUTY_ERR_BAD_REQUEST';
      // A fixed message: the framework's own echoes the whole URL back.
      const message = status === 414 ? 'the address is too long' : 'the request could not be read';
      void (reply as unknown as FastifyReply).status(status).send({ error: { code, message } });
    },
  });
  app.decorate('config', config);
  app.decorate('clock', options.clock ?? systemClock);
  applyStrictValidation(app);
  installErrorHandler(app);

  // The security headers, built once (a per-request build of the CSP was a visible part of every
  // report's cost) and set on every answer before anything else runs.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(fastifyCookie);
  await app.register(dbPlugin);
  await app.register(authPlugin);
  await app.register(livePlugin);
  await app.register(commandPlugin);
  await app.register(scannerPlugin);
  await app.register(outboxSenderPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  await app.register(rosterRoutes);
  await app.register(periodRoutes);
  await app.register(calendarRoutes);
  await app.register(exportRoutes);
  await app.register(attendanceRoutes);
  await app.register(incidentRoutes);
  await app.register(reportRoutes);
  await app.register(directReportRoutes);
  await app.register(escalationRoutes);
  await app.register(signoffRoutes);
  await app.register(outboxRoutes);
  await app.register(policyRoutes);
  await app.register(logbookRoutes);
  await app.register(handoverRoutes);
  await app.register(handoverArchiveRoutes);
  await app.register(spotCheckRoutes);
  await app.register(postRoutes);
  await app.register(disasterRoutes);
  await app.register(swapRoutes);
  await app.register(statsRoutes);
  await app.register(warningRoutes);
  await app.register(responseRoutes);
  await app.register(unitRoutes);
  await app.register(disasterReportRoutes);
  await app.register(disasterScopedRoutes);
  await app.register(zeroReportRoutes);
  await serveConsole(app);
  return app;
}
