import type { DutyEvent } from '@shared/events';
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
import { closeAllConsoles, connectConsole, type LiveConsole } from '../helpers/live-client';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

/**
 * Zero-report events on the live feed, each to its audience: a request's header to every console,
 * a unit's filing, reminder and miss to that unit and the district, never to a sibling township.
 */
const START = '2026-03-10T22:30:00.000Z'; // 06:30 on 11 March in Shanghai; cut-off 08:00

describe.each(DIALECTS)('zero-report events live on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let officer: Session;
  let t1: Session;
  let t2: Session;
  let T1: { id: number; path: string };
  let T2: { id: number; path: string };

  beforeAll(async () => {
    t = await startApp({ dialect, clock, listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    T1 = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    T2 = await addUnit(t.app, DISTRICT, { name: '乙镇', kind: 'township', code: 'T2' });
    t1 = await unitPerson(t.app, admin, T1.id, { username: 'town1', roles: ['officer'] });
    t2 = await unitPerson(t.app, admin, T2.id, { username: 'town2', roles: ['officer'] });
  });
  afterAll(async () => {
    closeAllConsoles();
    await t.close();
  });

  it('sends each console the zero-report events of its audience only', async () => {
    const consoles: Record<'district' | 't1' | 't2', LiveConsole> = {
      district: await connectConsole(t.url, { cookie: officer.cookie }),
      t1: await connectConsole(t.url, { cookie: t1.cookie }),
      t2: await connectConsole(t.url, { cookie: t2.cookie }),
    };
    const ask = async (title: string) => {
      const res = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/zero-reports',
          payload: { title, scope: 'units', unitIds: [T1.id, T2.id], cutoff: '08:00', remindMinutes: 0 },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const id = await ask('零报告');
    const filed = await t.app.inject(
      as(t1, {
        method: 'POST',
        url: `/api/zero-reports/${id}/filings`,
        payload: { unitId: T1.id, nothingNew: true },
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    clock.set('2026-03-11T00:00:00.001Z');
    await t.app.scanner.runOnce();
    // A last header, which every console reads: once it arrived, everything before it has too.
    const last = await ask('收尾');
    const seen = async (c: LiveConsole) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the last header never arrived')), 5000);
        const check = () => {
          if (
            c.received.some(
              (e) =>
                e.type === 'zero_report.requested' &&
                (e as DutyEvent<'zero_report.requested'>).payload.request.id === last,
            )
          ) {
            clearTimeout(timer);
            resolve();
          } else setTimeout(check, 20);
        };
        check();
      });
      return c.received
        .filter((e) => e.type.startsWith('zero_report.') && e.subject === `zero:${id}`)
        .map((e) => `${e.type}@${e.unit}`);
    };
    const requested = 'zero_report.requested@/1/';
    const filedT1 = `zero_report.filed@${T1.path}`;
    const missedT2 = `zero_report.missed@${T2.path}`;
    expect(await seen(consoles.district)).toEqual([requested, filedT1, missedT2]);
    expect(await seen(consoles.t1)).toEqual([requested, filedT1]);
    expect(await seen(consoles.t2)).toEqual([requested, missedT2]);
  });
});
