import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/time';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { pageOnClock } from '../helpers/e2e-clock';
import { CALL } from '../helpers/incidents';

/** Runs on in real time from a fixed instant; the test moves the server past a delay with `skip`. */
function skippingClock(start: string): Clock & { skip(ms: number): void } {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    skip: (ms) => {
      offset += ms;
    },
  };
}

describe('escalation on the console home in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = skippingClock('2026-03-04T18:50:00Z'); // 02:50 in Shanghai

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    const put = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/settings/escalation',
        payload: {
          delayMinutes: 10,
          steps: [
            { label: '备班领导', name: '赵敏', phone: '13800000001' },
            { label: '分管领导', name: '孙立', phone: '13800000002' },
          ],
        },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the officer, on a phone, who is next and the number to call, and follows each step live', async () => {
    const page = await pageOnClock(browser, clock, { width: 390, height: 844 });
    await signInThroughPage(page, t.url, 'o1', USER_PASSWORD);
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const created = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }));
    expect(created.statusCode, created.body).toBe(201);
    await t.app.scanner.runOnce();

    const banner = page.getByTestId('escalations');
    await banner.waitFor({ timeout: 5000 });
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain('带班领导尚未确认');
    const text0 = (await banner.textContent()) ?? '';
    expect(text0).toContain('赵敏');
    expect(text0).toContain('13800000001');
    expect(await page.locator('a[href="tel:13800000001"]').count()).toBe(1);

    clock.skip(10 * 60_000);
    await t.app.scanner.runOnce();
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain('已上报第 1/2 级');
    const text1 = (await banner.textContent()) ?? '';
    expect(text1).toContain('孙立');
    expect(text1).toContain('13800000002');

    // Nothing runs off a 390 px screen.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      banner: document.querySelector('[data-testid="escalations"]')!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.banner).toBeLessThanOrEqual(390);
  });
});
