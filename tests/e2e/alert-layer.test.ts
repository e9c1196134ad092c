import type { DutyNow } from '@shared/schemas/attendance';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/time';
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
import { MAJOR_CALL } from '../helpers/incidents';
import { publishMarch } from '../helpers/roster';

const MINUTE = 60_000;
const APP_NAME = '应急值守台';

describe('the alert layer follows the officer on every page', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  const usernames = new Map<number, string>();
  // 12:00 on 5 March in Shanghai, hours from either hand-over (08:30), whenever the suite runs.
  const base = runningClock('2026-03-05T04:00:00Z');
  // The server's clock may be set back a while to record a call "earlier".
  let back = 0;
  const clock: Clock = { now: () => new Date(base.now().getTime() - back) };
  const ids: { overdue: number; soon: number } = { overdue: 0, soon: 0 };

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    admin = await signInAdmin(t.app);
    const people: Record<string, number> = {};
    for (const [username, displayName, role] of [
      ['o1', '王芳', 'officer'],
      ['o2', '李军', 'officer'],
      ['l1', '刘强', 'leader'],
      ['l2', '孙丽', 'leader'],
    ] as const) {
      const user = await createUser(t.app, admin, { username, displayName, roles: [role] });
      people[username] = user.id;
      usernames.set(user.id, username);
    }
    await publishMarch(t.app, admin, {
      officers: [people.o1!, people.o2!],
      leaders: [people.l1!, people.l2!],
    });

    // Two 重大 (II) road accidents: 首报 by phone within 30 minutes of the call.
    const officer = await signIn(t.app, 'o2', USER_PASSWORD);
    const record = async (minutesAgo: number, address: string) => {
      back = minutesAgo * MINUTE;
      const res = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/incidents',
          payload: { ...MAJOR_CALL, location: { address } },
        }),
      );
      back = 0;
      expect(res.statusCode).toBe(201);
      return res.json().id as number;
    };
    // Called 45 minutes ago: the phone report was due 15 minutes ago (overdue).
    ids.overdue = await record(45, '幸福路与建设路交叉口');
    // Called 25 minutes ago: the phone report is due in 5 minutes (due soon, within 10).
    ids.soon = await record(25, '人民路与解放路交叉口');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function dutyNow(): Promise<DutyNow> {
    return (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
  }

  /** The title stops flashing: the console's name, sample after sample, for longer than a flash. */
  async function expectSteadyTitle(page: Page) {
    await expect.poll(() => page.title(), { timeout: 5000 }).toBe(APP_NAME);
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(500);
      expect(await page.title()).toBe(APP_NAME);
    }
  }

  async function expectReportAlert(page: Page) {
    const alert = page.getByTestId('alert-reports');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.getAttribute('data-overdue')).toBe('1');
    expect(await alert.getAttribute('data-soon')).toBe('1');
    // The most urgent is the one overdue, with the way to it.
    expect(await alert.getAttribute('data-incident')).toBe(String(ids.overdue));
    expect(await alert.getByTestId('alert-reports-open').getAttribute('href')).toBe(
      `/incidents/${ids.overdue}`,
    );
    expect(await page.getByTestId('incidents-badge').getAttribute('data-count')).toBe('2');
  }

  it('an overdue report shows on the duty log, the roster and the handover pages, with the menu badge; sound state; the spot-check dialog opens on the duty log within 2 s and is answered there, also over a drawer', async () => {
    const now = await dutyNow();
    expect(now).toMatchObject({ dutyDate: '2026-03-05', published: true });
    const onDuty = usernames.get(now.officers[0]!.userId)!;
    const leader = await signIn(t.app, usernames.get(now.leaders[0]!.userId)!, USER_PASSWORD);
    const errors: string[] = [];

    const first = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    first.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(first, t.url, onDuty, USER_PASSWORD);

    for (const path of ['/logbook', '/roster', '/handover']) {
      await first.goto(`${t.url}${path}`);
      await expectReportAlert(first);
    }
    // Not checked in since the 08:30 hand-over: the check-in deadline (10 minutes after) has passed.
    const missed = first.getByTestId('alert-check-in');
    await missed.waitFor();
    expect(await missed.textContent()).toContain('08:40');

    // The alert goes to the incident.
    await first.getByTestId('alert-reports-open').click();
    await first.waitForURL(`${t.url}/incidents/${ids.overdue}`);

    // A console opened afresh (a new tab, a reload with no click carried over) may not sound until
    // a gesture: the header says so; a click turns it on.
    const page = await first.context().newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await first.close();
    await page.goto(`${t.url}/logbook`);
    await page.getByTestId('logbook-page').waitFor();
    await expectReportAlert(page);
    const sound = page.getByTestId('sound-state');
    expect(await sound.getAttribute('data-state')).toBe('blocked');
    expect(await sound.textContent()).toContain('声音已关闭 — 点击开启');
    await sound.click();
    await expect.poll(() => sound.getAttribute('data-state')).toBe('on');
    expect(await sound.textContent()).toContain('声音已开启');

    // An overdue report rings and flashes the title until acknowledged.
    await expect.poll(async () => (await page.title()).startsWith('⚠'), { timeout: 5000 }).toBe(true);
    await page.getByTestId('acknowledge-reports').click();
    await expectSteadyTitle(page);
    await page.getByTestId('acknowledge-reports').waitFor({ state: 'detached' });
    // Acknowledged, not gone: the banner stays while the report is overdue.
    await expectReportAlert(page);

    // The leader starts a spot-check while the officer is on the duty-log page.
    const started = Date.now();
    const issued = await t.app.inject(
      as(leader, { method: 'POST', url: '/api/spot-checks', payload: { note: '夜间查岗' } }),
    );
    expect(issued.statusCode).toBe(201);
    const dialog = page.getByTestId('spot-check-prompt');
    await dialog.waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await dialog.getAttribute('data-spot-check-id')).toBe(String(issued.json().id));
    await dialog.getByText('夜间查岗').waitFor();
    await dialog.getByTestId('spot-check-countdown').waitFor();
    await expect.poll(async () => (await page.title()).startsWith('⚠'), { timeout: 5000 }).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/logbook');

    await page.getByTestId('spot-check-note').fill('在岗');
    await page.getByTestId('answer-spot-check').click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    const answered = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/spot-checks?status=answered` }))
    ).json().spotChecks;
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ id: issued.json().id, answeredBy: onDuty, answerNote: '在岗' });
    await expectSteadyTitle(page);

    // Checking in (here through the API, as from another console) takes the missed check-in away, live.
    const checkIn = await t.app.inject(
      as(await signIn(t.app, onDuty, USER_PASSWORD), {
        method: 'POST',
        url: '/api/attendance/check-in',
        payload: {},
      }),
    );
    expect(checkIn.statusCode).toBe(200);
    await page.getByTestId('alert-check-in').waitFor({ state: 'detached', timeout: 5000 });

    // Over a drawer: the record-call drawer is open (F2) when the next spot-check comes.
    await page.keyboard.press('F2');
    await page.waitForURL(`${t.url}/incidents?record=1`);
    await page.locator('.ant-drawer-open').waitFor();
    const second = await t.app.inject(as(leader, { method: 'POST', url: '/api/spot-checks', payload: {} }));
    expect(second.statusCode).toBe(201);
    await dialog.waitFor({ timeout: 2000 });
    await expectReportAlert(page);
    // Playwright clicks only what is on top: the dialog is above the drawer and its mask.
    await page.getByTestId('answer-spot-check').click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    const both = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/spot-checks?status=answered` }))
    ).json().spotChecks;
    expect(both.map((s: { id: number }) => s.id).sort()).toEqual([issued.json().id, second.json().id].sort());
    expect(errors).toEqual([]);
  }, 180_000);

  it('on a phone (390×844) the alert strip fits the screen and the badge counts', async () => {
    const phone = await pageOnClock(browser, clock, { width: 390, height: 844 });
    await signInThroughPage(phone, t.url, 'l2', USER_PASSWORD);
    await phone.goto(`${t.url}/logbook`);
    await expectReportAlert(phone);
    const width = await phone.getByTestId('alert-layer').evaluate((el) => el.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const box = await phone.getByTestId('alert-reports-open').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }, 120_000);
});
