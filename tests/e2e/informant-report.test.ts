import { mkdirSync } from 'node:fs';
import type { AnyDutyEvent } from '@shared/events';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../server/demo/tiny-png';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { connectConsole } from '../helpers/live-client';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const START = '2026-07-10T03:00:00.000Z'; // 11:00 in Shanghai
const BEGAN = '2026-07-10T02:00:00.000Z'; // 10:00
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots-informant';

describe('the informant on a phone (390×844)', () => {
  const clock = fixedClock(START);
  let t: TestApp;
  let browser: Browser;
  let officer: Session;
  let community: { id: number; path: string; name: string };
  let disasterId: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    const town = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    community = await addUnit(t.app, town, { name: '甲一社区', kind: 'community', code: 'C11' });
    officer = await unitPerson(t.app, admin, DISTRICT.id, {
      username: 'o1',
      roles: ['officer'],
      displayName: '王芳',
    });
    await unitPerson(t.app, admin, community.id, {
      username: 'c1',
      displayName: '陈信息员',
      roles: ['informant'],
      informantRole: 'A',
    });
    const created = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/disasters',
        payload: {
          type: 'flood',
          subtype: '暴雨洪涝',
          title: '7·10 暴雨洪涝',
          beganAt: BEGAN,
          townships: [town.id],
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    disasterId = created.json().id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('files figures with a photo from the phone; the district sees them live within a second', async () => {
    const live = await connectConsole(t.url, { cookie: officer.cookie });
    const arrivals: { event: AnyDutyEvent; at: number }[] = [];
    live.socket.on('event', (event) => arrivals.push({ event, at: Date.now() }));
    live.socket.on('events', (events) => {
      for (const event of events) arrivals.push({ event, at: Date.now() });
    });
    // The district's disaster page, open on the duty room's screen.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await desk.clock.install({ time: clock.now() });
    const district = await desk.newPage();
    await signInThroughPage(district, t.url, 'o1', USER_PASSWORD);
    await district.goto(`${t.url}/disasters/${disasterId}`);
    await district.getByTestId('below-card').waitFor();

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    // The informant's home is the report page.
    await page.waitForURL(/\/report$/);
    await page.getByTestId('report-form').waitFor();
    expect(await page.getByTestId('report-disaster').getAttribute('data-id')).toBe(String(disasterId));

    await page.getByTestId('figure-affected').fill('120');
    await page.getByTestId('figure-relocated').fill('30');
    await page.getByTestId('figure-housesCollapsed').fill('2');
    await page.getByTestId('figure-directLossWanYuan').fill('15.5');
    const png = tinyPng(64, 48, [90, 140, 200]);
    await page
      .getByTestId('photo-file')
      .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('photo-preview').waitFor();
    await page.getByTestId('report-note').fill('河水漫过堤路，12 户进水');
    // One screen, nothing sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SHOTS}/e2e-phone-typed.png`, fullPage: true });

    const filedResponse = page.waitForResponse(
      (r) => r.url().endsWith(`/api/disasters/${disasterId}/filings`) && r.request().method() === 'POST',
    );
    await page.getByTestId('report-submit').click();
    const response = await filedResponse;
    const filedAt = Date.now();
    expect(response.status()).toBe(201);
    const filing = await response.json();
    await page.getByTestId('report-sent').waitFor();
    await page.screenshot({ path: `${SHOTS}/e2e-phone-sent.png`, fullPage: true });

    // The district's page shows the community's figures within a second of the filing.
    const row = district.getByTestId(`below-${filing.id}`);
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - filedAt).toBeLessThan(1000);
    expect(await row.getAttribute('data-unit')).toBe('甲一社区');
    const text = (await row.textContent()) ?? '';
    for (const shown of ['120', '30', '15.5', '河水漫过堤路，12 户进水']) expect(text).toContain(shown);
    // Its photo follows on the same row (uploaded once the filing was confirmed).
    await row.locator('[data-testid^="below-photo-"]').first().waitFor({ timeout: 5000 });
    await district.screenshot({ path: `${SHOTS}/e2e-district-1366.png` });
    // A live console was told within a second too, and reads the figures back.
    const isFiled = (a: { event: AnyDutyEvent }) =>
      a.event.type === 'disaster.figures_filed' && a.event.payload.filing.id === filing.id;
    await expect.poll(() => arrivals.some(isFiled), { timeout: 1000, interval: 20 }).toBe(true);
    expect(arrivals.find(isFiled)!.at - filedAt).toBeLessThan(1000);
    const detail = await t.app.inject(as(officer, { method: 'GET', url: `/api/disasters/${disasterId}` }));
    const fromBelow = detail.json().fromBelow.find((f: { id: number }) => f.id === filing.id);
    expect(fromBelow).toMatchObject({ unitName: '甲一社区', note: '河水漫过堤路，12 户进水' });
    expect(fromBelow.figures).toMatchObject({
      affected: 120,
      relocated: 30,
      housesCollapsed: 2,
      directLossWanYuan: 15.5,
    });
    // The photo went up with it (once the filing was confirmed) and is served back byte for byte.
    const photos = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/photos` }))
    ).json().photos;
    expect(photos).toEqual([
      expect.objectContaining({ filingId: filing.id, mime: 'image/png', size: png.length }),
    ]);
    const served = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disaster-photos/${photos[0].id}` }),
    );
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    // Confirmed: nothing is left on the phone.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('duty.informant'))),
    ).toEqual([]);
    live.close();
    expect(errors).toEqual([]);
    await context.close();
    await desk.close();
  }, 180_000);

  it('a dropped connection loses nothing: the typed report survives a reload offline and is filed once when the connection returns', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    await page.goto(`${t.url}/report`);
    await page.getByTestId('report-form').waitFor();
    // The last figures filed are shown beside each field.
    expect(await page.getByTestId('figure-affected').getAttribute('placeholder')).toContain('120');
    await page.getByTestId('figure-dead').fill('1');
    await page.getByTestId('report-note').fill('一人被冲走后遇难');
    // Typed, then the page is reloaded: it comes back as it was.
    await page.reload();
    await page.getByTestId('report-restored').waitFor();
    expect(await page.getByTestId('figure-dead').inputValue()).toBe('1');
    expect(await page.getByTestId('report-note').inputValue()).toBe('一人被冲走后遇难');

    await context.setOffline(true);
    await page.getByTestId('report-submit').click();
    const status = page.getByTestId('report-status');
    await status.waitFor();
    expect(await status.getAttribute('data-state')).toBe('waiting');
    await page.screenshot({ path: `${SHOTS}/e2e-phone-offline.png`, fullPage: true });
    const kept = JSON.parse(
      (await page.evaluate(() =>
        localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('duty.informant.report.'))!),
      ))!,
    );
    expect(kept).toMatchObject({
      disasterId,
      unitId: community.id,
      figures: { dead: '1' },
      note: '一人被冲走后遇难',
      filingId: null,
    });

    await context.setOffline(false);
    await page.getByTestId('report-sent').waitFor({ timeout: 15_000 });
    const list = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${community.id}` }),
    );
    const mine = list.json().filings.filter((f: { note: string }) => f.note === '一人被冲走后遇难');
    expect(mine).toHaveLength(1);
    // The figure typed, and the earlier ones kept.
    expect(mine[0].figures).toMatchObject({ affected: 120, dead: 1, relocated: 30 });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
  it('an answer lost on the way back: the retry finds the filing on the server and files nothing twice', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    await page.goto(`${t.url}/report`);
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('figure-housesCollapsed').fill('3');
    await page.getByTestId('report-note').fill('又有一间房屋倒塌');
    // The filing reaches the server and is stored; its answer never reaches the phone.
    let lost = 0;
    await page.route(`**/api/disasters/${disasterId}/filings`, async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('report-submit').click();
    const status = page.getByTestId('report-status');
    await status.waitFor();
    expect(await status.getAttribute('data-state')).toBe('waiting');
    // Sent again by itself (the phone never went offline), and confirmed.
    await page.getByTestId('report-sent').waitFor({ timeout: 15_000 });
    expect(lost).toBe(1);
    const list = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${community.id}` }),
    );
    expect(list.json().filings.filter((f: { note: string }) => f.note === '又有一间房屋倒塌')).toHaveLength(
      1,
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the one-tap zero report: 今日无新增 files it, and the district sees the unit filed', async () => {
    const asked = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/zero-reports',
        payload: { title: '汛期社区每日零报告', scope: 'units', unitIds: [community.id], cutoff: '20:00' },
      }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id;
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    await page.goto(`${t.url}/report`);
    const ask = page.getByTestId(`zero-ask-${requestId}`);
    await ask.waitFor();
    expect(await ask.getAttribute('data-filed')).toBe('no');
    await page.screenshot({ path: `${SHOTS}/e2e-phone-zero.png` });
    await page.getByTestId(`zero-tap-${requestId}`).click();
    await expect.poll(() => ask.getAttribute('data-filed'), { timeout: 5000 }).toBe('yes');
    const round = await t.app.inject(as(officer, { method: 'GET', url: `/api/zero-reports/${requestId}` }));
    // 11:00, before the 20:00 cut-off: filed on time, with nothing new.
    expect(round.json().today.units).toEqual([
      expect.objectContaining({ unitId: community.id, name: '甲一社区', state: 'filed', nothingNew: true }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a zero report tapped with no connection waits on the phone and is filed when the phone is next online, also from a new visit', async () => {
    const asked = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/zero-reports',
        payload: { title: '台风期间社区零报告', scope: 'units', unitIds: [community.id], cutoff: '21:00' },
      }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id;
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'c1', USER_PASSWORD);
    await page.goto(`${t.url}/report`);
    const ask = page.getByTestId(`zero-ask-${requestId}`);
    await ask.waitFor();
    expect(await ask.getAttribute('data-filed')).toBe('no');

    await context.setOffline(true);
    await page.getByTestId(`zero-tap-${requestId}`).click();
    await expect.poll(() => ask.getAttribute('data-filed'), { timeout: 5000 }).toBe('waiting');
    await expect.poll(() => ask.textContent()).toContain('网络恢复后自动补报');
    await page.screenshot({ path: `${SHOTS}/e2e-phone-zero-offline.png` });
    const keptTaps = () =>
      page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('duty.informant.zero.'));
        return key ? JSON.parse(localStorage.getItem(key)!) : [];
      });
    expect(await keptTaps()).toEqual([
      expect.objectContaining({ requestId, unitId: community.id, forDate: expect.any(String) }),
    ]);
    const before = await t.app.inject(as(officer, { method: 'GET', url: `/api/zero-reports/${requestId}` }));
    expect(before.json().today.units).toEqual([
      expect.objectContaining({ unitId: community.id, state: 'pending' }),
    ]);

    // The informant closes the page while still offline, and opens it again once back online.
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    again.on('pageerror', (err) => errors.push(String(err)));
    await again.goto(`${t.url}/report`);
    const askAgain = again.getByTestId(`zero-ask-${requestId}`);
    await expect.poll(() => askAgain.getAttribute('data-filed'), { timeout: 15_000 }).toBe('yes');
    const round = await t.app.inject(as(officer, { method: 'GET', url: `/api/zero-reports/${requestId}` }));
    expect(round.json().today.units).toEqual([
      expect.objectContaining({ unitId: community.id, state: 'filed', nothingNew: true }),
    ]);
    expect(
      await again.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('duty.informant.zero.')),
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
