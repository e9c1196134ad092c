import type { DutyNow } from '@shared/schemas/attendance';
import type { Browser } from 'playwright-core';
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
import { CALL } from '../helpers/incidents';

/** Pages in a PDF, read from its page objects. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('handover in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  const usernames = new Map<number, string>();
  // 08:00 on 6 March in Shanghai: the end of the 5 March duty day, half an hour before the hand-over
  // (08:30), whenever the suite runs; the run would have to take half an hour to cross it.
  const clock = runningClock('2026-03-06T00:00:00Z');
  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    admin = await signInAdmin(t.app);
    const ids: Record<string, number> = {};
    for (const [username, displayName, role] of [
      ['o1', '王芳', 'officer'],
      ['o2', '李军', 'officer'],
      ['l1', '刘强', 'leader'],
      ['l2', '孙丽', 'leader'],
    ] as const) {
      const user = await createUser(t.app, admin, { username, displayName, roles: [role] });
      ids[username] = user.id;
      usernames.set(user.id, username);
    }
    const month = (
      (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow
    ).dutyDate.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const last = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: `${month}-01`, to: last, officers: [ids.o1, ids.o2], leaders: [ids.l1, ids.l2] },
      }),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the outgoing officer logs two calls and hands over; the incoming officer confirms and signs; it prints on one A4 page', async () => {
    const now = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
    expect(now.dutyDate).toBe('2026-03-05');
    const outgoing = usernames.get(now.officers[0]!.userId)!;
    const incoming = usernames.get(now.next.find((s) => s.role === 'officer')!.userId)!;
    const errors: string[] = [];

    const out = await pageOnClock(browser, clock, { width: 1366, height: 768 });
    out.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(out, t.url, outgoing, USER_PASSWORD);
    // An incident left open: it must be carried over and confirmed.
    const csrf = await out.evaluate(
      async () => (await (await fetch('/api/auth/me')).json()).csrfToken as string,
    );
    const created = await out.evaluate(
      async ({ body, csrf }) =>
        (
          await fetch('/api/incidents', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            body: JSON.stringify(body),
          })
        ).status,
      { body: CALL, csrf },
    );
    expect(created).toBe(201);

    await out.goto(`${t.url}/logbook`);
    for (const [caller, content] of [
      ['区水务局 赵工', '南河水位上涨，已加强巡查'],
      ['市应急局值班室', '通知：明日起进入防汛四级应急响应'],
    ] as const) {
      await out.locator('#logbook-entry_callerName').fill(caller);
      await out.locator('#logbook-entry_content').fill(content);
      await out.getByTestId('logbook-submit').click();
      await out.getByTestId('logbook-table').getByText(content).waitFor();
    }

    // With no handover window, handing over (and signing) before the hand-over time needs a reason.
    const settings = (await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/duty' }))).json();
    const narrowed = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/settings/duty',
        payload: { ...settings, handoverWindowMinutes: 0 },
      }),
    );
    expect(narrowed.statusCode).toBe(200);
    const reason = '测试：提前交接';

    // The author corrects the entries of the shift.
    expect(await out.getByTestId('logbook-table').locator('[data-testid^="edit-log-"]').count()).toBe(2);

    await out.goto(`${t.url}/handover`);
    const draft = out.getByTestId('handover-draft');
    await draft.waitFor();
    expect(await draft.textContent()).toContain('南河水位上涨');
    // The pending and open-incident sections are written from the lists, not typed.
    expect(await out.getByTestId('handover-section-pending').getAttribute('readonly')).not.toBeNull();
    await out.getByTestId('pending-new-text').fill('督促水务局报送南河水位');
    await out.getByTestId('add-pending').click();
    expect(await out.getByTestId('handover-section-pending').inputValue()).toBe('1. 督促水务局报送南河水位');
    await out.getByTestId('submit-handover').click();
    // The submit dialog lists the open alarms (the officer never checked in) and asks why so early.
    const dialog = out.getByTestId('submit-dialog');
    await dialog.waitFor();
    // Ten minutes into the shift, a post nobody checked in to is an alarm.
    if (Date.now() > Date.parse(now.officers[0]!.start) + 11 * 60_000)
      expect(await dialog.locator('[data-kind="missed_check_in"]').count()).toBe(1);
    const confirm = out.locator('#confirm-submit-handover');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByTestId('early-reason').fill(reason);
    await confirm.click();
    await out.getByTestId('handover-detail').and(out.locator('[data-status="submitted"]')).waitFor();

    const inc = await pageOnClock(browser, clock, { width: 1920, height: 1080 });
    inc.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(inc, t.url, incoming, USER_PASSWORD);
    await inc.getByTestId('awaiting-handover').waitFor();
    await inc.goto(`${t.url}/handover`);
    await inc.getByTestId('tab-awaiting').click();
    const panel = inc.getByTestId('accept-panel');
    await panel.waitFor();
    const boxes = panel.locator('[data-testid^="confirm-"]');
    expect(await boxes.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).click();
    await panel.getByTestId('accept-early-reason').fill(reason);
    await inc.getByTestId('accept-handover').click();
    const detail = inc.getByTestId('handover-detail');
    await detail.and(inc.locator('[data-status="sealed"]')).waitFor();
    const id = inc.url().split('/').pop();
    // Where the audit log stood at the seal, read from the log itself: shown, and printed on paper.
    const seal = await t.app.db
      .selectFrom('events')
      .select(['seq', 'hash'])
      .where('type', '=', 'handover.accepted')
      .executeTakeFirstOrThrow();
    const anchor = `审计锚点：事件序号 ${seal.seq}，哈希 ${seal.hash.slice(0, 16)}…`;
    expect(await inc.getByTestId('handover-anchor').textContent()).toBe(anchor);

    // The shift's log is sealed with it: no edit button any more, a link to the record instead.
    await out.goto(`${t.url}/logbook`);
    const table = out.getByTestId('logbook-table');
    await table.locator('[data-testid^="log-sealed-"]').first().waitFor();
    expect(await table.locator('[data-testid^="log-sealed-"]').count()).toBe(2);
    expect(await table.locator('[data-testid^="edit-log-"]').count()).toBe(0);

    await inc.goto(`${t.url}/handover/${id}/print`);
    // The frame shows before the record is read: wait for the record itself.
    await inc.getByTestId('handover-print').getByText(anchor).waitFor();
    const text = await inc.getByTestId('handover-print').textContent();
    expect(text).toContain(now.officers[0]!.userName);
    expect(text).toContain(anchor);
    expect(text).toContain('交班时未解除的告警');
    expect(text).toContain(`原因：${reason}`);
    const pdf = await inc.pdf({ format: 'A4', printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    expect(errors).toEqual([]);
  }, 240_000);
});
