import { existsSync } from 'node:fs';

/** Says loudly when the browser tests cannot run; under CI that is a failure, not a skip. */
export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const message = `Chromium not found at ${chromium}: the browser tests (tests/e2e) did NOT run.`;
  if (process.env.CI === 'true')
    throw new Error(`${message} CI must run them: install the chromium package.`);
  process.stdout.write(`\n!!! ${message} Install it (apt-get install chromium) or set CHROMIUM_PATH.\n\n`);
}
