import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

it('DUTY_GROUP_COMMIT_MS defaults to 2 ms, 0 turns group commit off, anything else stops the start naming it', () => {
  expect(loadConfig({}).groupCommitMs).toBe(2);
  expect(loadConfig({ DUTY_GROUP_COMMIT_MS: '0' }).groupCommitMs).toBe(0);
  expect(loadConfig({ DUTY_GROUP_COMMIT_MS: '50' }).groupCommitMs).toBe(50);
  for (const bad of ['-1', '51', '2.5', 'fast', '1e9']) {
    let problems: string[] = [];
    try {
      loadConfig({ DUTY_GROUP_COMMIT_MS: bad });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual([`DUTY_GROUP_COMMIT_MS must be a whole number from 0 to 50 (got "${bad}")`]);
  }
});
