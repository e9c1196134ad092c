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
import { CALL } from '../helpers/incidents';

/**
 * 我的待办 lists the open incidents still waiting for the leader's 批示 (issue 13 point 2): the
 * incident list filters on whether an instruction has been given; other actions do not count.
 */
describe('incidents without a leader instruction', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await startApp();
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    leader = await signIn(t.app, 'l1', USER_PASSWORD);
    for (const summary of ['甲', '乙', '丙']) {
      const res = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/incidents',
          payload: { ...CALL, summary: `${CALL.summary}${summary}` },
        }),
      );
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const listed = async (instructed: boolean) => {
    const res = await t.app.inject(
      as(leader, { method: 'GET', url: `/api/incidents?stage=open&instructed=${instructed}` }),
    );
    expect(res.statusCode).toBe(200);
    return (res.json().incidents as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
  };

  it('an instruction moves an incident from the uninstructed list to the instructed one; a dispatch does not', async () => {
    const [a, b, c] = ids as [number, number, number];
    expect(await listed(false)).toEqual([a, b, c]);
    expect(await listed(true)).toEqual([]);

    const dispatch = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${a}/actions`,
        payload: { type: 'dispatch', text: '消防、120已到场' },
      }),
    );
    expect(dispatch.statusCode).toBe(201);
    const instruction = await t.app.inject(
      as(leader, {
        method: 'POST',
        url: `/api/incidents/${b}/actions`,
        payload: { type: 'instruction', text: '全力救治伤员' },
      }),
    );
    expect(instruction.statusCode).toBe(201);

    expect(await listed(false)).toEqual([a, c]);
    expect(await listed(true)).toEqual([b]);
  });
});
