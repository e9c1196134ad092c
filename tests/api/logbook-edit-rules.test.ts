import type { LogEntry } from '@shared/schemas/logbook';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
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
import { DIALECTS } from '../helpers/databases';
import { publishMarch } from '../helpers/roster';

const NAMES: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊', liuqiang: '刘强' };

/**
 * A duty-log entry is corrected by its author while its shift is still the duty room's own: until
 * the handover of that shift (or of a later one) is signed and sealed. After that only an amendment
 * to the handover corrects the record.
 */
describe.each(DIALECTS)('who may correct a duty-log entry, and until when, on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let march: RosterView;
  const officerOn = (day: string) =>
    march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!;
  const username = (s: Shift) => Object.keys(NAMES).find((u) => NAMES[u] === s.userName)!;
  const session = (name: string) => signIn(t.app, name, USER_PASSWORD);
  const call = async (name: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject(as(await session(name), { method, url, ...(payload ? { payload } : {}) }));
  const patch = (name: string, id: number, payload: object) =>
    call(name, 'PATCH', `/api/logbook/${id}`, payload);
  const entry = async (id: number): Promise<LogEntry> =>
    (await call('liuqiang', 'GET', `/api/logbook/${id}`)).json();

  let author: string; // the officer of 03-05
  let incoming: string; // the officer of 03-06
  let other: string; // the third officer
  let call1: number; // the author's call on 03-05
  let order: number; // the leader's instruction on 03-05
  let late: number; // an entry of 03-04 (a shift never handed over), written on 03-05

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    const ids: number[] = [];
    for (const name of ['wangfang', 'lijun', 'zhaolei'])
      ids.push(
        (await createUser(t.app, admin, { username: name, roles: ['officer'], displayName: NAMES[name] })).id,
      );
    const leader = await createUser(t.app, admin, {
      username: 'liuqiang',
      roles: ['leader'],
      displayName: '刘强',
    });
    march = await publishMarch(t.app, admin, { officers: ids, leaders: [leader.id], overrideReason: 'test' });
    author = username(officerOn('2026-03-05'));
    incoming = username(officerOn('2026-03-06'));
    other = Object.keys(NAMES).find((u) => u !== 'liuqiang' && u !== author && u !== incoming)!;

    clock.set('2026-03-05T02:00:00Z'); // 10:00 on the 03-05 shift
    const added = await call(author, 'POST', '/api/logbook', {
      kind: 'call',
      callerName: '李主任',
      callerUnit: '东城街道',
      content: '询问道路封闭情况',
    });
    expect(added.statusCode).toBe(201);
    call1 = added.json().id;
    order = (
      await call('liuqiang', 'POST', '/api/logbook', {
        kind: 'instruction',
        callerName: '刘强',
        content: '加强夜间巡查',
      })
    ).json().id;
    late = (
      await call(author, 'POST', '/api/logbook', {
        kind: 'note',
        at: '2026-03-04T05:00:00Z',
        content: '补记：昨日 13:00 设备巡检',
      })
    ).json().id;
  });
  afterAll(() => t.close());

  it('lets the author correct an entry during the shift; nobody else, whatever the role', async () => {
    clock.set('2026-03-05T03:00:00Z');
    const own = await patch(author, call1, { handling: '已答复：南环路封闭至 18:00' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: call1, handling: '已答复：南环路封闭至 18:00', sealedIn: null });
    expect((await patch('liuqiang', order, { content: '加强夜间巡查，每两小时报一次' })).statusCode).toBe(
      200,
    );

    for (const [who, id] of [
      [other, call1],
      [incoming, call1],
      ['liuqiang', call1],
      [author, order],
    ] as const) {
      const res = await patch(who, id, { handling: '改写' });
      expect(res.statusCode, `${who} editing #${id}`).toBe(403);
      expect(res.json().error.code).toBe('DUTY_ERR_FORBIDDEN');
      expect(res.json().error.message).toContain('only its author');
    }
    const byAdmin = await t.app.inject(
      as(await signInAdmin(t.app), {
        method: 'PATCH',
        url: `/api/logbook/${call1}`,
        payload: { handling: '改写' },
      }),
    );
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe('DUTY_ERR_FORBIDDEN');
    // Nothing of the refused attempts reached the entry.
    expect((await entry(call1)).handling).toBe('已答复：南环路封闭至 18:00');
    expect((await entry(order)).content).toBe('加强夜间巡查，每两小时报一次');
  });

  it('still lets the author correct it while the handover waits for its signature', async () => {
    clock.set('2026-03-06T00:10:00Z'); // 08:10, twenty minutes before the hand-over
    const submitted = await call(author, 'POST', '/api/handovers', { content: [], pending: [] });
    expect(submitted.statusCode).toBe(201);
    const res = await patch(author, call1, { handling: '已答复，并告知交警' });
    expect(res.statusCode).toBe(200);
    expect(res.json().sealedIn).toBeNull();
    expect((await patch(author, late, { content: '补记：昨日 13:00 设备巡检正常' })).statusCode).toBe(200);
  });

  it('refuses every edit once the shift is handed over and sealed: an amendment corrects it', async () => {
    const pending = (await call(incoming, 'GET', '/api/handovers/pending')).json().handovers;
    expect(pending).toHaveLength(1);
    const h = pending[0];
    clock.set('2026-03-06T00:35:00Z');
    const accepted = await call(incoming, 'POST', `/api/handovers/${h.id}/accept`, {
      confirmed: h.carried.map((c: { key: string }) => c.key),
    });
    expect(accepted.statusCode).toBe(200);

    for (const [who, id] of [
      [author, call1],
      ['liuqiang', order],
      // Written on 03-05 about 03-04, a shift never handed over: the duty has moved on past it.
      [author, late],
    ] as const) {
      const res = await patch(who, id, { handling: '事后改写' });
      expect(res.statusCode, `${who} editing #${id}`).toBe(409);
      expect(res.json().error.code).toBe('DUTY_ERR_SEALED');
      expect(res.json().error.message).toContain(`handover #${h.id}`);
      expect(res.json().error.message).toContain('amendment');
    }
    expect((await entry(call1)).handling).toBe('已答复，并告知交警');
    const listed: LogEntry[] = (await call(other, 'GET', '/api/logbook?from=2026-03-04T00:00:00Z')).json()
      .entries;
    expect(Object.fromEntries(listed.map((e) => [e.id, e.sealedIn]))).toEqual({
      [call1]: h.id,
      [order]: h.id,
      [late]: h.id,
    });
    // Someone else still cannot: the author rule holds too.
    expect((await patch(other, call1, { handling: 'x' })).json().error.code).toBe('DUTY_ERR_FORBIDDEN');
  });

  it('lets the next shift correct its own entries as before', async () => {
    clock.set('2026-03-06T02:00:00Z');
    const added = await call(incoming, 'POST', '/api/logbook', { kind: 'note', content: '交接后核对装备' });
    expect(added.json().sealedIn).toBeNull();
    const res = await patch(incoming, added.json().id, { content: '交接后核对装备：卫星电话电量不足' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ content: '交接后核对装备：卫星电话电量不足', sealedIn: null });
    expect((await patch(author, added.json().id, { content: 'x' })).statusCode).toBe(403);
  });
});
