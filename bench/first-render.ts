/**
 * The incident board's first render in Debian's Chromium with 5,000 open incidents: from the start
 * of the navigation to /incidents until the board's cards are on screen with its count (read in
 * the page, on animation frames, from performance.now(), whose origin is the navigation start).
 * Serves the built console from dist/client: run `npx vite build` (or bench/bundle.ts) first.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createUser, signInAdmin, startApp, USER_PASSWORD } from '../tests/helpers/app';
import { launchChromium, signInThroughPage } from '../tests/helpers/browser';
import { seedOpenIncidents } from './lib/open-incidents';
import { seeded } from './lib/random';
import { machineLoad, quantile } from './lib/timing';

const OPEN = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1500;

if (!existsSync('dist/client/index.html')) throw new Error('no dist/client: run `npx vite build` first');

interface Rendered {
  at: number;
  count: string;
  cards: number;
  domReady: number;
  listStart: number;
  listFirstByte: number;
  listEnd: number;
  listBytes: number;
}

const ms = (n: number) => `${Math.round(n)} ms`;
/** Where the time went: the page's scripts ready, the open list asked for, answered, received. */
const phases = (r: Rendered) =>
  `DOM ready ${ms(r.domReady)}, list asked ${ms(r.listStart)}, first byte ${ms(r.listFirstByte)}, ` +
  `received ${ms(r.listEnd)} (${(r.listBytes / 1e6).toFixed(1)} MB), cards shown ${ms(r.at)}`;

/** Loads the board and returns when (ms after navigation start) its first card and count showed. */
async function firstRender(page: Page, url: string) {
  await page.goto(`${url}/incidents`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const card = document.querySelector('[data-testid^="incident-card-"]');
      const count = document.querySelector('[data-testid="incident-count"]')?.textContent ?? '';
      if (!card || !/\d/.test(count) || document.querySelector('.inc-board-spin .ant-spin-spinning'))
        return false;
      const cards = document.querySelectorAll('[data-testid^="incident-card-"]').length;
      const list = performance
        .getEntriesByType('resource')
        .find((e) => (e as PerformanceResourceTiming).name.includes('/api/incidents')) as
        | PerformanceResourceTiming
        | undefined;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        at: performance.now(),
        count,
        cards,
        domReady: nav?.domContentLoadedEventEnd ?? 0,
        listStart: list?.requestStart ?? 0,
        listFirstByte: list?.responseStart ?? 0,
        listEnd: list?.responseEnd ?? 0,
        listBytes: list?.encodedBodySize ?? 0,
      };
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as Rendered;
}

const t = await startApp({ listen: true, config: { logLevel: 'warn' } });
const browser = await launchChromium();
try {
  const admin = await signInAdmin(t.app);
  await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
  const seedStart = performance.now();
  const seededCount = await seedOpenIncidents(
    t.app.db,
    seeded(5000),
    OPEN,
    new Date(),
    72,
    t.app.config.tzName,
  );
  console.log(
    `seeded ${seededCount.incidents} open incidents, ${seededCount.obligations} obligations in ${Math.round(performance.now() - seedStart)} ms`,
  );
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await signInThroughPage(page, t.url, 'o1', USER_PASSWORD);
  const runs: number[] = [];
  let last: Rendered | undefined;
  for (let i = 0; i < RUNS + 1; i++) {
    last = await firstRender(page, t.url);
    // The first load fills the browser's cache; the console is opened again and again after that.
    console.log(`${i === 0 ? 'first load (cold cache)' : `run ${i}`}: ${phases(last)}`);
    if (i > 0) runs.push(last.at);
  }
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  const median = Math.round(quantile(runs, 0.5));
  console.log(
    `board first render, ${OPEN} open incidents (board says "${last!.count}", ${last!.cards} cards in the DOM): ` +
      `median ${median} ms, max ${Math.round(Math.max(...runs))} ms over ${RUNS} runs — target ≤ ${TARGET_MS} ms (${machineLoad()})`,
  );
} finally {
  await browser.close();
  await t.close();
}
