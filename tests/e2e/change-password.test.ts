import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

describe('changing one’s own password in the console', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    browser = await launchChromium();
    await createUser(t.app, await signInAdmin(t.app), { username: 'wangwu', roles: ['officer'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('changes it from the user menu: a wrong old one is named, the console elsewhere is signed out', async () => {
    const errors: string[] = [];
    const contexts = await Promise.all([
      browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' }),
      browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' }),
    ]);
    const [here, elsewhere] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [here!, elsewhere!]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(here!, t.url, 'wangwu', USER_PASSWORD);
    await signInThroughPage(elsewhere!, t.url, 'wangwu', USER_PASSWORD);

    await here!.getByTestId('current-user').click();
    await here!.getByTestId('change-password').click();
    const dialog = here!.getByRole('dialog', { name: '修改密码' });
    await dialog.waitFor();
    await here!.locator('#change-password_currentPassword').fill('not-my-password');
    await here!.locator('#change-password_newPassword').fill('wangwu-new-password');
    await here!.locator('#change-password_confirm').fill('wangwu-new-password');
    await here!.locator('#change-password-submit').click();
    await dialog.getByText('当前密码不正确').waitFor();

    await here!.locator('#change-password_currentPassword').fill(USER_PASSWORD);
    await here!.locator('#change-password-submit').click();
    await here!.getByText('密码已修改，其他位置的登录已退出').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The other console is signed out and told why; this one stays signed in and live.
    await elsewhere!.getByText('连接已被服务器断开', { exact: false }).waitFor({ timeout: 15_000 });
    await here!.getByTestId('live-status').and(here!.locator('[data-status="live"]')).waitFor();
    expect(await here!.getByTestId('current-user').textContent()).toContain('wangwu');
    await signIn(t.app, 'wangwu', 'wangwu-new-password');
    expect(errors).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  }, 120_000);
});
