import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type Reservation } from '../../server/modules/auth/login-limiter';

const opts = { freeAttempts: 3, delayMs: 1000, maxDelayMs: 5000, sourceBudget: 6, sourceWindowMs: 60_000 };

function reserved(r: Reservation) {
  if (!r.ok) throw new Error(`refused, retry after ${r.retryAfterSeconds} s`);
  return r.attempt;
}
function refusedFor(r: Reservation): number {
  if (r.ok) throw new Error('reserved');
  return r.retryAfterSeconds;
}

describe('sign-in throttle', () => {
  it('delays a pair after its free failures, doubling up to the cap, and no other pair', () => {
    const l = createLoginThrottle({ ...opts, sourceBudget: 100 });
    for (let i = 0; i < 3; i++) reserved(l.reserve('1.1.1.1', 'admin', 0)).failed(0);
    expect(refusedFor(l.reserve('1.1.1.1', 'Admin', 10))).toBe(1);
    expect(l.reserve('2.2.2.2', 'admin', 10).ok).toBe(true);
    expect(l.reserve('1.1.1.1', 'other', 10).ok).toBe(true);
    // Waits after failures 3, 4, 5, 6: 1 s, 2 s, 4 s, then the cap of 5 s.
    let at = 1000;
    for (const wait of [2, 4, 5, 5]) {
      reserved(l.reserve('1.1.1.1', 'admin', at)).failed(at);
      expect(refusedFor(l.reserve('1.1.1.1', 'admin', at))).toBe(wait);
      at += wait * 1000;
    }
  });

  it('counts a reservation before its verdict: simultaneous attempts beyond the free ones are refused', () => {
    const l = createLoginThrottle(opts);
    const held = [0, 1, 2].map(() => reserved(l.reserve('1.1.1.1', 'admin', 0)));
    expect(l.reserve('1.1.1.1', 'admin', 0).ok).toBe(false);
    // A reservation that never reached a verdict gives its place back.
    held[0]!.release();
    expect(l.reserve('1.1.1.1', 'admin', 0).ok).toBe(true);
  });

  it('stops a source at its budget across accounts until its window ends', () => {
    const l = createLoginThrottle(opts);
    for (let i = 0; i < 6; i++) reserved(l.reserve('9.9.9.9', `user${i}`, 0)).failed(0);
    expect(refusedFor(l.reserve('9.9.9.9', 'fresh-name', 20_000))).toBe(40);
    expect(l.reserve('8.8.8.8', 'fresh-name', 20_000).ok).toBe(true);
    expect(l.reserve('9.9.9.9', 'fresh-name', 60_000).ok).toBe(true);
  });

  it('asks attempts beyond a source’s budget in flight to retry in a moment, not after the window', () => {
    const l = createLoginThrottle(opts);
    const held = Array.from({ length: 6 }, (_, i) => reserved(l.reserve('9.9.9.9', `user${i}`, 0)));
    expect(refusedFor(l.reserve('9.9.9.9', 'user6', 0))).toBe(1);
    for (const a of held) a.succeeded();
    expect(l.reserve('9.9.9.9', 'user6', 0).ok).toBe(true);
  });

  it('clears the pair after a success but keeps the source’s count', () => {
    const l = createLoginThrottle(opts);
    for (let i = 0; i < 2; i++) reserved(l.reserve('ip', 'a', 0)).failed(0);
    reserved(l.reserve('ip', 'a', 0)).succeeded();
    for (let i = 0; i < 3; i++) reserved(l.reserve('ip', 'a', 0)).failed(0);
    // 5 failures from the source so far: one more is in the budget, then none.
    reserved(l.reserve('ip', 'b', 0)).failed(0);
    expect(l.reserve('ip', 'c', 0).ok).toBe(false);
  });

  it('stays bounded in memory under a spray of names and addresses, and forgets old entries', () => {
    const l = createLoginThrottle({
      ...opts,
      sourceBudget: 1_000_000,
      maxEntries: 100,
      pairMemoryMs: 10_000,
    });
    for (let i = 0; i < 5000; i++) reserved(l.reserve(`10.0.${i >> 8}.${i & 255}`, `name${i}`, i)).failed(i);
    expect(l.size().pairs).toBeLessThanOrEqual(101);
    expect(l.size().sources).toBeLessThanOrEqual(101);
    const few = createLoginThrottle({ ...opts, pairMemoryMs: 10_000 });
    for (let i = 0; i < 3; i++) reserved(few.reserve('ip', 'a', 0)).failed(0);
    expect(few.reserve('ip', 'a', 500).ok).toBe(false);
    // A day-old pair (here 10 s) starts again from nothing.
    for (let i = 0; i < 3; i++) reserved(few.reserve('ip', 'a', 70_000)).failed(70_000);
    expect(few.reserve('ip', 'a', 70_001).ok).toBe(false);
  });
});
