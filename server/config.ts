import { accessSync, constants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { PASSWORD_MIN_LENGTH } from '@shared/schemas/users';
import { IANAZone } from 'luxon';

/** The only reader of process.env. Everything else receives a frozen Config. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dbKind: 'sqlite' | 'postgres';
  adminPassword: string | undefined;
  tzName: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * DEMO: demo people and data are wanted. Only the first start of an empty database seeds them, and
   * never under NODE_ENV=production (server/bootstrap.ts). Default 1, but 0 under production.
   */
  demo: boolean;
  demoPassword: string;
  /** NODE_ENV=production: a real install. Never seeds demo data, whatever DEMO says. */
  production: boolean;
  /**
   * Origins allowed for browsers (sockets, cookie writes, sign-in) besides the server's own addresses
   * with its port (loopback, and the machine's interface addresses when listening beyond loopback).
   * Never the request's own Host header: a rebound DNS name would pass that.
   */
  allowedOrigins: string[];
  /**
   * Reverse proxies whose X-Forwarded-For names the client (addresses or CIDR ranges); false: the
   * TCP peer is the client. Sign-in throttling counts by this address.
   */
  trustProxy: string[] | false;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** log2 of the scrypt cost N for new password hashes (OWASP: 17). */
  scryptLogN: number;
  /** Wrong passwords for one account from one address before each further attempt must wait. */
  loginFreeAttempts: number;
  /** The first wait after the free attempts; each further failure of the pair doubles it … */
  loginDelaySeconds: number;
  /** … up to this. */
  loginDelayMaxSeconds: number;
  /** Wrong passwords from one address across all accounts within the window, then 429 for the rest of it. */
  loginSourceBudget: number;
  loginSourceWindowMinutes: number;
  /** Password hashes (sign-in, own password change) computed at once; the rest wait, fairly by address. */
  loginHashConcurrency: number;
  /** How many may wait for a hash; beyond it the address with the most waiting is refused first. */
  loginHashQueue: number;
  heartbeatMs: number;
  /**
   * Socket.IO ping. A console whose link went silent (a pulled cable) notices, and the server lets
   * go of it, only after interval + timeout; until then it would still show "live".
   */
  livePingIntervalMs: number;
  livePingTimeoutMs: number;
  /** How often the scanner looks for due timers (missed check-ins, spot-checks, deadlines). */
  scanMs: number;
  staticDir: string;
  /** Upstream endpoints each written/system report is forwarded to (JSON over HTTP, via the outbox). */
  upstreamUrls: string[];
  /** How long the outbox sender waits for an upstream to answer before counting the attempt failed. */
  upstreamTimeoutMs: number;
  /** The SMS / voice gateway each escalation step is posted to (JSON, Idempotency-Key); none: nothing is sent. */
  escalationGatewayUrl: string | null;
  /** How long a graceful shutdown may take before the process is ended regardless. */
  shutdownTimeoutMs: number;
  /**
   * DUTY_GROUP_COMMIT_MS (SQLite): commands arriving together commit in one transaction (one fsync);
   * a batch gathers at most this long after its first command. 0: one transaction per command.
   */
  groupCommitMs: number;
  /**
   * DUTY_CHECKPOINT_MS (SQLite file): a worker thread checkpoints the write-ahead log this often, so
   * no request waits for a checkpoint (server/db/checkpointer.ts); it costs ~7 MB of memory. 0
   * (default): the writer checkpoints once idle for 30 ms, every 16 commands (idle-checkpoint.ts,
   * through group commit: with DUTY_GROUP_COMMIT_MS=0 SQLite's own alone), and SQLite's own
   * checkpoint in the commit (at 1,000 pages of log) is left for long bursts.
   */
  checkpointMs: number;
  /**
   * A secret: when set, each new event's hash is an HMAC-SHA256 under it, so nobody without it can
   * recompute the chain after an edit. Never logged.
   */
  auditKey: string | undefined;
  /** DUTY_PHOTO_MAX_BYTES: the largest disaster photo accepted (default 5 MB). */
  photoMaxBytes: number;
  /** DUTY_PHOTO_DIR: a writable folder for disaster photos; unset, they are kept in the database. */
  photoDir: string | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be 1 or 0 (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || 'sqlite:data/duty.sqlite';
  let dbKind: Config['dbKind'] = 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) dbKind = 'postgres';
  else if (!databaseUrl.startsWith('sqlite:')) {
    problems.push(`DATABASE_URL must start with sqlite: or postgres:// (got "${redactUrl(databaseUrl)}")`);
  }

  const tzName = env.TZ_NAME || 'Asia/Shanghai';
  if (!IANAZone.isValidZone(tzName)) problems.push(`TZ_NAME is not a known time zone: "${tzName}"`);

  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const adminPassword = env.DUTY_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < PASSWORD_MIN_LENGTH) {
    problems.push(`DUTY_ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const demoPassword = env.DEMO_PASSWORD || 'duty-demo-2026';
  if (demoPassword.length < PASSWORD_MIN_LENGTH) {
    problems.push(`DEMO_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }

  const trustProxyList = (env.TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of trustProxyList) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0)
      problems.push(`TRUST_PROXY entry "${entry}" must be an IP address or a CIDR range such as 10.0.0.0/8`);
  }

  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(o))
      problems.push(`ALLOWED_ORIGINS entry "${o}" must look like https://host[:port]`);
  }

  const upstreamUrls = (env.UPSTREAM_URLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const u of upstreamUrls) {
    if (!/^https?:\/\/\S+$/.test(u))
      problems.push(`UPSTREAM_URLS entry "${redactUrl(u)}" must be an http(s) URL`);
  }

  const escalationGatewayUrl = env.ESCALATION_GATEWAY_URL?.trim() || null;
  if (escalationGatewayUrl && !/^https?:\/\/\S+$/.test(escalationGatewayUrl))
    problems.push(`ESCALATION_GATEWAY_URL "${redactUrl(escalationGatewayUrl)}" must be an http(s) URL`);

  const photoDir = env.DUTY_PHOTO_DIR?.trim() || null;
  if (photoDir) {
    try {
      if (!statSync(photoDir).isDirectory()) problems.push(`DUTY_PHOTO_DIR "${photoDir}" is not a folder`);
      else accessSync(photoDir, constants.W_OK | constants.R_OK);
    } catch {
      problems.push(`DUTY_PHOTO_DIR "${photoDir}" must be an existing folder the server can read and write`);
    }
  }

  const production = env.NODE_ENV === 'production';
  const auditKey = env.AUDIT_KEY || undefined;
  // The value is never echoed: it is a secret.
  if (auditKey !== undefined && auditKey.length < 32)
    problems.push(
      `AUDIT_KEY must be at least 32 characters (e.g. openssl rand -hex 32); got ${auditKey.length}`,
    );

  const config: Config = {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dbKind,
    adminPassword,
    tzName,
    logLevel,
    demo: bool('DEMO', !production),
    demoPassword,
    production,
    allowedOrigins,
    trustProxy: trustProxyList.length > 0 ? trustProxyList : false,
    cookieSecure: bool('COOKIE_SECURE', false),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 12 * 60, 1, 7 * 24 * 60),
    sessionMaxHours: int('SESSION_MAX_HOURS', 26, 1, 24 * 30),
    scryptLogN: int('SCRYPT_LOG_N', 17, 10, 20),
    loginFreeAttempts: int('LOGIN_FREE_ATTEMPTS', 5, 1, 100),
    loginDelaySeconds: int('LOGIN_DELAY_SECONDS', 2, 1, 3600),
    loginDelayMaxSeconds: int('LOGIN_DELAY_MAX_SECONDS', 900, 1, 86_400),
    loginSourceBudget: int('LOGIN_SOURCE_BUDGET', 30, 1, 100_000),
    loginSourceWindowMinutes: int('LOGIN_SOURCE_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginHashConcurrency: int('LOGIN_HASH_CONCURRENCY', 2, 1, 16),
    loginHashQueue: int('LOGIN_HASH_QUEUE', 64, 1, 10_000),
    heartbeatMs: int('HEARTBEAT_MS', 5000, 100, 60_000),
    livePingIntervalMs: int('LIVE_PING_INTERVAL_MS', 10_000, 100, 300_000),
    livePingTimeoutMs: int('LIVE_PING_TIMEOUT_MS', 5000, 100, 300_000),
    scanMs: int('SCAN_MS', 5000, 100, 60_000),
    staticDir: env.STATIC_DIR || 'dist/client',
    upstreamUrls,
    upstreamTimeoutMs: int('UPSTREAM_TIMEOUT_MS', 10_000, 100, 120_000),
    escalationGatewayUrl,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 500, 600_000),
    groupCommitMs: int('DUTY_GROUP_COMMIT_MS', 2, 0, 50),
    checkpointMs: int('DUTY_CHECKPOINT_MS', 0, 0, 60_000),
    auditKey,
    photoMaxBytes: int('DUTY_PHOTO_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    photoDir,
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** For messages and logs: a database URL without its password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
