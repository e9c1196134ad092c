import { LIVE_CACHE } from '@client/lib/live-cache';
import { incidentBoardKey } from '@client/lib/live-patches/incidents';
import { createQueryClient } from '@client/lib/query-client';
import type { AnyDutyEvent, DutyEvent } from '@shared/events';
import type { BoardList, IncidentCard } from '@shared/schemas/incidents';
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
import { MAJOR_CALL } from '../helpers/incidents';
import { connectConsole, type LiveConsole, settle } from '../helpers/live-client';

/** What a board card draws (shared/schemas/incidents.ts IncidentCard), and nothing else. */
const CARD_KEYS = [
  'acknowledgedAt',
  'caller',
  'casualties',
  'category',
  'closedAt',
  'createdBy',
  'drill',
  'grade',
  'id',
  'lateDiscovery',
  'location',
  'nearMiss',
  'nextDueAt',
  'nextKind',
  'overdue',
  'receivedAt',
  'stage',
  'summary',
];

/**
 * Issue 18: an incident event carries the incident's card and what it changed, not the whole
 * incident (obligations, reports, actions, grade reasons …), live, on catch-up and in the log.
 */
describe('lean incident events', () => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let live: LiveConsole;
  beforeAll(async () => {
    t = await startApp({ listen: true, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'l1', roles: ['leader'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    leader = await signIn(t.app, 'l1', USER_PASSWORD);
    live = await connectConsole(t.url, { cookie: officer.cookie });
  });
  afterAll(async () => {
    live?.close();
    await t?.close();
  });

  const call = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject(as(s, { method, url: `/api${url}`, ...(payload ? { payload } : {}) }));
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res;
  };
  const incidentEvents = () => live.received.filter((e) => e.type.startsWith('incident.'));

  it('each event carries the card and what changed; the whole record is read on demand', async () => {
    const id = (await call(officer, 'POST', '/incidents', MAJOR_CALL)).json().id as number;
    // By hand: received 18:50Z, 重大 (ten dead): the phone 首报 within 30 min, the written one within 1 h.
    const card: IncidentCard = {
      id,
      category: 'road_traffic',
      receivedAt: '2026-03-04T18:50:00.000Z',
      location: { address: '幸福路与建设路交叉口' },
      caller: { name: '张警官', unit: '区交警大队', phone: '13900001111' },
      summary: '两车相撞，一车侧翻',
      casualties: { deaths: 10, seriousInjuries: 2 },
      grade: 'II',
      nearMiss: false,
      drill: false,
      lateDiscovery: null,
      stage: 'received',
      acknowledgedAt: null,
      closedAt: null,
      createdBy: 'o1',
      nextDueAt: '2026-03-04T19:20:00.000Z',
      nextKind: 'initial_phone',
      overdue: false,
    };
    clock.set('2026-03-04T18:55:00Z');
    await call(officer, 'POST', `/incidents/${id}/verify`);
    clock.set('2026-03-04T18:56:00Z');
    await call(leader, 'POST', `/incidents/${id}/acknowledge`);
    clock.set('2026-03-04T19:00:00Z');
    await call(officer, 'POST', `/incidents/${id}/reports`, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区应急管理局总值班室',
    });
    await call(leader, 'POST', `/incidents/${id}/actions`, { type: 'instruction', text: '立即赶赴现场' });
    await call(officer, 'POST', `/incidents/${id}/reports`, {
      kind: 'final',
      channel: 'phone',
      recipient: '区应急管理局总值班室',
    });
    await call(officer, 'POST', `/incidents/${id}/close`, { outcome: '现场清理完毕' });
    const events = await live.receivedCount(7);
    const [created, verified, acknowledged, initial, action, final, closed] = events as AnyDutyEvent[];

    expect(events.map((e) => e.type)).toEqual([
      'incident.created',
      'incident.verified',
      'incident.acknowledged',
      'incident.reported',
      'incident.action',
      'incident.reported',
      'incident.closed',
    ]);
    for (const e of incidentEvents()) {
      const incident = (e.payload as { incident: object }).incident;
      expect(Object.keys(incident).sort(), e.type).toEqual(CARD_KEYS);
    }
    expect(created!.payload).toEqual({ incident: card });
    const afterVerify = { ...card, stage: 'verified' as const };
    expect(verified!.payload).toEqual({ incident: afterVerify, verifiedAt: '2026-03-04T18:55:00.000Z' });
    expect(acknowledged!.payload).toEqual({
      incident: { ...afterVerify, acknowledgedAt: '2026-03-04T18:56:00.000Z' },
      acknowledgedBy: 'l1',
    });
    // The phone 首报 done: the written one (within 1 h of receipt) is next.
    expect(initial!.payload).toMatchObject({
      incident: {
        stage: 'reported',
        nextDueAt: '2026-03-04T19:50:00.000Z',
        nextKind: 'initial_written',
      },
      report: { kind: 'initial', channel: 'phone', recipient: '区应急管理局总值班室', sentBy: 'o1' },
    });
    expect(Object.keys(initial!.payload).sort()).toEqual(['incident', 'report']);
    expect(action!.payload).toMatchObject({
      incident: { stage: 'handling' },
      action: { type: 'instruction', text: '立即赶赴现场', actor: 'l1', at: '2026-03-04T19:00:00.000Z' },
    });
    expect(Object.keys(final!.payload).sort()).toEqual(['incident', 'report']);
    expect(closed!.payload).toMatchObject({
      // Only phone reports were sent: the written 首报 is still owed (and shown) after closing.
      incident: {
        stage: 'closed',
        closedAt: '2026-03-04T19:00:00.000Z',
        nextDueAt: '2026-03-04T19:50:00.000Z',
        nextKind: 'initial_written',
      },
      outcome: '现场清理完毕',
    });

    // The whole record, on demand: far larger than what every console is sent.
    const whole = (await call(officer, 'GET', `/incidents/${id}`)).json().incident;
    expect(whole.obligations.length).toBeGreaterThan(0);
    expect(JSON.stringify(created!.payload).length).toBeLessThan(
      JSON.stringify({ incident: whole }).length / 2,
    );

    // The log keeps the same lean payloads: the audit trail, catch-up and the handover read them.
    const logged = (await call(admin, 'GET', '/events?type=incident.created')).json()
      .events as AnyDutyEvent[];
    expect(logged.find((e) => e.subject === `incident:${id}`)?.payload).toEqual({ incident: card });
    const late = await connectConsole(t.url, { cookie: officer.cookie, lastSeq: created!.seq - 1 });
    try {
      const replayed = await late.receivedCount(7);
      expect(replayed.map((e) => e.payload)).toEqual(events.slice(0, 7).map((e) => e.payload));
    } finally {
      late.close();
    }
  });

  it('an event from before (the whole incident) still moves the board card, as a card', async () => {
    clock.set('2026-03-04T18:50:00Z');
    const id = (await call(officer, 'POST', '/incidents', { ...MAJOR_CALL, summary: '旧事件' })).json()
      .id as number;
    const whole = (await call(officer, 'GET', `/incidents/${id}`)).json().incident;
    // As an `incident.verified` logged before issue 18 carried it: the whole incident, verified.
    const old = {
      seq: 1_000_000,
      at: '2026-03-04T19:00:00.000Z',
      type: 'incident.verified',
      actor: 'o1',
      subject: `incident:${id}`,
      unit: '/1/',
      payload: { incident: { ...whole, stage: 'verified' } },
    } as unknown as DutyEvent<'incident.verified'>;
    const client = createQueryClient();
    client.setQueryData<BoardList>(incidentBoardKey('open'), { incidents: [] });
    LIVE_CACHE['incident.verified'].patch?.(client, old);
    await settle(150);
    const cards = client.getQueryData<BoardList>(incidentBoardKey('open'))?.incidents ?? [];
    expect(cards.map((c) => Object.keys(c).sort())).toEqual([CARD_KEYS]);
    // 重大, received 18:50Z, nothing reported: the phone 首报 at 19:20Z is next (hand-computed).
    expect(cards.map((c) => [c.id, c.stage, c.summary, c.nextKind, c.nextDueAt])).toEqual([
      [id, 'verified', '旧事件', 'initial_phone', '2026-03-04T19:20:00.000Z'],
    ]);
  });
});
