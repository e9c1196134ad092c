import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { buildMarch } from '../helpers/stats-scenario';

const CHARTS = ['chart-trend', 'chart-category', 'chart-grade', 'chart-timeliness'];

describe('statistics in the browser', () => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let ids: Record<string, number>;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp({ clock, listen: true, config: { scanMs: 60_000 } });
    ids = await buildMarch(t, clock);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('draws the charts and both rates of a known March; clicking the 首报及时率 lists exactly its late accidents', async () => {
    const errors: string[] = [];
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(String(err)));
      await signInThroughPage(page, t.url, 'l1', USER_PASSWORD);
      await page.goto(`${t.url}/stats?period=custom&from=2026-03-01&to=2026-03-31`);
      for (const id of CHARTS) await page.locator(`[data-testid="${id}"][data-rendered="true"]`).waitFor();

      // No production-safety accident in the March scenario (road accidents and a fire not in production):
      // the 直报率 has nothing judged; the 首报及时率 beside it is the 40% of before.
      const direct = page.getByTestId('direct-report-rate');
      expect(await direct.locator('[data-rate]').getAttribute('data-rate')).toBe('');
      expect(await direct.textContent()).toContain('—');
      const rate = page.getByTestId('initial-report-rate');
      expect(await rate.locator('[data-rate]').getAttribute('data-rate')).toBe('0.4');
      expect(await rate.textContent()).toContain('40.0%');
      expect(await rate.textContent()).toContain('首报及时率');
      expect(await page.getByTestId('kpi-drills').locator('.stats-kpi-value').textContent()).toBe('1');

      await rate.click();
      const late = page.getByTestId('late-cases');
      await late.waitFor();
      expect(await late.getAttribute('data-count')).toBe('3');
      expect(await late.getAttribute('data-figure')).toBe('initial');
      // Who answers for B: o1 sent its 首报 an hour late.
      expect(await late.getByTestId(`late-case-${ids.B}`).textContent()).toContain('o1');
      for (const name of ['C', 'B', 'D']) {
        const link = late.getByRole('link', { name: `#${ids[name]}`, exact: true });
        expect(await link.getAttribute('href')).toBe(`/incidents/${ids[name]}`);
      }
      const csv = await page.getByTestId('csv-late_cases').getAttribute('href');
      expect(csv).toContain('table=late_cases');
      expect(csv).toContain(`from=${encodeURIComponent('2026-02-28T16:00:00.000Z')}`);

      await late.getByRole('link', { name: `#${ids.C}`, exact: true }).click();
      await page.waitForURL(`${t.url}/incidents/${ids.C}`);
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('prints the month on A4 with the late cases, outside the console layout', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInThroughPage(page, t.url, 'l1', USER_PASSWORD);
    await page.goto(`${t.url}/stats/print?month=2026-03`);
    await page.getByTestId('stats-print-sheet').waitFor();
    expect(await page.locator('.app-sider').count()).toBe(0);
    expect(await page.getByTestId('print-late-cases').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('print-key-figures').textContent()).toContain('40.0%');
  }, 120_000);
});
