import { mkdirSync } from 'node:fs';
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

// 06:58:50 on 11 March in Shanghai: the ask's cut-off, 07:00, comes while the test runs (after a
// minute and more, so a loaded machine still signs everyone in before it).
const START = '2026-03-10T22:58:50.000Z';
const SHOTS = '/tmp/shots-zero-alerts';

describe('zero reports not filed, in the alert strip', () => {
  const clock = runningClock(START);
  let t: TestApp;
  let browser: Browser;
  let officer: Session;
  let town: { id: number; name: string };
  let requestId: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startApp({ listen: true, clock, config: { scanMs: 500 } });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    town = await addUnit(t.app, DISTRICT, { name: '丁镇', kind: 'township', code: 'T4' });
    await unitPerson(t.app, admin, town.id, { username: 't4', roles: ['officer'] });
    // A township not asked: nothing of this ask is its business.
    const other = await addUnit(t.app, DISTRICT, { name: '戊镇', kind: 'township', code: 'T5' });
    await unitPerson(t.app, admin, other.id, { username: 't5', roles: ['officer'] });
    const asked = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/zero-reports',
        payload: { title: '寒潮期间每日零报告', scope: 'units', unitIds: [town.id], cutoff: '07:00' },
      }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    requestId = asked.json().id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('warns the unit until the cut-off, then both the unit and the district, until the unit files', async () => {
    const district = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    const township = await pageOnClock(browser, clock, { width: 390, height: 844 });
    const notAsked = await pageOnClock(browser, clock, { width: 390, height: 844 });
    const errors: string[] = [];
    for (const page of [district, township, notAsked])
      page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(district, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(township, t.url, 't4', USER_PASSWORD);
    await signInThroughPage(notAsked, t.url, 't5', USER_PASSWORD);

    // Before 07:00: the township is reminded on every page but the one it files on; the district,
    // whose units are not late yet, is not.
    const owed = township.getByTestId('alert-zero-owed');
    await owed.waitFor({ timeout: 10_000 });
    expect(await owed.getAttribute('data-late')).toBe('no');
    expect(await owed.textContent()).toContain('寒潮期间每日零报告');
    expect(await owed.textContent()).toContain('07:00');
    await township.screenshot({ path: `${SHOTS}/township-owed-390.png` });
    expect(await district.getByTestId('alert-zero-missing').count()).toBe(0);
    await township.getByTestId('alert-zero-open').click();
    await township.getByTestId('zero-reports-page').waitFor();
    expect(await owed.count()).toBe(0);
    await township.goto(`${t.url}/network`);
    await owed.waitFor();

    // 07:00 passes with nothing filed: the township's line turns red, the district's names the unit.
    await expect.poll(() => owed.getAttribute('data-late'), { timeout: 90_000, interval: 250 }).toBe('yes');
    const missing = district.getByTestId('alert-zero-missing');
    await missing.waitFor({ timeout: 5000 });
    expect(await missing.getAttribute('data-count')).toBe('1');
    expect(await missing.textContent()).toContain('丁镇');
    await district.screenshot({ path: `${SHOTS}/district-missing-1366.png` });
    // Another township sees neither line: not its ask, and not its place to watch the others.
    await notAsked.getByTestId('side-menu').waitFor();
    expect(await notAsked.locator('[data-testid^="alert-zero"]').count()).toBe(0);

    // Filed late: both lines go, live.
    await township.goto(`${t.url}/zero-reports`);
    await township.getByTestId(`zero-nothing-new-${requestId}-${town.id}`).click();
    await expect.poll(() => missing.count(), { timeout: 5000 }).toBe(0);
    await township.goto(`${t.url}/network`);
    await township.getByTestId('side-menu').waitFor();
    expect(await owed.count()).toBe(0);
    const round = await t.app.inject(as(officer, { method: 'GET', url: `/api/zero-reports/${requestId}` }));
    expect(round.json().today.units).toEqual([expect.objectContaining({ unitId: town.id, state: 'late' })]);
    expect(errors).toEqual([]);
  }, 180_000);
});
