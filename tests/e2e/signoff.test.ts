import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { CALL } from '../helpers/incidents';

/**
 * 签发 in the browser (issue 13): the officer asks the leader from the report composer; the leader,
 * on a phone (390×844), sees the request arrive live in 我的待办 and signs it off; the officer's
 * console shows the approval live and sends the report, which says who signed it off and how.
 */
describe('a written report signed off by the leader on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let incidentId: number;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    await createUser(t.app, admin, { username: 'l2', displayName: '张伟', roles: ['leader'] });
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    incidentId = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json().id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the leader approves the request live on a phone; the officer then sends the report', async () => {
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    const desk = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const errors: string[] = [];
    for (const page of [phone, desk]) page.on('pageerror', (err) => errors.push(String(err)));

    // The leader's phone is on the console home before anything is asked.
    await signInThroughPage(phone, t.url, 'l1', USER_PASSWORD);
    const todo = phone.getByTestId('my-todo');
    await todo.waitFor();

    await signInThroughPage(desk, t.url, 'o1', USER_PASSWORD);
    await desk.goto(`${t.url}/incidents/${incidentId}`);
    const composer = desk.getByTestId('report-composer');
    await composer.waitFor();
    await composer.locator('.ant-radio-button-wrapper', { hasText: '书面' }).click();
    await desk.getByTestId('report-text').and(desk.locator(':not(:empty)')).waitFor();
    // 签发 is asked of a leader chosen by name from the list, never typed.
    await desk.getByTestId('signoff-panel').waitFor();
    await desk.getByTestId('signoff-leader').click();
    await desk.locator('.ant-select-item-option', { hasText: '刘强' }).click();
    const send = desk.getByTestId('send-report');
    expect(await send.isDisabled()).toBe(true);
    await desk.getByTestId('request-signoff').click();
    const state = desk.getByTestId('signoff-status');
    await expect.poll(() => state.getAttribute('data-status'), { timeout: 5000 }).toBe('pending');
    expect(await state.textContent()).toContain('等待 刘强 签发');
    expect(await send.isDisabled()).toBe(true);

    // On the phone, live: the request with its text and who asked.
    const item = todo.locator('[data-testid^="todo-signoff-"]');
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toContain('王芳 请示');
    // Nothing of it runs off a phone's screen.
    const overflow = await phone.evaluate(() => {
      const card = document.querySelector('[data-testid="my-todo"]') as HTMLElement;
      return {
        right: card.getBoundingClientRect().right,
        scroll: card.scrollWidth,
        client: card.clientWidth,
      };
    });
    expect(overflow.right).toBeLessThanOrEqual(390);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    await item.getByTestId('todo-comment').fill('同意上报');
    await item.getByTestId('todo-approve').click();
    await expect.poll(() => item.count(), { timeout: 5000 }).toBe(0);

    // The officer's console shows the approval live; 发送 is enabled.
    await expect.poll(() => state.getAttribute('data-status'), { timeout: 5000 }).toBe('approved');
    expect(await state.textContent()).toContain('刘强 已签发');
    expect(await send.isDisabled()).toBe(false);
    await send.click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    const signoff = desk.getByTestId('report-signoff-1');
    await signoff.waitFor({ timeout: 5000 });
    expect(await signoff.getAttribute('data-signoff')).toBe('approved');
    expect(await signoff.textContent()).toContain('刘强 签发');

    const detail = (
      await t.app.inject(
        as(await signIn(t.app, 'l2', USER_PASSWORD), { method: 'GET', url: `/api/incidents/${incidentId}` }),
      )
    ).json();
    expect(detail.reports).toMatchObject([
      {
        number: 1,
        channel: 'written',
        sentBy: 'o1',
        signoff: { kind: 'approved', leader: 'l1', comment: '同意上报' },
      },
    ]);
    expect(errors).toEqual([]);
  }, 180_000);
});
