import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, as, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

describe('deadline policy profiles in the browser', () => {
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

  it('picks the Henan profile, copies it and edits the copy with its table checked as typed', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/admin/deadlines`);
    const table = page.getByTestId('profiles-table');
    const row = (name: string) => table.locator('tr', { hasText: name });
    await row('国家默认（县级）').getByTestId('profile-active-tag').waitFor();

    // The Henan table in words, with its source.
    await page.getByTestId('view-profile-henan').click();
    const words = page.getByTestId('profile-words');
    await words.getByText('河南省（事故灾难类、自然灾害类从严）：时限表').waitFor();
    const text = await words.textContent();
    expect(text).toContain('首报 · 事故灾难（特别重大（Ⅰ级）、重大（Ⅱ级））：接报后 15 分钟内电话报告');
    expect(text).toContain('首报 · 事故灾难（较大（Ⅲ级））：接报后 1 小时内书面报告');
    expect(text).toContain(
      '定时续报（特别重大（Ⅰ级）、重大（Ⅱ级）、较大（Ⅲ级））：每日 08:00前、17:00前各续报一次',
    );
    expect(text).toContain('http://news.hnr.cn/snxw/article/1/1335773042856562688');

    // Pick it.
    await page.getByTestId('use-profile-henan').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await row('河南省（事故灾难类、自然灾害类从严）').getByTestId('profile-active-tag').waitFor();
    const admin = await signInAdmin(t.app);
    const list = async () =>
      (await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/deadline-profiles' }))).json();
    expect((await list()).active).toBe('henan');

    // Copy it: the editor opens on the copy; a broken table is refused before it is sent.
    await page.getByTestId('copy-profile-henan').click();
    const editor = page.getByTestId('profile-json');
    await editor.waitFor();
    const copied = JSON.parse(await editor.inputValue());
    expect(copied.name).toBe('河南省（事故灾难类、自然灾害类从严）（副本）');
    await editor.fill(JSON.stringify({ ...copied, followupPerDay: { ...copied.followupPerDay, III: 0 } }));
    await page
      .getByTestId('profile-problems')
      .getByText('followupPerDay.III: a whole number from 1 to 24')
      .waitFor();
    expect(await page.locator('#profile-save').isDisabled()).toBe(true);

    const edited = {
      ...copied,
      name: '本区方案',
      initial: [...copied.initial, { applies: '*', grades: ['III'], kind: 'initial_phone', within: 'PT20M' }],
    };
    await editor.fill(JSON.stringify(edited, null, 2));
    expect(await page.getByTestId('profile-problems').count()).toBe(0);
    await page.locator('#profile-save').click();
    await row('本区方案').waitFor();
    await words.getByText('首报 · 各类事件（较大（Ⅲ级））：接报后 20 分钟内电话报告').waitFor();

    const stored = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/deadline-profiles/custom-1' }))
    ).json();
    expect(stored).toMatchObject({ builtIn: false, basedOn: 'henan', policy: edited });
    // Copying does not change the profile in force.
    expect((await list()).active).toBe('henan');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
