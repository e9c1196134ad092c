/**
 * Sign-in throttling that an attacker cannot turn against the real user.
 *
 * - Failures are counted by (source address, account) together: the first `freeAttempts` cost
 *   nothing, then each further attempt of that pair waits `delayMs`, doubled at every failure up to
 *   `maxDelayMs`. Ten wrong passwords for `admin` from one address delay that address only; the
 *   right password from another address signs in.
 * - A source also has a budget of failures across all accounts per window: an address that sprays
 *   many accounts is refused for the rest of the window.
 * - An attempt is reserved before the slow hash and settled after it, so simultaneous guesses
 *   count before any of them is hashed: of 40 at once, only the free ones are tried.
 * - A success clears its pair (not the source's budget: signing into one's own account must not
 *   reset a spray).
 *
 * In memory, bounded: at most `maxEntries` pairs and as many sources, least recently used dropped
 * first; a pair is forgotten `pairMemoryMs` after its last failure, a source after its window. On
 * several nodes each node counts its own share, which still bounds guessing per node.
 */
export interface LoginThrottleOptions {
  freeAttempts: number;
  delayMs: number;
  maxDelayMs: number;
  sourceBudget: number;
  sourceWindowMs: number;
  /** How long a pair's failures are remembered after its last one (default one day). */
  pairMemoryMs?: number;
  /** Cap of each map (default 10,000). */
  maxEntries?: number;
}

/** A reserved attempt: settle it exactly once. */
export interface Attempt {
  failed(now: number): void;
  succeeded(): void;
  /** Neither: the attempt never got to its verdict (an error, a busy hash queue). */
  release(): void;
}

export type Reservation = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

export interface LoginThrottle {
  reserve(source: string, account: string, now: number): Reservation;
  /** Entries held (for tests of the bound). */
  size(): { pairs: number; sources: number };
}

interface PairState {
  failures: number;
  inflight: number;
  /** When the next attempt may go, once the free attempts are used. */
  nextAt: number;
  lastFailureAt: number;
}

interface SourceState {
  failures: number;
  inflight: number;
  windowStart: number;
}

const DAY_MS = 24 * 3600_000;

export function createLoginThrottle(opts: LoginThrottleOptions): LoginThrottle {
  const pairMemoryMs = opts.pairMemoryMs ?? DAY_MS;
  const maxEntries = opts.maxEntries ?? 10_000;
  const pairs = new Map<string, PairState>();
  const sources = new Map<string, SourceState>();

  const pairExpired = (p: PairState, now: number) =>
    p.inflight === 0 && now - p.lastFailureAt >= pairMemoryMs;
  const sourceExpired = (s: SourceState, now: number) =>
    s.inflight === 0 && now - s.windowStart >= opts.sourceWindowMs;

  /** Moves the key to the end (most recently used); drops expired and, over the cap, idle oldest ones. */
  function touch<T extends { inflight: number }>(
    map: Map<string, T>,
    key: string,
    value: T,
    expired: (v: T, now: number) => boolean,
    now: number,
  ): void {
    map.delete(key);
    map.set(key, value);
    // The oldest entries come first: a few are checked at each touch, so expiry costs O(1).
    let checked = 0;
    for (const [k, v] of map) {
      if (k === key || checked++ >= 4) break;
      if (expired(v, now) || (map.size > maxEntries && v.inflight === 0)) map.delete(k);
      else break;
    }
  }

  function delayAfter(failures: number): number {
    const steps = failures - opts.freeAttempts;
    if (steps < 0) return 0;
    return Math.min(opts.maxDelayMs, opts.delayMs * 2 ** Math.min(steps, 40));
  }

  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  return {
    reserve(source, account, now) {
      const pairKey = `${source}\u0000${account.toLowerCase()}`;
      let pair = pairs.get(pairKey);
      if (pair && pairExpired(pair, now)) {
        pairs.delete(pairKey);
        pair = undefined;
      }
      let src = sources.get(source);
      if (src && now - src.windowStart >= opts.sourceWindowMs) {
        // A new window: what is still in flight carries over.
        src.failures = 0;
        src.windowStart = now;
      }

      if (pair && pair.failures + pair.inflight >= opts.freeAttempts) {
        if (pair.inflight > 0 || now < pair.nextAt) {
          return { ok: false, retryAfterSeconds: seconds(pair.nextAt - now) };
        }
      }
      if (src && src.failures + src.inflight >= opts.sourceBudget) {
        // Spent: until the window ends. Only full of attempts in flight: a moment.
        const spent = src.failures >= opts.sourceBudget;
        return {
          ok: false,
          retryAfterSeconds: spent ? seconds(src.windowStart + opts.sourceWindowMs - now) : 1,
        };
      }

      pair ??= { failures: 0, inflight: 0, nextAt: 0, lastFailureAt: now };
      src ??= { failures: 0, inflight: 0, windowStart: now };
      const p = pair;
      const s = src;
      p.inflight += 1;
      s.inflight += 1;
      touch(pairs, pairKey, p, pairExpired, now);
      touch(sources, source, s, sourceExpired, now);

      let settled = false;
      const settle = () => {
        if (settled) return false;
        settled = true;
        p.inflight -= 1;
        s.inflight -= 1;
        return true;
      };
      return {
        ok: true,
        attempt: {
          failed(at) {
            if (!settle()) return;
            p.failures += 1;
            p.lastFailureAt = at;
            p.nextAt = at + delayAfter(p.failures);
            s.failures += 1;
          },
          succeeded() {
            if (!settle()) return;
            if (p.inflight === 0 && pairs.get(pairKey) === p) pairs.delete(pairKey);
            else {
              p.failures = 0;
              p.nextAt = 0;
            }
          },
          release() {
            settle();
          },
        },
      };
    },
    size: () => ({ pairs: pairs.size, sources: sources.size }),
  };
}
