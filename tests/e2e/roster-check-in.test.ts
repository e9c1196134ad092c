import type { DutyNow } from '@shared/schemas/attendance';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  as,
  createUser,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { pageOnClock, runningClock } from '../helpers/e2e-clock';

describe('roster and check-in in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const usernames = new Map<number, string>();
  // 12:00 on 5 March in Shanghai: hours from either hand-over (08:30), whenever the suite runs.
  const clock = runningClock('2026-03-05T04:00:00Z');
  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    for (const [username, displayName, roles] of [
      ['o1', '王芳', ['officer']],
      ['o2', '李军', ['officer']],
      ['l1', '刘强', ['leader']],
      ['l2', '孙丽', ['leader']],
    ] as const) {
      const user = await createUser(t.app, admin, { username, displayName, roles: [...roles] });
      usernames.set(user.id, username);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the administrator generates and publishes a month; the officer on duty checks in; a second console sees it live', async () => {
    const admin = await signInAdmin(t.app);
    const month = (
      (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow
    ).dutyDate.slice(0, 7);
    expect(month).toBe('2026-03');
    const page = await pageOnClock(browser, clock, { width: 1920, height: 1080 });
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/roster?month=${month}`);
    await page.getByTestId('month-status').and(page.locator('[data-status="none"]')).waitFor();
    await page.getByTestId('generate-roster').click();
    await page.locator('#generate-submit').click();
    // Generating replaces the month's unattended shifts: the console asks first.
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('month-status').and(page.locator('[data-status="draft"]')).waitFor();
    await page.getByTestId('publish-roster').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('month-status').and(page.locator('[data-status="published"]')).waitFor();

    const now = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
    expect(now).toMatchObject({ dutyDate: '2026-03-05', published: true });
    const onDuty = now.officers[0]!;
    const leader = now.leaders[0]!;

    // The leader's console is open before the officer arrives.
    const watcher = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    await signInThroughPage(watcher, t.url, usernames.get(leader.userId)!, USER_PASSWORD);
    const watched = watcher.getByTestId('duty-officers').locator(`[data-user-id="${onDuty.userId}"]`);
    await watched.waitFor();

    const officer = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    await signInThroughPage(officer, t.url, usernames.get(onDuty.userId)!, USER_PASSWORD);
    await officer.getByTestId('duty-banner').getByText(onDuty.userName).first().waitFor();
    await officer.getByTestId('check-in').click();
    await officer
      .locator(
        '[data-testid="check-in-state"][data-state="checked_in"], [data-testid="check-in-state"][data-state="late"]',
      )
      .waitFor();

    // No reload on the leader's console: the check-in arrives over the live feed.
    await watched
      .locator('.duty-person-state[data-state="checked_in"], .duty-person-state[data-state="late"]')
      .waitFor({ timeout: 5000 });
    const shift = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json().officers[0];
    expect(shift.checkInAt).not.toBeNull();
  }, 180_000);
});
