import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Clock } from '../../server/time';

/**
 * A clock that starts at a fixed instant and runs on in real time: a browser test plays at a chosen
 * moment of a chosen duty day however long it takes, never across a hand-over the wall clock
 * happens to reach mid-run.
 */
export function runningClock(start: string): Clock {
  const offset = Date.parse(start) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A page whose clock is the server's (installed before anything loads, running on from there). */
export async function pageOnClock(
  browser: Browser,
  clock: Clock,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport });
  await context.clock.install({ time: clock.now() });
  return context.newPage();
}
