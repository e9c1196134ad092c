/**
 * Sign-in throttling: after too many failures for one username or one address within the window,
 * every attempt (right or wrong) is refused until the window passes. Kept in memory: on several
 * nodes each node counts its own share, which still bounds guessing per node.
 */
export interface LoginLimiter {
  /** Seconds to wait, or 0 when an attempt may go ahead. */
  retryAfter(username: string, ip: string, now: number): number;
  failed(username: string, ip: string, now: number): void;
  succeeded(username: string): void;
}

interface Window {
  count: number;
  startedAt: number;
}

export function createLoginLimiter(opts = { perUser: 10, perIp: 30, windowMs: 15 * 60_000 }): LoginLimiter {
  const byKey = new Map<string, Window>();
  const current = (key: string, now: number): Window | undefined => {
    const w = byKey.get(key);
    if (w && now - w.startedAt >= opts.windowMs) {
      byKey.delete(key);
      return undefined;
    }
    return w;
  };
  const bump = (key: string, now: number) => {
    const w = current(key, now);
    if (w) w.count += 1;
    else byKey.set(key, { count: 1, startedAt: now });
    if (byKey.size > 100_000) byKey.clear(); // bounded memory under a spray of usernames
  };
  const wait = (key: string, limit: number, now: number) => {
    const w = current(key, now);
    return w && w.count >= limit ? Math.ceil((w.startedAt + opts.windowMs - now) / 1000) : 0;
  };
  return {
    retryAfter: (username, ip, now) =>
      Math.max(wait(`u:${username.toLowerCase()}`, opts.perUser, now), wait(`i:${ip}`, opts.perIp, now)),
    failed: (username, ip, now) => {
      bump(`u:${username.toLowerCase()}`, now);
      bump(`i:${ip}`, now);
    },
    succeeded: (username) => byKey.delete(`u:${username.toLowerCase()}`),
  };
}
