import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
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
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai
const PHONE = { width: 390, height: 844 };

describe('the duty network in the browser', () => {
  const clock = fixedClock(START);
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  let towns: { id: number; path: string; name: string }[];
  let townOfficers: Session[];

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    towns = [
      await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' }),
      await addUnit(t.app, DISTRICT, { name: '乙街道', kind: 'street', code: 'T2' }),
      await addUnit(t.app, DISTRICT, { name: '丙开发区', kind: 'dev_zone', code: 'T3' }),
      await addUnit(t.app, DISTRICT, { name: '丁镇', kind: 'township', code: 'T4' }),
    ];
    const community = await addUnit(t.app, towns[0]!, { name: '甲一社区', kind: 'community', code: 'C11' });
    townOfficers = [];
    for (const [i, town] of towns.entries()) {
      townOfficers.push(
        await unitPerson(t.app, admin, town.id, { username: `t${i + 1}`, roles: ['officer'] }),
      );
    }
    await unitPerson(t.app, admin, community.id, {
      username: 'c1',
      roles: ['informant'],
      displayName: '陈信息员',
      informantRole: 'A',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('全区查岗 from the district board: 3 townships answer (one from its phone), the board shows 3 answered and 1 missed, live', async () => {
    const district = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const township = await (await browser.newContext({ viewport: PHONE, isMobile: true })).newPage();
    const errors: string[] = [];
    for (const page of [district, township]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(district, t.url, 'l1', USER_PASSWORD);
    await signInThroughPage(township, t.url, 't1', USER_PASSWORD);
    await district.goto(`${t.url}/network`);
    await township.goto(`${t.url}/network`);
    await district.getByTestId('network-board').waitFor();
    await township.getByTestId('network-board').waitFor();

    // 甲镇's officer takes today's post from the phone and checks in; the district sees it live.
    await township.getByTestId(`take-post-${towns[0]!.id}`).click();
    await township.locator('#take-post_phone').fill('0571-88001001');
    await township.locator('.ant-modal .ant-btn-primary').click();
    await township.getByTestId(`post-check-in-${towns[0]!.id}`).click();
    await expect
      .poll(() => district.getByTestId(`unit-post-${towns[0]!.id}`).getAttribute('data-checked-in'), {
        timeout: 5000,
      })
      .toBe('yes');

    await district.getByTestId('roll-call').click();
    // 甲镇's phone is asked to reply, live, and replies with one tap.
    await township.getByTestId('unit-checks-open').waitFor({ timeout: 5000 });
    clock.set('2026-03-10T02:01:00.000Z');
    await township.locator('[data-testid^="answer-unit-check-"]').click();
    await township.getByTestId('unit-checks-open').waitFor({ state: 'detached', timeout: 5000 });
    // The phone page fits 390 px without sideways scrolling.
    expect(await township.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    // 乙街道 and 丙开发区 answer from their consoles (the API the console calls).
    const open = await t.app.inject(
      as(townOfficers[1]!, { method: 'GET', url: '/api/posts/spot-checks/open' }),
    );
    const [b] = open.json().checks;
    const open3 = await t.app.inject(
      as(townOfficers[2]!, { method: 'GET', url: '/api/posts/spot-checks/open' }),
    );
    const [c] = open3.json().checks;
    for (const [who, check] of [
      [townOfficers[1]!, b],
      [townOfficers[2]!, c],
    ] as const) {
      const res = await t.app.inject(
        as(who, { method: 'POST', url: `/api/posts/spot-checks/${check.id}/answer`, payload: {} }),
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    // 丁镇 never answers: past the 5-minute limit it is missed.
    clock.set('2026-03-10T02:05:01.000Z');
    await t.app.scanner.runOnce();

    const summary = district.getByTestId('board-summary');
    await expect.poll(() => summary.getAttribute('data-missed'), { timeout: 5000 }).toBe('1');
    expect(await summary.getAttribute('data-answered')).toBe('3');
    const statuses: Record<string, string | null> = {};
    for (const town of towns) {
      statuses[town.name] = await district
        .getByTestId(`unit-post-${town.id}`)
        .getAttribute('data-check-status');
    }
    expect(statuses).toEqual({ 甲镇: 'answered', 乙街道: 'answered', 丙开发区: 'answered', 丁镇: 'missed' });
    // The community's missing B角 is flagged.
    expect(await district.locator('[data-testid^="informants-"]').getAttribute('data-gap')).toBe('true');
    // The leader on call is alerted on every page, escalation chain or not: the one missed, by name.
    await district.goto(`${t.url}/incidents`);
    const missedAlert = district.getByTestId('alert-unit-missed');
    await missedAlert.waitFor();
    expect(await missedAlert.getAttribute('data-count')).toBe('1');
    expect(await missedAlert.textContent()).toContain('查岗未应答：丁镇');
    expect(errors).toEqual([]);
  }, 180_000);

  it('an informant on a phone: the typed report survives a dropped connection and is filed once when it returns', async () => {
    clock.set('2026-03-10T03:00:00.000Z');
    const context = await browser.newContext({ viewport: PHONE, isMobile: true });
    // The phone's clock is the server's, running on (a few seconds ahead by the time it sends).
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    // A community's console never asks for the district room's records (the server would refuse).
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() === 403) refused.push(r.url());
    });
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    // Its home is the informant's report page, not the district room's console.
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/report$/);
    await page.goto(`${t.url}/incidents`);
    await page.getByTestId('record-call').click();
    await page.locator('#record-call_caller_name').fill('陈信息员');
    await page.locator('#record-call_address').fill('甲一社区 河堤路 12 号');
    await page.locator('#record-call_category').click();
    await page.locator('#record-call_category').fill('洪水');
    await page.locator('.ant-select-item-option').first().click();
    await page.locator('#record-call_summary').fill('河水漫过堤路，两户进水');
    const key = await page.locator('[data-idempotency-key]').getAttribute('data-idempotency-key');
    // One screen per report on the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await context.setOffline(true);
    await page.getByTestId('record-call-submit').click();
    await page.getByTestId('record-call-error').waitFor();
    // Nothing typed is lost: the form is kept on the phone with its key.
    const kept = await page.evaluate(() => localStorage.getItem('duty.incidents.record-call'));
    expect(JSON.parse(kept!)).toMatchObject({ key, values: { summary: '河水漫过堤路，两户进水' } });

    await context.setOffline(false);
    await page.getByTestId('incident-detail').waitFor({ timeout: 15_000 });
    const list = await t.app.inject(as(admin, { method: 'GET', url: '/api/incidents' }));
    const mine = list
      .json()
      .incidents.filter((i: { summary: string }) => i.summary === '河水漫过堤路，两户进水');
    expect(mine).toHaveLength(1);
    expect(await page.evaluate(() => localStorage.getItem('duty.incidents.record-call'))).toBeNull();
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  }, 180_000);
});
