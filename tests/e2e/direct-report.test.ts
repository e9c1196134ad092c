import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

const wall = (at: Date) => {
  // The bureau's wall clock (Asia/Shanghai, no daylight saving) for a datetime-local input.
  const local = new Date(at.getTime() + 8 * 3600_000);
  return local.toISOString().slice(0, 16);
};

describe('直报录入 and the notifications with the 首报 on the incident page', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the 直报, the fire service’s notification and the departments, each recorded from its button (zh, en)', async () => {
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const occurred = new Date(Date.now() - 60 * 60_000);
    const created = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/incidents',
        payload: {
          category: 'fire',
          occurredAt: occurred.toISOString(),
          location: { address: '工业园区纬三路 8 号' },
          caller: { name: '李参谋', unit: '区消防救援大队' },
          summary: '服装加工厂车间起火',
          casualties: { minorInjuries: 1 },
          source: 'phone',
          productionRelated: true,
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'o1', USER_PASSWORD);
    await page.goto(`${t.url}/incidents/${id}`);
    const table = page.getByTestId('obligations-table');
    await table.waitFor();
    expect(await page.getByTestId('direct-scope').textContent()).toBe('纳入直报（须录入直报系统）');
    const text = await table.textContent();
    for (const words of [
      '直报录入',
      '直报通报(消防/交警)',
      '首报通报 · 区人民政府',
      '首报通报 · 公安',
      '首报通报 · 人民检察院',
    ])
      expect(text).toContain(words);

    // The fire service's notification: department prefilled, who told us.
    await page.getByTestId('ob-record-btn-direct_notified').click();
    await page.locator('#statutory-record_at').waitFor();
    expect(await page.locator('#statutory-record_department').inputValue()).toBe('区消防救援大队');
    await page.locator('#statutory-record_at').fill(wall(new Date(Date.now() - 10 * 60_000)));
    await page.locator('#statutory-record_person').fill('李参谋');
    await page.locator('#statutory-record-submit').click();
    // The dialog closes before the next record opens it again (a busy machine animates slowly).
    await page.locator('#statutory-record-submit').waitFor({ state: 'hidden' });
    const notified = page.getByTestId('ob-record-direct_notified');
    await notified.waitFor();
    expect(await notified.textContent()).toContain('区消防救援大队 · 李参谋 · 王芳 记录');
    expect(await page.getByTestId('ob-record-btn-direct_notified').count()).toBe(0);

    // The 直报录入 with the system's record number.
    await page.getByTestId('ob-record-btn-direct_entry').click();
    await page.locator('#statutory-record_recordNumber').fill('3401022026120601');
    await page.locator('#statutory-record-submit').click();
    // The dialog closes before the next record opens it again (a busy machine animates slowly).
    await page.locator('#statutory-record-submit').waitFor({ state: 'hidden' });
    const entry = page.getByTestId('ob-record-direct_entry');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('编号 3401022026120601');

    // One department told: how and to whom.
    await page.getByTestId('ob-record-btn-notification:公安').click();
    await page.locator('#statutory-record_person').fill('刘警官');
    await page.locator('#statutory-record-submit').click();
    // The dialog closes before the next record opens it again (a busy machine animates slowly).
    await page.locator('#statutory-record-submit').waitFor({ state: 'hidden' });
    const police = page.getByTestId('ob-record-notification:公安');
    await police.waitFor();
    expect(await police.textContent()).toContain('电话 · 刘警官');
    expect(await page.getByTestId('ob-record-btn-notification:工会').count()).toBe(1);

    // The same page in English.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('obligations-table').getByText('Direct-report entry').waitFor();
    const english = await page.getByTestId('obligations-table').textContent();
    expect(english).toContain('Notified by fire service / traffic police');
    expect(english).toContain('Department notified · 工会');
    expect(await police.textContent()).toContain('Phone · 刘警官 · recorded by 王芳');
    expect(await page.getByTestId('direct-scope').textContent()).toBe(
      'In scope (to be entered in the direct-report system)',
    );
    expect(await page.getByTestId('ob-record-btn-notification:工会').textContent()).toBe('Record');
    expect(errors).toEqual([]);
  }, 120_000);

  it('puts a road accident in scope once the officer records it happened in production', async () => {
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const created = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/incidents',
        payload: {
          category: 'road_traffic',
          occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
          location: { address: '幸福路与建设路交叉口' },
          caller: { name: '张警官', unit: '区交警大队' },
          summary: '货车与轿车相撞',
          casualties: { deaths: 1 },
          source: 'phone',
        },
      }),
    );
    const id = created.json().id as number;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInThroughPage(page, t.url, 'o1', USER_PASSWORD);
    await page.goto(`${t.url}/incidents/${id}`);
    const scope = page.getByTestId('direct-scope');
    await scope.waitFor();
    expect(await scope.textContent()).toBe('不纳入：非生产经营活动中的事故');
    expect(await page.getByTestId('ob-record-btn-direct_entry').count()).toBe(0);
    await page.getByTestId('edit-figures').click();
    await page.getByTestId('edit-production').click();
    await page.locator('#edit-figures-submit').click();
    await expect.poll(() => scope.textContent()).toBe('纳入直报（须录入直报系统）');
    await page.getByTestId('ob-record-btn-direct_entry').waitFor();
    expect(await page.getByTestId('ob-record-btn-direct_notified').count()).toBe(1);

    // 首报 and 终报 sent: no report is due, whatever the 直报录入 still owes — no "send" offered.
    for (const kind of ['initial', 'final'])
      expect(
        (
          await t.app.inject(
            as(officer, {
              method: 'POST',
              url: `/api/incidents/${id}/reports`,
              payload: { kind, channel: 'system', recipient: '市应急管理局' },
            }),
          )
        ).statusCode,
      ).toBe(201);
    await page.reload();
    await page.getByTestId('ob-record-btn-direct_entry').waitFor();
    expect(await page.getByTestId('edit-figures').count()).toBe(1);
    expect(await page.getByTestId('send-due-report').count()).toBe(0);
    expect(await page.locator('.inc-detail-main').getAttribute('data-report-due')).toBe('false');
  }, 120_000);
});
