import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';

/**
 * A browser sends Origin on WebSocket handshakes and on writes; it must be one of the configured
 * origins (ALLOWED_ORIGINS) or one of the server's own addresses with its port. Never the request's
 * own Host header: under DNS rebinding an attacker's name resolves to this server and the browser
 * sends Host = Origin = that name. Non-browser clients send no Origin and are judged by their
 * credentials alone.
 */
export type OriginCheck = (origin: string | undefined) => boolean;

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '::0']);
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** `scheme://host[:port]` as a browser states it (lower case, default port left out), or undefined. */
export function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function asHost(address: string): string {
  return isIP(address) === 6 && !address.startsWith('[') ? `[${address}]` : address;
}

/**
 * The server's own origins: loopback always; when listening beyond loopback, the address it listens
 * on, or every address of this machine when it listens on all of them (0.0.0.0, ::). A host name on
 * the network is not known here: it goes in ALLOWED_ORIGINS.
 */
export function ownOrigins(
  host: string,
  port: number,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  const hosts = new Set(LOOPBACK);
  if (WILDCARDS.has(host)) {
    for (const list of Object.values(interfaces)) {
      for (const a of list ?? []) {
        // Link-local IPv6 needs a zone, which no Origin carries.
        if (a.family === 'IPv6' && (a.scopeid ?? 0) !== 0) continue;
        hosts.add(asHost(a.address));
      }
    }
  } else if (host) {
    hosts.add(asHost(host));
  }
  const out = new Set<string>();
  for (const h of hosts) {
    for (const scheme of ['http', 'https']) {
      const origin = normalizeOrigin(`${scheme}://${h}:${port}`);
      if (origin) out.add(origin);
    }
  }
  return [...out];
}

const REFRESH_MS = 30_000;

/** The check for one app: its configured origins and its own, with the port it really listens on. */
export function originCheck(app: Pick<FastifyInstance, 'config' | 'server'>): OriginCheck {
  const configured = new Set(
    app.config.allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== undefined),
  );
  let own = new Set<string>();
  let ownKey = '';
  let ownAt = 0;
  const current = () => {
    const address = app.server.address() as AddressInfo | string | null;
    const port = address !== null && typeof address === 'object' ? address.port : app.config.port;
    const key = `${app.config.host}|${port}`;
    // Interfaces come and go (DHCP, a cable): looked up again now and then.
    if (key !== ownKey || Date.now() - ownAt > REFRESH_MS) {
      own = new Set(ownOrigins(app.config.host, port));
      ownKey = key;
      ownAt = Date.now();
    }
    return own;
  };
  return (origin) => {
    if (origin === undefined) return true;
    const normal = normalizeOrigin(origin);
    if (normal === undefined) return false;
    return configured.has(normal) || current().has(normal);
  };
}
