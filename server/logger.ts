import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { stdoutDestination } from './stdout';

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
  '*.key',
  '*.auditKey',
];

/**
 * Query parameters that carry a secret (the calendar feed's `key`, tokens, passwords…): a name is
 * secret when, decoded, lower-cased and without punctuation, it is or ends with one of these
 * (`key`, `api_key`, `feedKey`, `access_token`, `X-Password`…). The one list for every log line.
 */
export const SECRET_QUERY_PARAMS = [
  'key',
  'token',
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'signature',
  'sig',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'session',
  'sid',
  'csrf',
  'code',
] as const;

const REDACTED = '[redacted]';

export function isSecretParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: judge the name as written.
  }
  const plain = decoded.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_QUERY_PARAMS.some((p) => plain.endsWith(p));
}

/**
 * A request address with the value of every secret query parameter replaced. Separators are `&` and
 * `;`, names are judged decoded (`%6Bey` is `key`), so no spelling the server would accept gets by.
 */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split(/([&;])/);
  const kept = parts.map((part) => {
    const eq = part.indexOf('=');
    return eq > 0 && isSecretParam(part.slice(0, eq)) ? `${part.slice(0, eq + 1)}${REDACTED}` : part;
  });
  return `${url.slice(0, q + 1)}${kept.join('')}`;
}

/** `name=value` anywhere in a serialized line (an error message quoting an address, say). */
const PARAM_IN_TEXT = /(?<![\w.%[\]-])([\w.%[\]-]+)=([^&;#\s"\\]*)/g;

/** The last guard, over each whole line before it is written: no secret parameter leaves, however it got in. */
export function redactLine(line: string): string {
  if (!line.includes('=')) return line;
  return line.replace(PARAM_IN_TEXT, (whole, name: string, value: string) =>
    value && value !== REDACTED && isSecretParam(name) ? `${name}=${REDACTED}` : whole,
  );
}

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): FastifyServerOptions['loggerInstance'] | FastifyServerOptions['logger'] {
  const base = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: { streamWrite: redactLine },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactQuery(req.url),
        ip: req.ip,
      }),
    },
  };
  if (stream) return { ...base, stream };
  // Human-friendly only for a person at a terminal (pino-pretty in a worker thread).
  if (process.stdout.isTTY)
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } } };
  // Anything else (a pipe, a file, a journal) gets JSON lines through a destination that never
  // blocks the main thread, so a stalled or vanished reader cannot hold up a shutdown.
  return { ...base, stream: stdoutDestination };
}
