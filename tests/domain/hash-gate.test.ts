import { scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DutyError } from '../../server/errors';
import { createHashGate } from '../../server/modules/auth/hash-gate';

/** A real scrypt computation (2^12), counted while it runs. */
function hashing(state: { now: number; max: number }, order: string[], label: string) {
  return () =>
    new Promise<string>((resolve, reject) => {
      state.now += 1;
      state.max = Math.max(state.max, state.now);
      order.push(label);
      scrypt(label, 'salt', 32, { N: 4096, r: 8, p: 1 }, (err) => {
        state.now -= 1;
        if (err) reject(err);
        else resolve(label);
      });
    });
}

describe('the password hash gate', () => {
  it('runs at most the configured number of hashes at once', async () => {
    const gate = createHashGate({ concurrency: 2, maxWaiting: 100 });
    const state = { now: 0, max: 0 };
    const order: string[] = [];
    const done = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gate.run('10.0.0.1', hashing(state, order, `h${i}`))),
    );
    expect(done).toHaveLength(12);
    expect(state.max).toBe(2);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('serves another address next, not after the whole flood of one address', async () => {
    const gate = createHashGate({ concurrency: 2, maxWaiting: 100 });
    const state = { now: 0, max: 0 };
    const order: string[] = [];
    const flood = Array.from({ length: 20 }, (_, i) =>
      gate.run('10.0.0.1', hashing(state, order, `flood${i}`)),
    );
    const real = gate.run('10.0.0.2', hashing(state, order, 'real'));
    await Promise.all([...flood, real]);
    // Two were running when it arrived; it is the first to start after one of them ends.
    expect(order.indexOf('real')).toBe(2);
  });

  it('refuses the flooding address first when the queue is full', async () => {
    const gate = createHashGate({ concurrency: 1, maxWaiting: 4 });
    const state = { now: 0, max: 0 };
    const order: string[] = [];
    const flood = Array.from({ length: 6 }, (_, i) =>
      gate.run('10.0.0.1', hashing(state, order, `flood${i}`)).catch((e: DutyError) => e),
    );
    const real = gate.run('10.0.0.2', hashing(state, order, 'real'));
    const results = await Promise.all(flood);
    expect(await real).toBe('real');
    const refused = results.filter((r) => r instanceof DutyError) as DutyError[];
    // 1 running + 4 waiting: the sixth was refused on arrival, and one waiter made room for 'real'.
    expect(refused).toHaveLength(2);
    expect(refused[0]!.code).toBe('DUTY_ERR_RATE_LIMITED');
    expect(refused[0]!.headers['retry-after']).toBe('1');
  });
});
