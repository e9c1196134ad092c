import type { RosterView } from '@shared/schemas/roster';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  as,
  createUser,
  type Session,
  signInAdmin,
  startApp,
  type TestApp,
} from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

/** A month well ahead of the real clock, so no shift of it has begun whenever the test runs. */
function monthAhead(months: number): string {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  return at.toISOString().slice(0, 7);
}

describe('editing a published roster and issuing whole-roster feeds in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  const month = monthAhead(3);
  beforeAll(async () => {
    t = await startApp({ listen: true });
    admin = await signInAdmin(t.app);
    const officers: number[] = [];
    const leaders: number[] = [];
    for (const [username, displayName] of [
      ['o1', '王芳'],
      ['o2', '李军'],
      ['o3', '张敏'],
    ] as const)
      officers.push((await createUser(t.app, admin, { username, displayName, roles: ['officer'] })).id);
    for (const [username, displayName] of [
      ['l1', '刘强'],
      ['l2', '孙丽'],
    ] as const)
      leaders.push((await createUser(t.app, admin, { username, displayName, roles: ['leader'] })).id);
    const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: `${month}-01`, to: `${month}-${days}`, officers, leaders },
      }),
    );
    expect(gen.statusCode).toBe(200);
    const pub = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/roster/publish', payload: { month } }),
    );
    expect(pub.statusCode).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('asks a reason, shows the refusal and the override, then marks the month changed since publishing', async () => {
    const day = `${month}-10`;
    const view = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/roster?from=${day}&to=${day}` }))
    ).json() as RosterView;
    const shift = view.shifts.find((s) => s.role === 'officer')!;

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/roster?month=${month}`);
    await page.getByTestId('month-status').and(page.locator('[data-status="published"]')).waitFor();
    await page.getByTestId(`roster-day-${day}`).click();
    await page.getByTestId(`delete-shift-${shift.id}`).click();
    const modal = page.getByTestId('delete-shift-modal');
    await modal.getByTestId('edit-published-notice').waitFor();

    // No reason: the form stops it; nothing is deleted.
    await page.locator('#delete-shift-submit').click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    await modal.getByTestId('edit-reason').fill('王芳病假，暂缺');
    await page.locator('#delete-shift-submit').click();
    // The deletion leaves a gap: the checks refuse it and offer the override.
    await modal.getByTestId('edit-override').waitFor();
    const still = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/roster?from=${day}&to=${day}` }))
    ).json() as RosterView;
    expect(still.shifts.map((s) => s.id)).toContain(shift.id);

    await modal.getByTestId('edit-override').click();
    await page.locator('#delete-shift-submit').click();
    await page.getByTestId('month-status').and(page.locator('[data-status="changed"]')).waitFor();
    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=roster.shift_deleted' }))
    ).json().events;
    expect(events[0].payload.publishedEdit).toMatchObject({ reason: '王芳病假，暂缺', override: true });
  });

  it('issues a whole-roster feed once, lists it, and revokes it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/roster?month=${month}`);
    await page.getByTestId('roster-export').click();
    await page.getByRole('menuitem', { name: /整表日历订阅|Whole-roster calendar feeds/ }).click();
    const modal = page.getByTestId('roster-feeds-modal');
    await modal.getByTestId('roster-feed-label').fill('值班室大屏');
    await modal.getByTestId('issue-roster-feed').click();
    const url = await modal.getByTestId('roster-feed-url').locator('input').inputValue();
    expect(url).toMatch(new RegExp(`^${t.url}/api/roster\\.ics\\?user=all&key=[A-Za-z0-9_-]{32}$`));
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    const listed = (await t.app.inject(as(admin, { method: 'GET', url: '/api/roster/feeds' }))).json().feeds;
    expect(listed.map((f: { label: string }) => f.label)).toEqual(['值班室大屏']);
    await modal.getByTestId(`revoke-feed-${listed[0].id}`).click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await modal.getByText(/暂无整表订阅|No whole-roster feeds/).waitFor();
    expect((await fetch(url)).status).toBe(401);
  });
});
