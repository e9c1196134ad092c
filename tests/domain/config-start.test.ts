import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('config of a start (issue 11 points 3 and 16)', () => {
  it('DEMO defaults to 1 outside production and to 0 under NODE_ENV=production; an explicit DEMO is kept', () => {
    expect(loadConfig({})).toMatchObject({ demo: true, production: false });
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ demo: true, production: false });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ demo: false, production: true });
    // Kept as asked: the start refuses it (server/bootstrap.ts), loudly, rather than the config.
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' })).toMatchObject({ demo: true, production: true });
    expect(loadConfig({ DEMO: '0' })).toMatchObject({ demo: false, production: false });
  });

  it('SHUTDOWN_TIMEOUT_MS defaults to 10 s and is bounded', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '3000' }).shutdownTimeoutMs).toBe(3000);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(ConfigError);
  });
});
