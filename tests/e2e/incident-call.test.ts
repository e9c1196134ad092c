import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { launchChromium, signInThroughPage } from '../helpers/browser';

describe('recording a call in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('console A records a call; console B shows it graded with its countdown; A sends the 首报 and B sees the stage move', async () => {
    const a = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const b = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const errors: string[] = [];
    for (const page of [a, b]) page.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(a, t.url, 'o1', USER_PASSWORD);
    await signInThroughPage(b, t.url, 'l1', USER_PASSWORD);
    await b.goto(`${t.url}/incidents`);
    await b.getByTestId('incident-board').waitFor();
    await b.getByTestId('live-status').and(b.locator('[data-status="live"]')).waitFor();

    await a.goto(`${t.url}/incidents`);
    await a.getByTestId('record-call').click();
    await a.locator('#record-call_caller_name').fill('张警官');
    await a.locator('#record-call_caller_unit').fill('区交警大队');
    await a.locator('#record-call_address').fill('幸福路与建设路交叉口');
    await a.locator('#record-call_category').click();
    await a.locator('#record-call_category').fill('道路');
    await a.locator('.ant-select-item-option', { hasText: '道路交通' }).click();
    await a.locator('#record-call_summary').fill('两车相撞，一车侧翻，10 人死亡');
    await a.locator('#record-call_casualties_deaths').fill('10');
    // The grade is previewed while the officer types, by the same rule the server applies: 重大, whose
    // 首报 goes by phone within 30 minutes (the composer's default channel then).
    await a.getByTestId('grade-preview').and(a.locator('[data-grade="II"]')).waitFor();
    // A time of occurrence after the call (now) is refused before anything is sent.
    const occurred = await a.locator('#record-call_occurredAt').inputValue();
    await a.locator('#record-call_occurredAt').fill('2099-01-01T10:00');
    await a.getByTestId('record-call-submit').click();
    await a.getByText('事发时间不能晚于接报时间（现在）').waitFor();
    expect((await t.app.db.selectFrom('incidents').select('id').execute()).length, 'nothing recorded').toBe(
      0,
    );
    await a.locator('#record-call_occurredAt').fill(occurred);
    await a.getByTestId('record-call-submit').click();
    await a.getByTestId('incident-detail').waitFor();
    const id = await a.getByTestId('incident-detail').getAttribute('data-incident-id');

    const card = b.getByTestId(`incident-card-${id}`);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('data-grade')).toBe('II');
    expect(await card.getAttribute('data-stage')).toBe('received');
    await b.getByTestId(`countdown-${id}`).waitFor();
    await expect
      .poll(() => b.getByTestId('column-detection').getByTestId(`incident-card-${id}`).count())
      .toBe(1);

    await a.getByTestId('send-report').click();
    // A report is a record once sent: the console asks first.
    await a.locator('.ant-popconfirm .ant-btn-primary').click();
    await a.getByTestId('report-1').waitFor();
    await expect.poll(() => card.getAttribute('data-stage'), { timeout: 5000 }).toBe('reported');
    await expect
      .poll(() => b.getByTestId('column-reporting').getByTestId(`incident-card-${id}`).count())
      .toBe(1);
    expect(errors).toEqual([]);
  }, 180_000);
});
