import type { AnyDutyEvent } from '@shared/events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import {
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole, type LiveConsole, range, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live delivery under concurrent commits on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let secret: string;
  let batch = 0;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'watcher', roles: ['officer'] });
    officer = await signIn(t.app, 'watcher', USER_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'wall' },
    });
    secret = (res.json() as { secret: string }).secret;
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  /**
   * `count` changes fired at once, alternately a new person (only an administrator reads it) and an
   * incident (every signed-in person does); returns the subjects of each kind.
   */
  async function changeAtOnce(count: number): Promise<{ all: string[]; incidents: string[] }> {
    batch += 1;
    const responses = await Promise.all(
      range(1, count).map((i) =>
        i % 2
          ? t.app.inject({
              method: 'POST',
              url: '/api/users',
              headers: admin.headers,
              payload: {
                username: `b${batch}-u${i}`,
                displayName: `User ${i}`,
                password: USER_PASSWORD,
                roles: ['officer'],
              },
            })
          : t.app.inject({ method: 'POST', url: '/api/incidents', headers: officer.headers, payload: CALL }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(count).fill(201));
    const subjects = responses.map((r, i) => `${i % 2 === 0 ? 'user' : 'incident'}:${r.json().id}`);
    return { all: subjects, incidents: subjects.filter((s) => s.startsWith('incident:')) };
  }

  /** The log after `head`, as the audit trail has it. */
  async function logAfter(head: number): Promise<AnyDutyEvent[]> {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events?after=${head}&limit=1000`,
      headers: admin.headers,
    });
    return (res.json() as { events: AnyDutyEvent[] }).events;
  }

  /** Everything after `head`, each once, in seq order, no gap. */
  function expectExactly(c: LiveConsole, head: number, subjects: string[]): void {
    expect(c.received.map((e) => e.seq)).toEqual(range(head + 1, subjects.length));
    expect(new Set(c.received.map((e) => e.subject))).toEqual(new Set(subjects));
  }

  /** Only the incidents after `head`: each once, in seq order, each sent with the one before it. */
  async function expectIncidentsOnly(c: LiveConsole, head: number, incidents: string[]): Promise<void> {
    const expected = (await logAfter(head)).filter((e) => incidents.includes(e.subject)).map((e) => e.seq);
    expect(expected).toHaveLength(incidents.length);
    expect(c.received.map((e) => e.seq)).toEqual(expected);
    expect(c.received.every((e) => e.type === 'incident.created')).toBe(true);
    expect(c.prevSeqs).toEqual([head, ...expected.slice(0, -1)]);
    expect(c.applied.map((e) => e.seq)).toEqual(expected);
  }

  it('gives each of 3 consoles what it may read of 50 parallel changes exactly once, seq by seq', async () => {
    const head = await headSeq(t.app.db);
    const [adminConsole, officerConsole, tokenConsole] = [
      await connectConsole(t.url, { cookie: admin.cookie }),
      await connectConsole(t.url, { cookie: officer.cookie }),
      await connectConsole(t.url, { token: secret }),
    ];
    const { all, incidents } = await changeAtOnce(50);
    await adminConsole!.receivedCount(50);
    await officerConsole!.receivedCount(25);
    await settle();
    expectExactly(adminConsole!, head, all);
    await expectIncidentsOnly(officerConsole!, head, incidents);
    expect(tokenConsole!.received).toEqual([]);
  });

  it('also for consoles that connect with their lastSeq in the middle of the burst', async () => {
    const head = await headSeq(t.app.db);
    const early = await connectConsole(t.url, { cookie: officer.cookie, lastSeq: head });
    const burst = changeAtOnce(50);
    const [late, lateOfficer, lateToken] = await Promise.all([
      connectConsole(t.url, { cookie: admin.cookie, lastSeq: head }),
      connectConsole(t.url, { cookie: officer.cookie, lastSeq: head }),
      connectConsole(t.url, { token: secret, lastSeq: head }),
    ]);
    const { all, incidents } = await burst;
    await late.receivedCount(50);
    for (const c of [early, lateOfficer]) await c.receivedCount(25);
    await settle();
    expectExactly(late, head, all);
    for (const c of [early, lateOfficer]) await expectIncidentsOnly(c, head, incidents);
    expect(lateToken.received).toEqual([]);
  });

  it('stays exact over several bursts in a row, with a console reconnecting between them', async () => {
    const head = await headSeq(t.app.db);
    const steady = await connectConsole(t.url, { cookie: admin.cookie });
    const all: string[] = [];
    let lastSeq = head;
    for (let round = 0; round < 3; round++) {
      const hopping = await connectConsole(t.url, { cookie: officer.cookie, lastSeq });
      const changes = await changeAtOnce(20);
      all.push(...changes.all);
      await hopping.receivedCount(10);
      await settle(300);
      await expectIncidentsOnly(hopping, lastSeq, changes.incidents);
      // Reconnects with the last seq it applied, an incident's: the people after it are not its own.
      lastSeq = hopping.received.at(-1)!.seq;
      hopping.close();
    }
    await steady.receivedCount(60);
    await settle();
    expectExactly(steady, head, all);
  });
});
