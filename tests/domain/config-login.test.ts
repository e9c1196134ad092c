import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('sign-in and proxy configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      loginFreeAttempts: 5,
      loginDelaySeconds: 2,
      loginDelayMaxSeconds: 900,
      loginSourceBudget: 30,
      loginSourceWindowMinutes: 15,
      loginHashConcurrency: 2,
      loginHashQueue: 64,
      trustProxy: false,
      allowedOrigins: [],
    });
  });

  it('reads the limits and the trusted proxies', () => {
    const c = loadConfig({
      LOGIN_FREE_ATTEMPTS: '3',
      LOGIN_SOURCE_BUDGET: '100',
      LOGIN_HASH_CONCURRENCY: '4',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1',
    });
    expect(c).toMatchObject({
      loginFreeAttempts: 3,
      loginSourceBudget: 100,
      loginHashConcurrency: 4,
      trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1'],
    });
  });

  it('lists every bad value', () => {
    try {
      loadConfig({
        LOGIN_FREE_ATTEMPTS: '0',
        LOGIN_HASH_CONCURRENCY: '64',
        TRUST_PROXY: 'proxy.example,10.0.0.0/33',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const text of [
        'LOGIN_FREE_ATTEMPTS',
        'LOGIN_HASH_CONCURRENCY',
        '"proxy.example"',
        '"10.0.0.0/33"',
      ])
        expect(problems).toContain(text);
    }
  });
});
