import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { pageOnClock, runningClock } from '../helpers/e2e-clock';

/** The wall's chip for a warning, as the other console shows it. */
const chip = (page: Page, text: string) =>
  page.getByTestId('warning-wall').getByTestId('warning-chip').filter({ hasText: text });

describe('the warning wall on every console', () => {
  let t: TestApp;
  let browser: Browser;
  // 12:00 on 10 July in Shanghai, in the flood season.
  const clock = runningClock('2026-07-10T04:00:00Z');

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a warning issued on one console on the wall of another within a second, and lifting it removes it', async () => {
    const desk = await pageOnClock(browser, clock, { width: 1280, height: 800 });
    const phone = await pageOnClock(browser, clock, { width: 390, height: 844 });
    await signInThroughPage(desk, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(phone, t.url, 'l1', USER_PASSWORD);
    // Nothing in force: no wall.
    expect(await phone.getByTestId('warning-wall').count()).toBe(0);

    await desk.goto(`${t.url}/warnings`);
    await desk.getByTestId('live-status').and(desk.locator('[data-status="live"]')).waitFor();
    await desk.getByTestId('warning-issue').click();
    await desk.locator('#issue-warning_type').click();
    await desk.locator('#issue-warning_type').fill('暴雨');
    await desk.locator('.ant-select-item-option', { hasText: '暴雨' }).click();
    await desk.locator('.ant-select-item-option', { hasText: '暴雨' }).waitFor({ state: 'hidden' });
    await desk.locator('#issue-warning_level').click();
    await desk.locator('.ant-select-item-option', { hasText: '蓝色（四级）' }).waitFor();
    // 暴雨 takes all four colours; the list offers red first.
    expect(
      await desk
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .allTextContents(),
    ).toEqual(['红色（一级）', '橙色（二级）', '黄色（三级）', '蓝色（四级）']);
    await desk.locator('.ant-select-item-option', { hasText: '橙色' }).click();
    await desk.locator('#issue-warning_text').fill('预计未来3小时我区将出现50毫米以上降雨');
    const answered = desk.waitForResponse(
      (r) => r.url().endsWith('/api/warnings') && r.request().method() === 'POST',
    );
    await desk.locator('#issue-warning-submit').click();
    expect((await answered).status()).toBe(201);
    const issuedAt = Date.now();

    // The other console: on the wall within a second, in the signal's orange, dark text on it.
    await chip(phone, '暴雨橙色预警').waitFor({ timeout: 1000 });
    expect(Date.now() - issuedAt).toBeLessThan(1000);
    const look = await chip(phone, '暴雨橙色预警').evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, fg: s.color, level: el.getAttribute('data-level') };
    });
    expect(look).toEqual({ bg: 'rgb(255, 127, 0)', fg: 'rgb(26, 26, 26)', level: 'orange' });
    // And the console's own: the wall and the list of what is in force.
    await chip(desk, '暴雨橙色预警').waitFor({ timeout: 1000 });
    await desk.getByTestId('active-warning').filter({ hasText: '暴雨橙色预警' }).waitFor({ timeout: 1000 });
    // The leader's shift-start briefing lists it too.
    await phone
      .getByTestId('briefing-warnings')
      .getByTestId('warning-chip')
      .filter({ hasText: '暴雨橙色预警' })
      .waitFor({ timeout: 2000 });
    // A phone: nothing runs off the 390 px screen.
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wall: document.querySelector('[data-testid="warning-wall"]')!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.wall).toBeLessThanOrEqual(390);

    // Lifting it on the desk takes it off the phone's wall within a second.
    await desk.getByTestId('warning-lift').click();
    const lifted = desk.waitForResponse((r) => r.url().includes('/lift') && r.request().method() === 'POST');
    await desk.locator('#lift-warning-submit').click();
    expect((await lifted).status()).toBe(200);
    const liftedAt = Date.now();
    await phone.getByTestId('warning-wall').waitFor({ state: 'detached', timeout: 1000 });
    expect(Date.now() - liftedAt).toBeLessThan(1000);
    await desk.getByTestId('warnings-none').waitFor({ timeout: 1000 });
    // The duty log keeps it: in force today, lifted.
    await desk.goto(`${t.url}/logbook`);
    const log = desk.getByTestId('logbook-warnings');
    await log.waitFor({ timeout: 5000 });
    expect(await log.textContent()).toContain('暴雨橙色预警（区气象台）· 已解除');
  }, 60_000);
});
