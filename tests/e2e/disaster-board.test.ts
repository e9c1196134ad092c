import type { Browser, Page } from 'playwright-core';
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
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The text of one 快报表 cell of a row (by its figure field). */
function cell(page: Page, rowTestId: string, field: string) {
  return page.getByTestId(rowTestId).locator(`[data-field="${field}"]`).first().textContent();
}

describe('灾情报送 board in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  let towns: { id: number; path: string; name: string }[];
  let townOfficer2: Session;

  beforeAll(async () => {
    t = await startApp({ listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王值班', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    towns = [
      await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' }),
      await addUnit(t.app, DISTRICT, { name: '乙街道', kind: 'street', code: 'T2' }),
    ];
    await unitPerson(t.app, admin, towns[0]!.id, {
      username: 't1',
      displayName: '甲镇李员',
      roles: ['officer'],
    });
    townOfficer2 = await unitPerson(t.app, admin, towns[1]!.id, {
      username: 't2',
      displayName: '乙街道赵员',
      roles: ['officer'],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the district creates a flood over two townships; a township files on its phone; the district row and 合计 follow within a second; the township never sees the other', async () => {
    const district = await (await browser.newContext({ viewport: DESK })).newPage();
    const township = await (await browser.newContext({ viewport: PHONE, isMobile: true })).newPage();
    const errors: string[] = [];
    const refused: string[] = [];
    for (const page of [district, township]) {
      page.on('pageerror', (err) => errors.push(String(err)));
      page.on('response', (r) => {
        if (r.url().includes('/api/disaster') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
      });
    }
    await signInThroughPage(district, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(township, t.url, 't1', USER_PASSWORD);

    // The district: 灾情报送 in the side menu, then 新建灾害过程.
    await district.getByTestId('side-menu').getByText('灾情报送').click();
    await district.waitForURL(/\/disasters$/);
    await district.getByTestId('new-disaster').click();
    await district.locator('#disaster_title').fill('7·10 暴雨洪涝');
    await district.locator('#disaster_townships').click();
    await district.locator('.ant-select-item-option[title="甲镇"]').click();
    await district.locator('.ant-select-item-option[title="乙街道"]').click();
    await district.keyboard.press('Escape');
    await district.locator('#disaster-create-submit').click();
    await district.waitForURL(/\/disasters\/\d+$/);
    const id = Number(district.url().split('/').pop());
    await district.getByTestId(`township-row-${towns[0]!.id}`).waitFor();
    await district.getByTestId(`township-row-${towns[1]!.id}`).waitFor();
    expect(await district.getByTestId('disaster-title').textContent()).toBe('7·10 暴雨洪涝');
    // The 初报 to the city is owed within 2 hours of when it began.
    await district.getByTestId('obligation-initial:city').waitFor();

    // 乙街道 files through its own console (the API): the district sees it, 甲镇 must never.
    const other = await t.app.inject(
      as(townOfficer2, {
        method: 'POST',
        url: `/api/disasters/${id}/filings`,
        payload: {
          unitId: towns[1]!.id,
          kind: 'initial',
          figures: { affected: 777, dead: 2, directLossWanYuan: 31.5 },
        },
      }),
    );
    expect(other.statusCode, other.body).toBe(201);
    await expect
      .poll(() => cell(district, `township-row-${towns[1]!.id}`, 'affected'), { timeout: 3000 })
      .toBe('777');

    // 甲镇 on its phone: the disaster is on its list; it opens it and files its figures.
    await township.goto(`${t.url}/disasters`);
    await township.getByTestId(`disaster-link-${id}`).click();
    await township.getByTestId('file-own').click();
    await township.locator('#filing_affected').fill('120');
    await township.locator('#filing_dead').fill('1');
    await township.locator('#filing_relocated').fill('30');
    await township.locator('#filing_directLossWanYuan').fill('85.5');
    const filed = township.waitForResponse(
      (r) => r.url().endsWith(`/api/disasters/${id}/filings`) && r.request().method() === 'POST',
    );
    await township.locator('#filing-submit').click();
    expect((await filed).status()).toBe(201);

    // Within a second the district's row and its 合计 show it (live, no reload).
    const row = `township-row-${towns[0]!.id}`;
    await expect.poll(() => cell(district, row, 'affected'), { timeout: 1000, interval: 50 }).toBe('120');
    expect(await cell(district, 'figures-total', 'affected')).toBe('897');
    expect(await cell(district, 'figures-total', 'dead')).toBe('3');
    expect(await cell(district, 'figures-total', 'relocated')).toBe('30');
    expect(await cell(district, 'figures-total', 'directLossWanYuan')).toBe('117');
    // Who filed and when; not 代报 (the township filed itself).
    const filedBy = await district.getByTestId(`township-filed-${towns[0]!.id}`).textContent();
    expect(filedBy).toContain('甲镇李员');
    expect(filedBy).not.toContain('代报');

    // The district files for 乙街道 on its behalf: marked 代报.
    await district.getByTestId(`file-${towns[1]!.id}`).click();
    await district.locator('#filing_affected').fill('800');
    await district.locator('#filing-submit').click();
    await expect
      .poll(() => district.getByTestId(`township-filed-${towns[1]!.id}`).textContent(), { timeout: 3000 })
      .toContain('代报');
    await expect.poll(() => cell(district, 'figures-total', 'affected'), { timeout: 3000 }).toBe('920');

    // 甲镇's console: its own row only, its own figures, no 合计 and nothing of 乙街道's.
    await expect.poll(() => cell(township, row, 'affected'), { timeout: 3000 }).toBe('120');
    expect(await township.locator('[data-testid^="township-row-"]').count()).toBe(1);
    expect(await township.getByTestId(`township-row-${towns[1]!.id}`).count()).toBe(0);
    expect(await township.getByTestId('figures-total').count()).toBe(0);
    const seen = await township.locator('body').textContent();
    expect(seen).not.toContain('777');
    expect(seen).not.toContain('800');
    // Nothing scrolls sideways on the phone: the wide table scrolls inside its card.
    expect(await township.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await district.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      DESK.width,
    );

    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await district.context().close();
    await township.context().close();
  }, 180_000);

  it("a severe disaster's 初报: drafted, signed off by the leader on their console, sent to the city, the province and the ministry", async () => {
    const o1 = await signIn(t.app, 'o1', USER_PASSWORD);
    const created = await t.app.inject(
      as(o1, {
        method: 'POST',
        url: '/api/disasters',
        payload: {
          type: 'geological',
          title: '丙村山体滑坡',
          beganAt: new Date(Date.now() - 30 * 60_000).toISOString(),
          townships: [towns[0]!.id],
          severeLoss: true,
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const officer = await (await browser.newContext({ viewport: DESK })).newPage();
    const leader = await (await browser.newContext({ viewport: DESK })).newPage();
    const errors: string[] = [];
    for (const page of [officer, leader]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(officer, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(leader, t.url, 'l1', USER_PASSWORD);
    await officer.goto(`${t.url}/disasters/${id}`);
    await leader.goto(`${t.url}/disasters/${id}`);

    // The 初报 is drafted from the figures; severe: to the city, the province and the ministry.
    const title = officer.getByTestId('disaster-report-title');
    await officer.getByTestId('reports-card').waitFor();
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toContain('初报');
    const checked = await officer
      .getByTestId('reports-card')
      .locator('.ant-checkbox-wrapper-checked')
      .allTextContents();
    expect(checked).toEqual(['市应急管理局', '省应急管理厅', '应急管理部']);
    expect(await officer.getByTestId('disaster-send').isDisabled()).toBe(true);

    await officer.getByTestId('disaster-ask-signoff').click();
    // The leader is asked on their own console, live, and signs it off there.
    const ask = leader.getByTestId('signoffs-for-me');
    await ask.waitFor({ timeout: 5000 });
    await ask.locator('[data-testid^="approve-"]').click();
    await ask.waitFor({ state: 'detached', timeout: 5000 });

    // The officer may now send it: one report per recipient.
    await expect.poll(() => officer.getByTestId('disaster-send').isDisabled(), { timeout: 5000 }).toBe(false);
    await officer.getByTestId('disaster-send').click();
    await officer.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(() => officer.getByTestId('disaster-reports').locator('li').count(), { timeout: 5000 })
      .toBe(3);
    const sent = await t.app.inject(as(o1, { method: 'GET', url: `/api/disasters/${id}/reports` }));
    const recipients = sent
      .json()
      .reports.map((r: { recipient: string }) => r.recipient)
      .sort();
    expect(recipients).toEqual(['city', 'ministry', 'province']);
    // Sent within the 2 hours from when it began: the three 初报 obligations are done on time.
    await expect
      .poll(() => officer.locator('[data-testid^="obligation-initial:"][data-done="yes"]').count(), {
        timeout: 5000,
      })
      .toBe(3);
    expect(errors).toEqual([]);
  }, 180_000);
});
