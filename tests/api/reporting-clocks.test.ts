import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import * as incidentPolicyMigration from '../../server/db/migrations/2026-12-07-incident-policy';
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
import { DIALECTS, freshDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';

// Issue 14 through the real app. Asia/Shanghai (UTC+8); 10:00 local on 1 March 2026 = 02:00Z.
type Obligation = { key: string; kind: string; dueAt: string | null; doneAt: string | null; late: boolean };
// The report obligations (the 直报录入 and the notifications with the 首报 are tested in direct-report*.test.ts).
const REPORT_KINDS = new Set([
  'initial_phone',
  'initial_written',
  'followup_daily',
  'followup_change',
  'final',
]);
const reportsOnly = (obligations: Obligation[]) => obligations.filter((o) => REPORT_KINDS.has(o.kind));
const dueOf = (obligations: Obligation[]) =>
  Object.fromEntries(reportsOnly(obligations).map((o) => [o.kind, o.dueAt]));
const MARCH = 'from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00';

describe.each(DIALECTS)('reporting clocks on %s', (dialect) => {
  const clock = fixedClock('2026-03-01T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let bearer: Record<string, string>;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const token = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/tokens', payload: { name: '12350' } }),
    );
    bearer = { authorization: `Bearer ${token.json().secret}` };
  });
  afterAll(() => t.close());
  afterEach(() => clock.set('2026-03-01T02:00:00Z'));

  const post = (payload: object) =>
    t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }));
  const received = async (payload: object) => {
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const call = (casualties: object, extra: object = {}) => ({
    ...CALL,
    category: 'industry_trade',
    occurredAt: '2026-03-01T09:40:00+08:00',
    casualties,
    ...extra,
  });

  describe('intake refuses impossible times, naming the field', () => {
    it('a receivedAt one day ahead → 400 receivedAt, by the form and by the idempotent API', async () => {
      const ahead = call({ deaths: 1 }, { receivedAt: '2026-03-02T10:00:00+08:00' });
      for (const res of [
        await post(ahead),
        await t.app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: { ...bearer, 'idempotency-key': 'ahead-0001' },
          payload: ahead,
        }),
      ]) {
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { code: 'DUTY_ERR_VALIDATION', message: expect.stringContaining('body.receivedAt') },
          field: 'receivedAt',
        });
      }
      // Nothing was recorded.
      const list = await t.app.inject(as(officer, { method: 'GET', url: '/api/incidents?limit=5000' }));
      expect(list.json().incidents).toEqual([]);
    });

    it('allows a receipt up to 5 minutes ahead of the server clock (a caller clock running fast)', async () => {
      const edge = await post(call({ deaths: 1 }, { receivedAt: '2026-03-01T10:05:00+08:00' }));
      expect(edge.statusCode).toBe(201);
      const beyond = await post(call({ deaths: 1 }, { receivedAt: '2026-03-01T10:05:01+08:00' }));
      expect(beyond.statusCode).toBe(400);
      expect(beyond.json().field).toBe('receivedAt');
    });

    it('an occurredAt after receivedAt → 400 occurredAt, at intake and when edited', async () => {
      // A receipt time given: one second after it is impossible. (Stamped by the server, an
      // occurrence up to 5 minutes ahead is a sender's clock running fast: intake-clock-skew.test.ts.)
      const res = await post(
        call(
          { deaths: 1 },
          { receivedAt: '2026-03-01T10:00:00+08:00', occurredAt: '2026-03-01T10:00:01+08:00' },
        ),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'DUTY_ERR_VALIDATION', message: expect.stringContaining('body.occurredAt') },
        field: 'occurredAt',
      });
      // At the receipt itself it is possible (received the moment it happened).
      const same = await received(call({ deaths: 1 }, { occurredAt: '2026-03-01T10:00:00+08:00' }));
      const patched = await t.app.inject(
        as(officer, {
          method: 'PATCH',
          url: `/api/incidents/${same.id}`,
          payload: { occurredAt: '2026-03-01T11:00:00+08:00' },
        }),
      );
      expect(patched.statusCode).toBe(400);
      expect(patched.json().field).toBe('occurredAt');
    });
  });

  describe('national 首报 rules', () => {
    it('较大 received 10:00 → written due 12:00 and no phone obligation; 重大 → phone 10:30, written 11:00', async () => {
      const larger = await received(call({ deaths: 3 }));
      expect(larger.grade).toBe('III');
      expect(dueOf(larger.obligations)).toEqual({ initial_written: '2026-03-01T04:00:00.000Z', final: null });
      const major = await received(call({ deaths: 10 }));
      expect(major.grade).toBe('II');
      expect(dueOf(major.obligations)).toEqual({
        initial_phone: '2026-03-01T02:30:00.000Z',
        initial_written: '2026-03-01T03:00:00.000Z',
        final: null,
      });
    });

    it('a flood that happened at 10:00, received 11:30 → its first report is due 12:00', async () => {
      clock.set('2026-03-01T03:30:00Z');
      const flood = await received({
        ...CALL,
        category: 'flood',
        occurredAt: '2026-03-01T10:00:00+08:00',
        casualties: {},
        source: 'monitoring',
      });
      expect(flood.receivedAt).toBe('2026-03-01T03:30:00.000Z');
      expect(dueOf(flood.obligations)).toEqual({ initial_written: '2026-03-01T04:00:00.000Z', final: null });
    });
  });
});

