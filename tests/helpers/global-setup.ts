import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds the server as `npm start` runs it (tests that start it as a process use that build, so it
 * is never stale), and says loudly when a group of tests cannot run here; under CI that is a
 * failure, not a skip.
 */
export default function setup(): void {
  execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    missing(
      `Chromium not found at ${chromium}: the browser tests (tests/e2e) did NOT run.`,
      'CI must run them: install the chromium package.',
      'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  if (!process.env.TEST_DATABASE_URL) {
    missing(
      'TEST_DATABASE_URL is not set: the PostgreSQL tests (tests/postgres, and the PostgreSQL half of the others) did NOT run.',
      'CI must run them against its PostgreSQL.',
      'Point it at a PostgreSQL server, e.g. TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/postgres.',
    );
  }
}

function missing(message: string, underCi: string, hint: string): void {
  if (process.env.CI === 'true') throw new Error(`${message} ${underCi}`);
  process.stdout.write(`\n!!! ${message} ${hint}\n\n`);
}
