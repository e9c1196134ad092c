import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/time';
import {
  ADMIN_PASSWORD,
  as,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';
import { CALL } from '../helpers/incidents';
import { publishMarchFor } from '../helpers/roster';

/** People, not usernames; words, not codes; and a phone that keeps the user menu and fits its width. */
const OFFICERS: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊' };
const NAMES: Record<string, string> = { ...OFFICERS, liuqiang: '刘强' };
const PINYIN = /wangfang|lijun|zhaolei|liuqiang/;

/** A clock the test moves, running on in real time from each instant it is set to. */
function movableClock(start: string): Clock & { set(at: string): void } {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set: (at: string) => {
      offset = Date.parse(at) - Date.now();
    },
  };
}

describe('names and words in the browser', () => {
  const clock = movableClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let browser: Browser;
  let outgoing: string;
  let incoming: string;
  let incidentId: number;
  let handoverId: number;
  let createdSeq: number;

  const call = async (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), { method, url, ...(payload ? { payload } : {}) }),
    );

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    const march = await publishMarchFor(t.app, admin, OFFICERS);
    const officerOn = (day: string) => march.shifts.find((s) => s.dutyDate === day && s.role === 'officer')!;
    const username = (name: string) => Object.keys(NAMES).find((u) => NAMES[u] === name)!;
    outgoing = username(officerOn('2026-03-05').userName);
    incoming = username(officerOn('2026-03-06').userName);

    clock.set('2026-03-05T02:00:00Z');
    incidentId = (await call(outgoing, 'POST', '/api/incidents', CALL)).json().id;
    await call('liuqiang', 'POST', `/api/incidents/${incidentId}/acknowledge`, {});
    await call('liuqiang', 'POST', `/api/incidents/${incidentId}/actions`, {
      type: 'instruction',
      text: '全力救治伤员',
    });
    clock.set('2026-03-06T00:20:00Z');
    const draft = (await call(outgoing, 'GET', '/api/handovers/draft')).json();
    const submitted = await call(outgoing, 'POST', '/api/handovers', {
      content: [{ key: 'notes', text: '夜间平稳' }],
      pending: [],
      carried: draft.carried.map((c: { key: string }) => ({ key: c.key })),
      notes: '请跟进书面首报',
    });
    expect(submitted.statusCode).toBe(201);
    handoverId = submitted.json().id;
    clock.set('2026-03-06T00:35:00Z');
    const keys = submitted.json().carried.map((c: { key: string }) => c.key);
    expect(
      (await call(incoming, 'POST', `/api/handovers/${handoverId}/accept`, { confirmed: keys })).statusCode,
    ).toBe(200);
    clock.set('2026-03-06T00:40:00Z');
    // A fresh session: the first one has outlived its 26 hours on the moved clock.
    const created = await t.app.inject(
      as(await signInAdmin(t.app), { method: 'GET', url: '/api/events?type=incident.created' }),
    );
    createdSeq = created.json().events[0].seq;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (width: number, height: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    await context.clock.install({ time: clock.now() });
    return context.newPage();
  };
  // The text a reader sees: hidden parts (a textarea's drafted upstream text, closed menus) left out.
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible is the point
  const mainText = (page: Page) => page.locator('.app-content').innerText();
  const overflow = (page: Page) =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      content: (document.querySelector('.app-content') as HTMLElement | null)?.scrollWidth ?? 0,
      view: window.innerWidth,
    }));

  it('reads the audit log in sentences, zh and en, with the JSON one click away', async () => {
    const page = await newPage(1366, 768);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(page, t.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${t.url}/admin/audit`);
    const sentence = page.getByTestId(`audit-sentence-${createdSeq}`);
    await sentence.waitFor();
    expect(await sentence.textContent()).toBe(`${NAMES[outgoing]} 登记了事件 #${incidentId} 道路交通`);
    const table = page.getByTestId('audit-table');
    await table.getByText(`${NAMES[incoming]} 签收了交接班 #${handoverId}`).waitFor();
    await table.getByText(`刘强 阅知了事件 #${incidentId} 道路交通`).waitFor();
    const text = await mainText(page);
    expect(text).not.toMatch(PINYIN);
    expect(text).not.toContain('incident.created');
    expect(text).not.toContain('{');

    await sentence.click();
    const json = page.getByTestId(`audit-json-${createdSeq}`);
    await json.waitFor();
    expect(await json.textContent()).toContain('"type": "incident.created"');
    expect(await json.textContent()).toContain(`"actor": "${outgoing}"`);

    await page.getByTestId('lang-switch').click();
    await page.getByText(`${NAMES[outgoing]} recorded incident #${incidentId} Road traffic`).waitFor();
    await page.getByText(`${NAMES[incoming]} signed handover #${handoverId}`).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows people by name in Chinese and translates categories and grades in English', async () => {
    const page = await newPage(1366, 768);
    await signInThroughPage(page, t.url, incoming, USER_PASSWORD);
    await page.goto(`${t.url}/incidents/${incidentId}`);
    const timeline = page.getByTestId('incident-timeline');
    await timeline.getByText('刘强').first().waitFor();
    expect(await timeline.textContent()).toContain(NAMES[outgoing]);
    expect(await mainText(page)).toContain('较大（Ⅲ级）');
    // The people directory arrives with the page: once it has, no username is left on it.
    await expect.poll(() => mainText(page), { timeout: 10_000 }).not.toMatch(PINYIN);
    expect(await mainText(page)).toContain(`登记人\t${NAMES[outgoing]}`);

    await page.getByTestId('lang-switch').click();
    await page.locator('.app-content').getByText(`#${incidentId} Road traffic`).waitFor();
    const text = await mainText(page);
    expect(text).toContain('Major (III)');
    expect(text).not.toContain('道路交通');
    expect(text).not.toMatch(PINYIN);
    // The grade basis in English; the drafted report itself stays Chinese (it goes upstream).
    const basis = await page.getByTestId('grade-reasons').textContent();
    expect(basis).toContain('3 dead → Major (3–9 people)');
    expect(basis).toContain('2 seriously injured (incl. acute industrial poisoning) → Ordinary (0–9 people)');
    expect(basis).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('.inc-detail-title').textContent()).not.toMatch(/[\u4e00-\u9fff]{2}/);

    // The print sheet's own words follow the console: English labels, Beijing Time, people by name.
    await page.goto(`${t.url}/handover/${handoverId}/print`);
    const sheet = page.getByTestId('handover-print');
    await sheet.getByText('Shift handover record').waitFor();
    const printed = await sheet.textContent();
    expect(printed).toContain('Shift: 2026-03-05 08:30 to 2026-03-06 08:30 (Beijing Time)');
    expect(printed).toContain('People on duty');
    expect(printed).toContain(NAMES[outgoing]);
    expect(printed).toContain(NAMES[incoming]);
    expect(printed).not.toContain('Asia/Shanghai');
    expect(printed).not.toMatch(PINYIN);
    await page.context().close();
  }, 120_000);

  it('keeps the user menu with sign-out at 390×844 and never scrolls sideways', async () => {
    const page = await newPage(390, 844);
    await signInThroughPage(page, t.url, incoming, USER_PASSWORD);
    await page.goto(`${t.url}/handover/${handoverId}`);
    await page.getByText('夜间平稳').first().waitFor();
    const user = page.getByTestId('current-user');
    expect(await user.isVisible()).toBe(true);
    const box = (await user.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    let m = await overflow(page);
    expect(m.page).toBeLessThanOrEqual(390);
    expect(m.content).toBeLessThanOrEqual(390);

    await page.goto(`${t.url}/handover/${handoverId}/print`);
    await page.getByTestId('print-signatures').waitFor();
    const printed = await page.getByTestId('handover-print').textContent();
    expect(printed).toContain('班次：2026-03-05 08:30 至 2026-03-06 08:30（北京时间）');
    expect(printed).not.toContain('Asia/Shanghai');
    expect(printed).not.toMatch(PINYIN);
    m = await overflow(page);
    expect(m.page).toBeLessThanOrEqual(390);

    await page.goto(`${t.url}/handover/${handoverId}`);
    await user.click();
    await page.getByTestId('menu-sign-out').click();
    await page.locator('#sign-in_username').waitFor();
    await page.context().close();

    const admin = await newPage(390, 844);
    await signInThroughPage(admin, t.url, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${t.url}/admin/audit`);
    await admin.getByTestId(`audit-sentence-${createdSeq}`).waitFor();
    m = await overflow(admin);
    expect(m.page).toBeLessThanOrEqual(390);
    expect(m.content).toBeLessThanOrEqual(390);
    await admin.getByTestId('current-user').click();
    await admin.getByTestId('menu-sign-out').waitFor();
    await admin.context().close();
  }, 120_000);
});