describe.each(DIALECTS)('a regrade after an on-time 首报 on %s', (dialect) => {
  it('stays on time in the record and in the statistics; the higher grade runs from the change', async () => {
    const clock = fixedClock('2026-03-01T02:00:00Z'); // 10:00 local
    const t = await startApp({ dialect, clock });
    try {
      const admin = await signInAdmin(t.app);
      await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
      await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
      const officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
      const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
        const res = await t.app.inject(as(officer, { method, url, payload }));
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
        return res.json();
      };
      // 一般 (one dead), received 10:00: written 首报 due 12:00, no phone obligation.
      const incident = await api('POST', '/api/incidents', {
        ...CALL,
        category: 'industry_trade',
        occurredAt: '2026-03-01T09:40:00+08:00',
        casualties: { deaths: 1 },
      });
      expect(incident.grade).toBe('IV');
      clock.set('2026-03-01T03:00:00Z'); // 11:00: the written 首报, on time
      const first = await api('POST', `/api/incidents/${incident.id}/reports`, {
        kind: 'initial',
        channel: 'written',
        recipient: '市应急管理局',
        phoneConsentBy: 'liuqiang',
      });
      expect(first.late).toBe(false);

      clock.set('2026-03-01T06:00:00Z'); // 14:00: ten dead, now 重大
      const regraded = await api('PATCH', `/api/incidents/${incident.id}`, { casualties: { deaths: 10 } });
      expect(regraded.grade).toBe('II');
      const obligations = reportsOnly(regraded.obligations as Obligation[]);
      // No phone obligation it never had, the 首报 still on time; a 续报 due by 24:00 today (16:00Z).
      expect(obligations.map((o) => [o.key, o.dueAt, o.doneAt, o.late])).toEqual([
        ['initial_written', '2026-03-01T04:00:00.000Z', '2026-03-01T03:00:00.000Z', false],
        ['followup_change:2026-03-01T06:00:00.000Z', '2026-03-01T16:00:00.000Z', null, false],
        // 重大 from the next local day: twice a day, the first by 12:00 on 2 March (04:00Z).
        ['followup_daily:2026-03-02T12:00', '2026-03-02T04:00:00.000Z', null, false],
        ['final', null, null, false],
      ]);
      const detail = await api('GET', `/api/incidents/${incident.id}`);
      expect(detail.reports.map((r: { number: number; late: boolean }) => [r.number, r.late])).toEqual([
        [1, false],
      ]);

      // The 续报 at 23:00 the same day meets the change; statistics agree with the record.
      clock.set('2026-03-01T15:00:00Z');
      await api('POST', `/api/incidents/${incident.id}/reports`, {
        kind: 'followup',
        channel: 'phone',
        recipient: '市应急管理局',
      });
      const stats = await api('GET', `/api/stats?${MARCH}`);
      expect(stats.initialReport).toMatchObject({ accidents: 1, onTime: 1, late: 0, pending: 0 });
      expect(stats.timeliness.lateReportsByKind).toEqual([
        { kind: 'initial_phone', count: 0 },
        { kind: 'initial_written', count: 0 },
        { kind: 'followup_daily', count: 0 },
        { kind: 'followup_change', count: 0 },
        { kind: 'final', count: 0 },
      ]);
      const after = await api('GET', `/api/incidents/${incident.id}`);
      expect(after.reports.map((r: { number: number; late: boolean }) => [r.number, r.late])).toEqual([
        [1, false],
        [2, false],
      ]);
    } finally {
      await t.close();
    }
  });
});

