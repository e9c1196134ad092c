import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../server/modules/auth/login-limiter';

describe('sign-in limiter', () => {
  const opts = { perUser: 3, perIp: 5, windowMs: 60_000 };

  it('blocks a username after its failures until the window passes', () => {
    const l = createLoginLimiter(opts);
    for (let i = 0; i < 3; i++) l.failed('Admin', '1.1.1.1', 0);
    expect(l.retryAfter('admin', '2.2.2.2', 1000)).toBe(59);
    expect(l.retryAfter('other', '2.2.2.2', 1000)).toBe(0);
    expect(l.retryAfter('admin', '2.2.2.2', 60_000)).toBe(0);
  });

  it('blocks an address that sprays many usernames', () => {
    const l = createLoginLimiter(opts);
    for (let i = 0; i < 5; i++) l.failed(`user${i}`, '9.9.9.9', 0);
    expect(l.retryAfter('fresh-name', '9.9.9.9', 10)).toBeGreaterThan(0);
    expect(l.retryAfter('fresh-name', '8.8.8.8', 10)).toBe(0);
  });

  it("forgets a username's failures after a success", () => {
    const l = createLoginLimiter(opts);
    l.failed('a', 'ip', 0);
    l.failed('a', 'ip', 0);
    l.succeeded('a');
    l.failed('a', 'ip', 0);
    expect(l.retryAfter('a', 'other-ip', 0)).toBe(0);
  });
});
