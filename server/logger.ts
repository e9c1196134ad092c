import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config';

/** Never logged, wherever they appear. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.csrfToken',
  '*.auditKey',
];

const SECRET_QUERY = /([?&](?:token|secret|password)=)[^&]*/gi;

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): FastifyServerOptions['loggerInstance'] | FastifyServerOptions['logger'] {
  const base = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.replace(SECRET_QUERY, '$1[redacted]'),
        ip: req.ip,
      }),
    },
  };
  if (stream) return { ...base, stream };
  // Human-friendly only for a person at a terminal; JSON lines for everything else.
  if (process.stdout.isTTY)
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } } };
  return base;
}
