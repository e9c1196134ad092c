import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

describe('reports a duty officer would sign, in the browser', () => {
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

  it('finds the category as the caller says it, records the accident unit, puts the due 首报 first and keeps its draft fresh', async () => {
    const a = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const errors: string[] = [];
    a.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(a, t.url, 'o1', USER_PASSWORD);
    await a.goto(`${t.url}/incidents`);
    await a.getByTestId('record-call').click();
    await a.locator('#record-call_caller_name').fill('李文涛');
    await a.locator('#record-call_caller_unit').fill('区消防救援大队');
    await a.locator('#record-call_address').fill('长青街道和平路126号');
    await a.getByTestId('accident-unit-name').fill('老王家常餐馆');
    await a.locator('#record-call_category').click();
    await a.locator('#record-call_category').fill('爆炸');
    const options = a.locator('.ant-select-item-option:visible');
    await expect.poll(() => options.allInnerTexts()).toEqual(['危险化学品', '城镇燃气', '工贸']);
    await a.locator('#record-call_category').fill('rq');
    await expect.poll(() => options.allInnerTexts()).toEqual(['城镇燃气']);
    await options.first().click();
    await a.locator('#record-call_summary').fill('店内厨房发生燃气爆炸并起火，消防和120已到场');
    await a.getByTestId('record-call-submit').click();
    await a.getByTestId('incident-detail').waitFor();
    const id = Number(await a.getByTestId('incident-detail').getAttribute('data-incident-id'));

    expect(await a.getByTestId('accident-unit').textContent()).toBe('老王家常餐馆');
    // The 首报 is due: the header's primary action, and the composer is the first card on the page.
    const send = a.getByTestId('send-due-report');
    expect(await send.textContent()).toMatch(/报送首报/u);
    expect(await send.getAttribute('class')).toContain('ant-btn-primary');
    const firstCard = a.locator('.inc-detail-main > .ant-card').first();
    expect(await firstCard.getByTestId('report-composer').count()).toBe(1);
    const text = a.getByTestId('report-text');
    await expect.poll(() => text.inputValue()).toContain('（一）事发单位概况。事发单位为老王家常餐馆');
    expect(await text.inputValue()).not.toMatch(/[A-Za-z]|时0分|城镇燃气：/u);

    // A dispatch recorded elsewhere: the untouched draft is redrafted at once.
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const act = (what: string) =>
      t.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/incidents/${id}/actions`,
          payload: { type: 'dispatch', text: what },
        }),
      );
    expect((await act('区卫生健康委调派3辆救护车转运伤员')).statusCode).toBe(201);
    await expect
      .poll(() => text.inputValue(), { timeout: 5000 })
      .toContain('区卫生健康委调派3辆救护车转运伤员');

    // An edited draft keeps the officer's words and says it can be refreshed.
    await text.focus();
    await a.keyboard.press('End');
    await a.keyboard.type('补充');
    expect((await act('长青街道疏散周边群众60余人')).statusCode).toBe(201);
    await a.getByTestId('draft-stale').waitFor({ timeout: 5000 });
    expect(await a.getByTestId('draft-stale').textContent()).toContain('事件已更新，草稿可刷新');
    expect(await text.inputValue()).toContain('补充');
    await a.getByTestId('refresh-draft').click();
    await expect.poll(() => text.inputValue()).toContain('长青街道疏散周边群众60余人');
    await expect.poll(() => a.getByTestId('draft-stale').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
