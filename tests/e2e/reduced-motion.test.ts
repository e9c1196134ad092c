import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startApp, type TestApp } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

/** Opens the Popconfirm of "use this profile" and gives the longest animation it opened with, in seconds. */
async function popconfirmOpening(page: Page): Promise<number> {
  await page.evaluate(() => {
    const seen = { longest: 0 };
    (window as unknown as { opening: typeof seen }).opening = seen;
    new MutationObserver(() => {
      // Its first opening "appears", a later one "enters".
      for (const popup of document.querySelectorAll(
        '.ant-popconfirm[class*="-appear"], .ant-popconfirm[class*="-enter"]',
      )) {
        const seconds = Number.parseFloat(getComputedStyle(popup).animationDuration);
        seen.longest = Math.max(seen.longest, seconds);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });
  await page.getByTestId('use-profile-henan').click();
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await page
    .locator('.ant-popconfirm:not(.ant-popover-hidden):not([class*="-appear"]):not([class*="-enter"])')
    .waitFor();
  const longest = await page.evaluate(
    () => (window as unknown as { opening: { longest: number } }).opening.longest,
  );
  await open.locator('.ant-btn:not(.ant-btn-primary)').click();
  await open.waitFor({ state: 'hidden' });
  return longest;
}

describe('the console and a request for reduced motion', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('zooms a popup in by default, opens it at once when the system asks for less motion, and follows a change', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'no-preference',
    });
    const page = await context.newPage();
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/admin/deadlines`);
    // antd's motionDurationMid: 0.2 s.
    expect(await popconfirmOpening(page)).toBe(0.2);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await popconfirmOpening(page)).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await popconfirmOpening(page)).toBe(0.2);
    await context.close();
  });

  it('is asked for less motion by the e2e browser, so no click lands on a popup still zooming in', async () => {
    const page = await browser.newPage();
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/admin/deadlines`);
    expect(await popconfirmOpening(page)).toBe(0);
    await page.close();
  });
});
