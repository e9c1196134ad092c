import type { DutyNow } from '@shared/schemas/attendance';
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
import { CALL } from '../helpers/incidents';
import { publishMarch } from '../helpers/roster';

/**
 * 我的待办 on the leader's phone (issue 13 point 2): the open incident waits there for the leader's
 * 批示 until it is given; the spot-check the leader issued shows its answer live once the officer
 * on duty answers it.
 */
describe('the leader on a phone: instructions to give and spot-check answers', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Session;
  const usernames = new Map<number, string>();
  // 12:00 on 5 March in Shanghai, hours from either hand-over (08:30).
  const clock = runningClock('2026-03-05T04:00:00Z');
  let incidentId = 0;

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
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }));
    expect(res.statusCode).toBe(201);
    incidentId = res.json().id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the incident until the leader gives an instruction, and the spot-check as answered once the officer answers', async () => {
    const now = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
    expect(now).toMatchObject({ dutyDate: '2026-03-05', published: true });
    const leaderName = usernames.get(now.leaders[0]!.userId)!;
    const officerName = usernames.get(now.officers[0]!.userId)!;
    const officerDisplay = officerName === 'o1' ? '王芳' : '李军';
    const leader = await signIn(t.app, leaderName, USER_PASSWORD);
    const officer = await signIn(t.app, officerName, USER_PASSWORD);

    const phone = await pageOnClock(browser, clock, { width: 390, height: 844 });
    const errors: string[] = [];
    phone.on('pageerror', (err) => errors.push(String(err)));
    await signInThroughPage(phone, t.url, leaderName, USER_PASSWORD);
    const todo = phone.getByTestId('my-todo');
    await todo.waitFor();

    // The incident waits for the leader's instruction; an instruction given here removes it.
    const instruct = todo.getByTestId(`todo-instruct-${incidentId}`);
    await instruct.waitFor({ timeout: 5000 });
    expect(await instruct.textContent()).toContain(CALL.summary.slice(0, 10));
    await instruct.getByTestId('todo-instruct').click();
    await instruct.getByText('请填写批示内容').waitFor();
    await instruct.getByTestId('todo-instruction').fill('全力救治伤员，做好现场警戒');
    await instruct.getByTestId('todo-instruct').click();
    await expect.poll(() => instruct.count(), { timeout: 5000 }).toBe(0);
    const detail = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/incidents/${incidentId}` }))
    ).json();
    expect(
      (detail.actions as { type: string; text: string; actor: string }[]).filter(
        (a) => a.type === 'instruction',
      ),
    ).toMatchObject([{ text: '全力救治伤员，做好现场警戒', actor: leaderName }]);

    // The leader issues a spot-check: open in 我的待办, then answered live.
    const issued = await t.app.inject(
      as(leader, { method: 'POST', url: '/api/spot-checks', payload: { note: '午间查岗' } }),
    );
    expect(issued.statusCode).toBe(201);
    const spot = todo.getByTestId(`todo-spot-${issued.json().id}`);
    await expect.poll(() => spot.getAttribute('data-status'), { timeout: 5000 }).toBe('open');
    expect(await spot.textContent()).toContain('待应答');
    const answered = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/spot-checks/${issued.json().id}/answer`,
        payload: { note: '在岗' },
      }),
    );
    expect(answered.statusCode).toBe(200);
    await expect.poll(() => spot.getAttribute('data-status'), { timeout: 5000 }).toBe('answered');
    const text = await spot.textContent();
    expect(text).toContain('已应答');
    expect(text).toContain(`${officerDisplay} 12:`);
    expect(text).toContain('在岗');

    // Nothing of it runs off the phone's screen.
    const width = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      card: (document.querySelector('[data-testid="my-todo"]') as HTMLElement).getBoundingClientRect().right,
    }));
    expect(width.page).toBeLessThanOrEqual(390);
    expect(width.card).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  }, 120_000);
});
