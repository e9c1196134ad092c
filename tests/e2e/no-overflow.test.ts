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

/** Every console page at a phone's and a laptop's size: no sideways scrolling, nothing cut off on the right. */
const OFFICERS: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊' };
const NAMES: Record<string, string> = { ...OFFICERS, liuqiang: '刘强' };

function movableClock(start: string): Clock & { set(at: string): void } {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set: (at: string) => {
      offset = Date.parse(at) - Date.now();
    },
  };
}

interface Measure {
  page: number;
  content: number;
  contentClient: number;
  view: number;
  /** Visible elements whose right edge passes the viewport's, outside any sideways scroller. */
  cut: string[];
}

/** What overflows: the page, the main content area, and any visible element past the right edge. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const view = window.innerWidth;
    const content = document.querySelector('.app-content') as HTMLElement | null;
    const cut: string[] = [];
    const roots = [
      document.querySelector('.app-header'),
      content,
      ...Array.from(document.querySelectorAll('.ant-drawer-content-wrapper, .ant-modal-wrap')),
    ].filter((e): e is Element => e !== null);
    for (const root of roots)
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        if (rect.right <= view + 1) continue;
        // Off to the right inside a closed drawer or a tab's hidden pane is not on the page.
        if (el.closest('.ant-drawer:not(.ant-drawer-open), .ant-tabs-tabpane-hidden, [aria-hidden="true"]'))
          continue;
        const tag = `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')}`;
        cut.push(`${tag} right=${Math.round(rect.right)}`);
        if (cut.length > 8) break;
      }
    return {
      page: document.documentElement.scrollWidth,
      content: content?.scrollWidth ?? 0,
      contentClient: content?.clientWidth ?? 0,
      view,
      cut,
    };
  });
}

describe('no horizontal overflow at 390×844 and 1366×768', () => {
  const clock = movableClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let browser: Browser;
  let officer: string;
  let incidentId: number;
  let handoverId: number;

  const call = async (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), { method, url, ...(payload ? { payload } : {}) }),
    );

  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    const admin = await signInAdmin(t.app);
    const march = await publishMarchFor(t.app, admin, OFFICERS);
    const onDuty = march.shifts.find((s) => s.dutyDate === '2026-03-05' && s.role === 'officer')!;
    officer = Object.keys(NAMES).find((u) => NAMES[u] === onDuty.userName)!;

    clock.set('2026-03-05T02:00:00Z');
    incidentId = (await call(officer, 'POST', '/api/incidents', CALL)).json().id;
    await call('liuqiang', 'POST', `/api/incidents/${incidentId}/actions`, {
      type: 'instruction',
      text: '全力救治伤员',
    });
    const entry = await call(officer, 'POST', '/api/logbook', {
      kind: 'call',
      callerName: '李主任',
      callerUnit: '东城街道办事处综合治理办公室',
      content: '询问道路封闭情况，要求尽快答复并通报相关单位做好交通疏导工作',
      handling: '已答复',
    });
    expect(entry.statusCode).toBe(201);
    // Warnings and a response in force: the wall on every page, the warnings page.
    for (const [type, level] of [
      ['geo_hazard', 'orange'],
      ['forest_fire', 'yellow'],
      ['road_icing', 'red'],
    ])
      await call(officer, 'POST', '/api/warnings', {
        type,
        level,
        issuer: '区气象台、区自然资源局联合发布',
        issuedAt: '2026-03-05T09:00:00+08:00',
        area: ['城关镇', '东河乡', '西山镇', '北山镇'],
        text: '预计未来24小时我区西部和北部山区发生地质灾害的风险较高，请注意防范',
      });
    await call(officer, 'POST', '/api/responses', {
      headquarters: 'disaster_reduction',
      level: 'III',
      orderText: '区减灾委员会决定启动自然灾害救助Ⅲ级应急响应',
    });
    clock.set('2026-03-06T00:20:00Z');
    const draft = (await call(officer, 'GET', '/api/handovers/draft')).json();
    const submitted = await call(officer, 'POST', '/api/handovers', {
      content: [{ key: 'notes', text: '夜间平稳' }],
      pending: [],
      carried: draft.carried.map((c: { key: string }) => ({ key: c.key })),
      notes: '请跟进书面首报',
    });
    expect(submitted.statusCode).toBe(201);
    handoverId = submitted.json().id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const routes = () => [
    '/',
    '/incidents',
    `/incidents/${incidentId}`,
    '/roster',
    '/logbook',
    '/handover',
    `/handover/${handoverId}`,
    '/handover?tab=archive',
    '/stats',
    '/warnings',
  ];
  const adminRoutes = ['/admin/users', '/admin/tokens', '/admin/audit', '/admin/calendar'];

  const visit = async (page: Page, url: string, failures: string[]) => {
    await page.goto(`${t.url}${url}`);
    await page.locator('.app-content').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    check(await measure(page), `${url}`, failures);
  };
  const check = (m: Measure, what: string, failures: string[]) => {
    const bad: string[] = [];
    if (m.page > m.view) bad.push(`page ${m.page} > ${m.view}`);
    if (m.content > m.contentClient) bad.push(`content ${m.content} > ${m.contentClient}`);
    if (m.cut.length) bad.push(`cut: ${m.cut.join(', ')}`);
    if (bad.length) failures.push(`${m.view}px ${what}: ${bad.join('; ')}`);
  };

  for (const [width, height] of [
    [390, 844],
    [1366, 768],
  ] as const)
    it(`fits every page at ${width}×${height}`, async () => {
      const failures: string[] = [];
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      await context.clock.install({ time: clock.now() });
      const page = await context.newPage();
      await signInThroughPage(page, t.url, officer, USER_PASSWORD);
      for (const url of routes()) await visit(page, url, failures);
      // The roster month on a phone: a list of days, each as wide as the screen, with its weekday.
      await page.goto(`${t.url}/roster`);
      await page.locator('.rc-cell').first().waitFor();
      const days = await page.evaluate(() => {
        const month = document.querySelector('.roster-calendar')!.getBoundingClientRect().width;
        return Array.from(document.querySelectorAll('.rc-cell')).map((cell) => ({
          share: cell.getBoundingClientRect().width / month,
          // biome-ignore lint/performance/useDomNodeTextContent: the weekday counts only when it is shown
          text: (cell as HTMLElement).innerText,
        }));
      });
      expect(days.length).toBeGreaterThanOrEqual(28);
      const narrowest = Math.min(...days.map((d) => d.share));
      if (width === 390) {
        if (narrowest < 0.95)
          failures.push(`390px roster day cells ${narrowest.toFixed(2)} of the month's width`);
        // 2026-03-05 is a Thursday.
        const fifth = days.find((d) => /^5\b/.test(d.text.trim()));
        if (!fifth?.text.includes('周四')) failures.push(`390px roster day 5 reads ${fifth?.text}`);
      }
      // The record-call drawer, opened with F2 on the board.
      await page.goto(`${t.url}/incidents`);
      await page.locator('.app-content').waitFor();
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('F2');
      await page.locator('.ant-drawer-open .ant-drawer-body').waitFor();
      await page.waitForTimeout(500);
      check(await measure(page), 'record-call drawer', failures);
      // On a phone the drawer is the whole screen, its title one line, every field at least half of it.
      const drawer = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const fields = Array.from(
          document.querySelectorAll('.ant-drawer-open .ant-form-item-control-input'),
        ).map((e) => e.getBoundingClientRect().width);
        return {
          width: box('.ant-drawer-open .ant-drawer-content-wrapper')?.width ?? 0,
          title: box('.ant-drawer-open .ant-drawer-title')?.height ?? 0,
          address: box('#record-call_address')?.width ?? 0,
          narrowest: Math.min(...fields.filter((w) => w > 0)),
        };
      });
      if (width === 390) {
        if (drawer.width !== 390) failures.push(`390px drawer width ${drawer.width} ≠ 390`);
        if (drawer.title > 30)
          failures.push(`390px drawer title ${drawer.title}px tall (more than one line)`);
        if (drawer.address < 300) failures.push(`390px address field ${drawer.address}px wide`);
        if (drawer.narrowest < 150) failures.push(`390px narrowest field ${drawer.narrowest}px wide`);
      } else if (drawer.width !== 960) failures.push(`1366px drawer width ${drawer.width} ≠ 960`);
      await context.close();

      const leaderContext = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      await leaderContext.clock.install({ time: clock.now() });
      const leaderPage = await leaderContext.newPage();
      await signInThroughPage(leaderPage, t.url, 'liuqiang', USER_PASSWORD);
      for (const url of ['/', `/incidents/${incidentId}`]) await visit(leaderPage, url, failures);
      await leaderContext.close();

      const adminContext = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const adminPage = await adminContext.newPage();
      await signInThroughPage(adminPage, t.url, 'admin', ADMIN_PASSWORD);
      for (const url of adminRoutes) await visit(adminPage, url, failures);
      await adminContext.close();
      expect(failures).toEqual([]);
    }, 240_000);
});
