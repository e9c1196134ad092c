import { LIVE_CACHE } from '@client/lib/live-cache';
import { incidentBoardKey, incidentDetailKey, readBoard } from '@client/lib/live-patches/incidents';
import { createQueryClient } from '@client/lib/query-client';
import type { AnyDutyEvent, EventType } from '@shared/events';
import type { BoardList, IncidentDetail } from '@shared/schemas/incidents';
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
import { connectConsole, type LiveConsole, settle } from '../helpers/live-client';

/**
 * The console's cache of the board, moved by the live cache's incident rules alone: real incidents
 * through the real API, their real events over a real socket, applied by the console's own
 * `LIVE_CACHE` table to a real QueryClient.
 */
describe('the board and the open record kept by incident events', () => {
  let t: TestApp;
  let officer: Session;
  let live: LiveConsole;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    live = await connectConsole(t.url, { cookie: officer.cookie });
  });
  afterAll(async () => {
    live?.close();
    await t?.close();
  });

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
    (await t.app.inject(as(officer, { method, url: `/api${url}`, ...(payload ? { payload } : {}) }))).json();
  /** Waits for the next event of a type and hands it to the console's rule for it. */
  const apply = async (client: ReturnType<typeof createQueryClient>, type: EventType, from: number) => {
    const events = await live.receivedCount(from + 1);
    const event = events[from] as AnyDutyEvent;
    expect(event.type).toBe(type);
    const rule = LIVE_CACHE[event.type] as { patch?: (c: typeof client, e: AnyDutyEvent) => void };
    rule.patch?.(client, event);
  };
  const open = (client: ReturnType<typeof createQueryClient>) =>
    client.getQueryData<BoardList>(incidentBoardKey('open'))?.incidents ?? [];
  const closed = (client: ReturnType<typeof createQueryClient>) =>
    client.getQueryData<BoardList>(incidentBoardKey('closed'))?.incidents ?? [];

  it('a card created while the board is read is on it; a verified one moves at once; a closed one changes lists', async () => {
    const client = createQueryClient();
    // The board's first read is under way (the server answered before the call came in) …
    const before: BoardList = await api('GET', '/incidents/board?stage=open&limit=5000');
    expect(before.incidents).toEqual([]);
    let answer!: (list: BoardList) => void;
    const reading = readBoard('open', new Promise<BoardList>((resolve) => (answer = resolve)));
    // … when a call is recorded: its event lands before the read's answer.
    const a = await api('POST', '/incidents', CALL);
    await apply(client, 'incident.created', 0);
    answer(before);
    client.setQueryData(incidentBoardKey('open'), await reading);
    client.setQueryData<BoardList>(incidentBoardKey('closed'), { incidents: [] });
    expect(open(client).map((i) => [i.id, i.stage, i.grade, i.nextKind])).toEqual([
      [a.id, 'received', 'III', 'initial_written'],
    ]);

    const detail: IncidentDetail = await api('GET', `/incidents/${a.id}`);
    client.setQueryData(incidentDetailKey(a.id), detail);
    await api('POST', `/incidents/${a.id}/verify`);
    await apply(client, 'incident.verified', 1);
    // The open record shows the card's headline at once and is marked stale: its obligations,
    // reports and actions are read again, not taken from the event (which no longer carries them).
    expect(client.getQueryData<IncidentDetail>(incidentDetailKey(a.id))?.incident.stage).toBe('verified');
    expect(client.getQueryData<IncidentDetail>(incidentDetailKey(a.id))?.incident.obligations).toEqual(
      detail.incident.obligations,
    );
    expect(client.getQueryState(incidentDetailKey(a.id))?.isInvalidated).toBe(true);
    // The board within its batching window.
    await settle(150);
    expect(open(client).map((i) => [i.id, i.stage])).toEqual([[a.id, 'verified']]);

    await api('POST', `/incidents/${a.id}/reports`, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区总值班室',
    });
    await apply(client, 'incident.reported', 2);
    await api('POST', `/incidents/${a.id}/reports`, {
      kind: 'final',
      channel: 'phone',
      recipient: '区总值班室',
    });
    await apply(client, 'incident.reported', 3);
    await api('POST', `/incidents/${a.id}/close`, { outcome: '现场清理完毕' });
    await apply(client, 'incident.closed', 4);
    await settle(150);
    expect(open(client)).toEqual([]);
    expect(closed(client).map((i) => [i.id, i.stage])).toEqual([[a.id, 'closed']]);
  });
});
