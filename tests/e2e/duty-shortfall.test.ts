import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createUser,
  type Session,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { pageOnClock, runningClock } from '../helpers/e2e-clock';

// 12:00 on 6 December 2026 in Shanghai (duty day 12-06, hand-over 08:30): no 2027 schedule is
// shipped, so administrators are warned; a meeting declared for the day wants two officers.
describe('the shortfall and the missing calendar in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  const clock = runningClock('2026-12-06T04:00:00Z');
  const pages: Page[] = [];

  beforeAll(async () => {
    t = await startApp({ listen: true, clock, config: { tzName: 'Asia/Shanghai' } });
    admin = await signInAdmin(t.app);
    const o1 = await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    const spare = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'o2',
          displayName: '李军',
          password: USER_PASSWORD,
          roles: ['officer'],
          qualified: true,
          phone: '13900001111',
        },
      }),
    );
    expect(spare.statusCode, spare.body).toBe(201);
    const l1 = await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    for (const [userId, role] of [
      [o1.id, 'officer'],
      [l1.id, 'leader'],
    ] as const) {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/roster/shifts',
          payload: { userId, role, dutyDate: '2026-12-06', kind: 'full' },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const period = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: { kind: 'sensitive', name: '重要会议', fromDate: '2026-12-06', toDate: '2026-12-06' },
      }),
    );
    expect(period.statusCode, period.body).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await t?.close();
  });

  async function open(username: string, password: string): Promise<Page> {
    const page = await pageOnClock(browser, clock, { width: 1280, height: 800 });
    pages.push(page);
    await signInThroughPage(page, t.url, username, password);
    return page;
  }

  it('shows the administrator the shortfall with its reason and whom to call, and the missing 2027 schedule', async () => {
    const page = await open('admin', 'admin-pass-for-tests');
    const shortfall = page.getByTestId('alert-shortfall');
    await expect.poll(() => shortfall.textContent(), { timeout: 10_000 }).toContain('值守力量不足');
    const text = await shortfall.textContent();
    expect(text).toContain('值班员需 2 人，当前 1 人（重要会议）');
    expect(text).toContain('可联系：李军 13900001111');
    await expect.poll(() => page.getByTestId('duty-shortfall').textContent()).toContain('重要会议');
    const calendar = page.getByTestId('alert-calendar-missing');
    await expect.poll(() => calendar.textContent()).toContain('尚无 2027 年法定节假日安排');

    // Entered by the administrator on the holidays page: the warning goes, live.
    await page.goto(`${t.url}/admin/calendar`);
    await expect
      .poll(() => page.getByTestId('calendar-notice').textContent())
      .toContain('国办发明电〔2025〕7号');
    await page.getByTestId('calendar-form').locator('#date').fill('2027-01-01');
    await page.getByTestId('calendar-form').locator('#name').fill('元旦');
    await page.getByTestId('calendar-save').click();
    await expect.poll(() => calendar.count(), { timeout: 5_000 }).toBe(0);
  });

  it('shows an officer the shortfall but no phones, and no calendar warning', async () => {
    // Put the calendar back first, so the missing year would show if officers were told.
    const cleared = await t.app.inject(as(admin, { method: 'DELETE', url: '/api/calendar/days/2027-01-01' }));
    expect(cleared.statusCode, cleared.body).toBe(200);
    const page = await open('o1', USER_PASSWORD);
    const shortfall = page.getByTestId('alert-shortfall');
    await expect.poll(() => shortfall.textContent(), { timeout: 10_000 }).toContain('（重要会议）');
    expect(await page.getByTestId('shortfall-to-call').count()).toBe(0);
    expect(await page.getByTestId('alert-calendar-missing').count()).toBe(0);
  });
});
