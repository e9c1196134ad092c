import type { ZeroRequest } from '@shared/schemas/zero-reports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { pageOnClock, runningClock } from '../helpers/e2e-clock';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-03-10T22:30:00.000Z'; // 06:30 on 11 March in Shanghai; the cut-off is 08:00

describe('zero reports in the browser', () => {
  const clock = runningClock(START);
  let t: TestApp;
  let browser: Browser;
  let officer: Session;
  let towns: { id: number; path: string; name: string }[];

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    towns = [
      await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' }),
      await addUnit(t.app, DISTRICT, { name: '乙镇', kind: 'township', code: 'T2' }),
      await addUnit(t.app, DISTRICT, { name: '丙街道', kind: 'street', code: 'T3' }),
    ];
    await unitPerson(t.app, admin, towns[0]!.id, { username: 't1', roles: ['officer'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the district asks two townships; one taps 无新增 on its console; the district sees it filed within a second', async () => {
    const district = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    const township = await pageOnClock(browser, clock, { width: 390, height: 844 });
    const errors: string[] = [];
    for (const page of [district, township]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(district, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(township, t.url, 't1', USER_PASSWORD);

    // The district asks 甲镇 and 乙镇 (not 丙街道) from the side menu's 零报告 page.
    await district.getByTestId('side-menu').getByText('零报告').click();
    await district.getByTestId('zero-reports-page').waitFor();
    await district.getByTestId('zero-create').click();
    await district.locator('#zero-create_title').fill('汛期每日零报告');
    await district.locator('#zero-create_scope').click();
    await district.locator('.ant-select-item-option[title="指定单位"]').click();
    const unitsPicker = district.locator('#zero-create_unitIds');
    await unitsPicker.waitFor();
    for (const name of ['甲镇', '乙镇']) {
      await unitsPicker.click();
      await district.locator(`.ant-select-item-option[title="${name}"]`).click();
    }
    await district.keyboard.press('Escape');
    await district.locator('#zero-create-submit').click();

    const requests = async () =>
      (await t.app.inject(as(officer, { method: 'GET', url: '/api/zero-reports' }))).json()
        .requests as ZeroRequest[];
    await expect.poll(async () => (await requests()).length, { timeout: 5000 }).toBe(1);
    const [request] = await requests();
    expect(request!.units.map((u) => u.name)).toEqual(['甲镇', '乙镇']);
    expect(request!.today).toMatchObject({ date: '2026-03-11', cutoffAt: '2026-03-11T00:00:00.000Z' });
    const card = district.getByTestId(`zero-request-${request!.id}`);
    await card.waitFor();
    const notFiled = district.getByTestId(`zero-not-filed-${request!.id}`);
    expect(await notFiled.getAttribute('data-count')).toBe('2');

    // 甲镇's console shows its ask; one tap files "无新增".
    await township.goto(`${t.url}/zero-reports`);
    const ask = township.getByTestId(`zero-ask-${request!.id}`);
    await ask.waitFor({ timeout: 5000 });
    const jia = district.getByTestId(`zero-unit-${request!.id}-${towns[0]!.id}`);
    expect(await jia.getAttribute('data-state')).toBe('pending');
    await township.getByTestId(`zero-nothing-new-${request!.id}-${towns[0]!.id}`).click();
    // The district's list shows it filed within a second of the tap, live; 乙镇 still has not filed.
    await expect.poll(() => jia.getAttribute('data-state'), { timeout: 1000, interval: 50 }).toBe('filed');
    await expect.poll(() => ask.getAttribute('data-state'), { timeout: 5000 }).toBe('filed');
    expect(
      await district.getByTestId(`zero-unit-${request!.id}-${towns[1]!.id}`).getAttribute('data-state'),
    ).toBe('pending');
    expect(await notFiled.getAttribute('data-count')).toBe('1');
    expect(await notFiled.textContent()).toContain('乙镇');
    expect(await notFiled.textContent()).not.toContain('甲镇');
    expect(await card.textContent()).toContain('无新增');
    // The phone page fits 390 px without sideways scrolling.
    expect(await township.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  }, 120_000);
});
