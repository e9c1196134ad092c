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
import { CALL } from '../helpers/incidents';

// A phone or a browser whose clock runs a little ahead of the server's sends "just now" as an
// occurrence a few seconds after the server's receipt: that is now, not an impossible time.
describe('intake with a sender clock ahead of the server', () => {
  const clock = fixedClock('2026-03-10T03:00:00.000Z');
  let t: TestApp;
  let officer: Session;
  const post = (payload: object) =>
    t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }));

  beforeAll(async () => {
    t = await startApp({ clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'zhang', roles: ['officer'] });
    officer = await signIn(t.app, 'zhang', USER_PASSWORD);
  });
  afterAll(() => t.close());

  it('takes an occurrence 30 s ahead, received now, as occurring at the receipt', async () => {
    const res = await post({ ...CALL, occurredAt: '2026-03-10T03:00:30.000Z' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      occurredAt: '2026-03-10T03:00:00.000Z',
      receivedAt: '2026-03-10T03:00:00.000Z',
    });
  });

  it('takes 5 minutes ahead exactly; refuses 5 minutes and 1 second ahead, naming the field', async () => {
    expect((await post({ ...CALL, occurredAt: '2026-03-10T03:05:00.000Z' })).statusCode).toBe(201);
    const res = await post({ ...CALL, occurredAt: '2026-03-10T03:05:01.000Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'DUTY_ERR_VALIDATION' }, field: 'occurredAt' });
  });

  it('with a receipt time given, an occurrence after it is refused however small the gap', async () => {
    const res = await post({
      ...CALL,
      receivedAt: '2026-03-10T02:59:00.000Z',
      occurredAt: '2026-03-10T02:59:01.000Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'occurredAt' });
  });
});
