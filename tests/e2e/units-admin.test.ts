import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { createUnit } from '../helpers/units';

describe('units administration in the browser', () => {
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

  it('shows the tree with the A/B flag, names each bad CSV line, then imports the whole file', async () => {
    const admin = await signInAdmin(t.app);
    const town = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '城关镇',
      code: 'T01',
    });
    await createUnit(t.app, admin, {
      parentId: town.id,
      kind: 'community',
      name: '东街社区',
      code: 'T01-C01',
    });
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/admin/units`);
    const table = page.getByTestId('units-table');
    await table.getByText('东街社区').waitFor();
    expect(await page.getByTestId('unit-informants-T01-C01').textContent()).toContain('A/B 角不齐');

    await page.getByTestId('import-units').click();
    await page
      .getByTestId('units-csv')
      .fill('T01,T01-C02,西街社区,community\nT01-C01,X,社区下社区,community');
    await page.getByRole('button', { name: '全部导入' }).click();
    await page.getByText('第 2 行：').waitFor();
    expect(await page.getByText('1 行有误，未导入任何单位').count()).toBe(1);

    await page.getByTestId('units-csv').fill('T01,T01-C02,西街社区,community\ndistrict,T02,河口镇,township');
    await page.getByRole('button', { name: '全部导入' }).click();
    await table.getByText('河口镇').waitFor();
    await table.getByText('西街社区').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