describe.each(DIALECTS)('the policy an incident keeps on %s', (dialect) => {
  it('reads a custom policy stored in the old shape as the new one, and snapshots it at intake', async () => {
    const clock = fixedClock('2026-03-01T02:00:00Z');
    const t = await startApp({ dialect, clock });
    try {
      const admin = await signInAdmin(t.app);
      await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
      const officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
      // A province's table stored before issue 14: 较大 by phone in 15 min, rolling intervals, durations.
      const old = {
        name: '某省（旧格式）',
        initial: [
          { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
          { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_phone', within: 'PT15M' },
        ],
        followupEvery: { I: 'PT12H', II: 'PT12H', III: 'PT12H', IV: 'P1D' },
        changeWindow: { default: 'P30D', road_traffic: 'P7D', fire: 'P7D' },
      };
      await t.app.db
        .insertInto('settings')
        .values({
          key: 'deadline_policy',
          value: JSON.stringify(old),
          updated_at: '2026-02-01T00:00:00.000Z',
          updated_by: 'admin',
        })
        .execute();
      const read = await t.app.inject(as(officer, { method: 'GET', url: '/api/settings/deadlines' }));
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({
        name: '某省（旧格式）',
        initial: old.initial,
        followupPerDay: { I: 2, II: 2, III: 2, IV: 1 },
        changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
        disasterClockFrom: 'occurred',
        // Natural disasters' clocks: the defaults, filled in (DESIGN §2.6).
        disasters: {
          initialHours: 2,
          severeDeadMissing: 10,
          followupChangeHours: 2,
          dailyAt: '09:00',
          townshipDailyAt: '08:00',
          townshipVerifyWorkingDays: 2,
          districtVerifyWorkingDays: 3,
          droughtFollowupDays: 10,
        },
      });
      const larger = (
        await t.app.inject(
          as(officer, {
            method: 'POST',
            url: '/api/incidents',
            payload: { ...CALL, occurredAt: '2026-03-01T09:40:00+08:00' },
          }),
        )
      ).json();
      expect(dueOf(larger.obligations)).toEqual({
        initial_phone: '2026-03-01T02:15:00.000Z',
        initial_written: '2026-03-01T04:00:00.000Z',
        final: null,
      });
      const row = await t.app.db
        .selectFrom('incidents')
        .select(['policy', 'grade_history'])
        .where('id', '=', larger.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.policy!)).toEqual(read.json());
      expect(JSON.parse(row.grade_history!)).toEqual([
        { at: '2026-03-01T02:00:00.000Z', grade: 'III', nearMiss: false },
      ]);
    } finally {
      await t.close();
    }
  });
});

describe.each(DIALECTS)('the incident-policy migration on %s', (dialect) => {
  it('gives incidents recorded before it the policy in force and their grade from receipt', async () => {
    const database = await freshDatabase(dialect);
    try {
      const clock = fixedClock('2026-03-01T02:00:00Z');
      let t = await startApp({ dialect, clock, databaseUrl: database.url });
      const admin = await signInAdmin(t.app);
      await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
      let officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
      const created = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/incidents',
          payload: { ...CALL, occurredAt: '2026-03-01T09:40:00+08:00', casualties: { deaths: 1 } },
        }),
      );
      expect(created.statusCode).toBe(201);
      const id = created.json().id as number;
      await t.close();

      // The database as it was before the migration, with a custom table stored in the old shape.
      const { db } = connect({ databaseUrl: database.url, dbKind: dialect });
      const old = {
        name: '某省（旧格式）',
        initial: [
          { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
          { applies: '*', grades: '*', kind: 'initial_phone', within: 'PT15M' },
        ],
        followupEvery: { I: 'PT12H', II: 'PT12H', III: 'P1D', IV: 'P1D' },
        changeWindow: { default: 'P30D', road_traffic: 'P7D', fire: 'P7D' },
      };
      try {
        await incidentPolicyMigration.down(db);
        await db
          .insertInto('settings')
          .values({
            key: 'deadline_policy',
            value: JSON.stringify(old),
            updated_at: '2026-02-01T00:00:00.000Z',
            updated_by: 'admin',
          })
          .execute();
        await incidentPolicyMigration.up(db);
        const row = await db
          .selectFrom('incidents')
          .select(['policy', 'grade_history'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(row.policy!)).toEqual(old);
        expect(JSON.parse(row.grade_history!)).toEqual([
          { at: '2026-03-01T02:00:00.000Z', grade: 'IV', nearMiss: false },
        ]);
      } finally {
        await db.destroy();
      }

      // Read through the upgrade: the kept table's 15 min phone rule applies from its next change on.
      t = await startApp({ dialect, clock, databaseUrl: database.url });
      officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
      const patched = await t.app.inject(
        as(officer, { method: 'PATCH', url: `/api/incidents/${id}`, payload: { summary: '两车相撞' } }),
      );
      expect(patched.statusCode).toBe(200);
      expect(dueOf(patched.json().obligations)).toEqual({
        initial_phone: '2026-03-01T02:15:00.000Z',
        initial_written: '2026-03-01T04:00:00.000Z',
        final: null,
      });
      await t.close();
    } finally {
      await database.drop();
    }
  });
});
