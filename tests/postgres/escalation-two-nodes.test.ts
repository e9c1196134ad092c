import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { freshDatabase, type TestDatabase } from '../helpers/databases';
import { FakeGateway } from '../helpers/fake-gateway';
import { CALL } from '../helpers/incidents';

/** Two app nodes on one PostgreSQL database, scanning side by side on one clock. */
const clock = fixedClock('2026-03-04T18:50:00.000Z');
let db: TestDatabase;
let a: TestApp;
let b: TestApp;
const gateway = new FakeGateway();

beforeAll(async () => {
  db = await freshDatabase('postgres');
  await gateway.start();
  const config = { escalationGatewayUrl: gateway.url };
  a = await startApp({ databaseUrl: db.url, clock, config });
  b = await startApp({ databaseUrl: db.url, clock, config });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await db.drop();
  await gateway.stop();
});

const bothScan = async (rounds = 3) => {
  for (let i = 0; i < rounds; i++) await Promise.all([a.app.scanner.runOnce(), b.app.scanner.runOnce()]);
};

async function stepped(app: FastifyInstance, admin: Session, subject: string) {
  const res = await app.inject(
    as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000&type=escalation.stepped' }),
  );
  return (res.json().events as { subject: string }[]).filter((e) => e.subject === subject);
}

it('each step is called once and acknowledged once, whichever node scans or answers', async () => {
  const admin = await signInAdmin(a.app);
  await createUser(a.app, admin, { username: 'wangfang', roles: ['officer'] });
  await createUser(a.app, admin, { username: 'liuqiang', roles: ['leader'] });
  const put = await a.app.inject(
    as(admin, {
      method: 'PUT',
      url: '/api/settings/escalation',
      payload: {
        delayMinutes: 10,
        steps: [
          { label: '备班领导', name: '赵敏', phone: '13800000001' },
          { label: '分管领导', name: '孙立', phone: '13800000002' },
          { label: '主要领导', name: '周正', phone: '13800000003' },
        ],
      },
    }),
  );
  expect(put.statusCode, put.body).toBe(200);
  const officer = await signIn(b.app, 'wangfang', USER_PASSWORD);
  const incident = (
    await b.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
  ).json();
  await bothScan();
  const list = (await a.app.inject(as(officer, { method: 'GET', url: '/api/escalations' }))).json();
  const e = list.escalations.find((x: { incidentId: number }) => x.incidentId === incident.id);
  expect(e).toMatchObject({ step: 0, status: 'active' });

  clock.set('2026-03-04T19:00:00.000Z');
  await bothScan();
  expect(gateway.about(e.id).map((m) => m.key)).toEqual([`escalation:${e.id}:step:1`]);
  clock.set('2026-03-04T19:10:00.000Z');
  await bothScan();
  expect(gateway.about(e.id).map((m) => m.key)).toEqual([
    `escalation:${e.id}:step:1`,
    `escalation:${e.id}:step:2`,
  ]);
  expect(await stepped(b.app, admin, `escalation:${e.id}`)).toHaveLength(2);

  // The leader answers on both nodes at once: one acknowledgement stands, the other is told so.
  const leaderA = await signIn(a.app, 'liuqiang', USER_PASSWORD);
  const leaderB = await signIn(b.app, 'liuqiang', USER_PASSWORD);
  const url = `/api/escalations/${e.id}/acknowledge`;
  const answers = await Promise.all([
    a.app.inject(as(leaderA, { method: 'POST', url })),
    b.app.inject(as(leaderB, { method: 'POST', url })),
  ]);
  expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);

  clock.set('2026-03-04T19:20:00.000Z');
  await bothScan();
  expect(gateway.about(e.id)).toHaveLength(2);
  expect(await stepped(a.app, admin, `escalation:${e.id}`)).toHaveLength(2);
});
