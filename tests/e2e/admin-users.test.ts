import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startApp, type TestApp } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

describe('administration in the browser', () => {
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

  it('signs in, creates a user, and a second console sees it appear live', async () => {
    const errors: string[] = [];
    const contexts = await Promise.all([
      browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' }),
      browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' }),
    ]);
    const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [a!, b!]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(a!, t.url, 'admin', ADMIN_PASSWORD);
    await signInThroughPage(b!, t.url, 'admin', ADMIN_PASSWORD);
    await a!.goto(`${t.url}/admin/users`);
    await b!.goto(`${t.url}/admin/users`);
    await b!.getByTestId('users-table').getByText('admin', { exact: true }).waitFor();
    await b!.getByTestId('live-status').and(b!.locator('[data-status="live"]')).waitFor();

    await a!.getByTestId('new-user').click();
    await a!.locator('#create-user_username').fill('zhangsan');
    await a!.locator('#create-user_displayName').fill('张三');
    await a!.locator('#create-user_password').fill('zhangsan-password-1');
    await a!.getByRole('checkbox', { name: '值班员' }).check();
    await a!.locator('#create-user-submit').click();

    // Console B did not reload: the row comes over the live feed.
    const row = b!.getByTestId('users-table').locator('tr', { hasText: 'zhangsan' });
    await row.waitFor({ timeout: 5000 });
    expect(await row.textContent()).toContain('张三');
    expect(errors).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  }, 120_000);
});
