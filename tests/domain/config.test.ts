import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:data/duty.sqlite',
      dbKind: 'sqlite',
      tzName: 'Asia/Shanghai',
      logLevel: 'info',
      demo: true,
      scryptLogN: 17,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('recognises PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).dbKind).toBe('postgres');
  });

  it('lists every problem at once, without echoing a database password', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        TZ_NAME: 'Mars/Olympus',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        DUTY_ADMIN_PASSWORD: 'short',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'TZ_NAME', 'LOG_LEVEL', 'DATABASE_URL', 'DUTY_ADMIN_PASSWORD'])
        expect(problems).toContain(name);
      expect(problems).not.toContain('hunter2');
    }
  });
});
