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

/**
 * 09:00 in Shanghai on 5 March 2026 (01:00 UTC): the duty days 1–5 March have begun (08:30 local
 * is 00:30 UTC), 6–31 March lie ahead. Regenerating March must keep every shift that has begun or
 * that somebody checked in to, and must not add a second person to the post it holds.
 */
describe.each(DIALECTS)('regenerating a range with history on %s', (dialect) => {
  const clock = fixedClock('2026-03-05T01:00:00Z');
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    for (const name of ['o1', 'o2', 'o3'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['officer'] })).id;
    for (const name of ['l1', 'l2'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['leader'] })).id;
  });
  afterAll(() => t.close());

  const march = async () =>
    (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-31' }))
    ).json() as RosterView;

  it('keeps a checked-in shift and the shifts already begun, and adds no duplicate for their posts', async () => {
    const first = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: {
          from: '2026-03-01',
          to: '2026-03-31',
          officers: [ids.o1, ids.o2, ids.o3],
          leaders: [ids.l1, ids.l2],
        },
      }),
    );
    expect(first.statusCode).toBe(200);
    const before = await march();
    const onFifth = before.shifts.find((s) => s.dutyDate === '2026-03-05' && s.role === 'officer')!;
    const who = Object.entries(ids).find(([, id]) => id === onFifth.userId)![0];
    const officer = await signIn(t.app, who, USER_PASSWORD);
    const checkIn = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/attendance/check-in', payload: { shiftId: onFifth.id } }),
    );
    expect(checkIn.statusCode).toBe(200);

    // Another rotation order: every post of 6–31 March may change hands; 1–5 March may not.
    const again = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: {
          from: '2026-03-01',
          to: '2026-03-31',
          officers: [ids.o3, ids.o2, ids.o1],
          leaders: [ids.l2, ids.l1],
        },
      }),
    );
    expect(again.statusCode).toBe(200);
    // 5 days × (officer + leader) kept; 26 days × 2 replaced by 26 days × 2 new ones.
    expect(again.json()).toEqual({ created: 52, replaced: 52, kept: 10 });

    const after = await march();
    const officersOn = (day: string) =>
      after.shifts.filter((s: Shift) => s.dutyDate === day && s.role === 'officer');
    expect(officersOn('2026-03-05').map((s) => s.id)).toEqual([onFifth.id]);
    expect(officersOn('2026-03-05')[0]!.checkInAt).toBe('2026-03-05T01:00:00.000Z');
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      const was = before.shifts.filter((s) => s.dutyDate === day).map((s) => s.id);
      expect(after.shifts.filter((s) => s.dutyDate === day).map((s) => s.id)).toEqual(was);
    }
    expect(after.shifts).toHaveLength(62);
    expect(after.check.conflicts.filter((c) => c.kind === 'overlap')).toEqual([]);
    const generated = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=roster.generated' }))
    ).json().events;
    expect(generated[0].payload).toMatchObject({ created: 52, replaced: 52, kept: 10 });
  });
});
