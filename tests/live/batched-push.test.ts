import type { AnyDutyEvent } from '@shared/events';
import type { IncidentIntake } from '@shared/schemas/incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import { createIncident } from '../../server/modules/incidents/intake';
import { signInAdmin, startApp, type TestApp } from '../helpers/app';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole, type LiveConsole } from '../helpers/live-client';
import { buildUnitsWorld, type UnitsWorld } from '../helpers/units';

/**
 * Commands committed together (one group commit on SQLite) reach each console as one message
 * carrying its share of their events, in seq order, each chained to the one before it — and a
 * console whose audience has none of them gets nothing.
 */

interface Counted {
  console: LiveConsole;
  /** The messages that reached it: how many events each carried. */
  messages: number[];
}

async function counted(url: string, cookie: string): Promise<Counted> {
  const c = await connectConsole(url, { cookie });
  const messages: number[] = [];
  c.socket.on('event', () => messages.push(1));
  c.socket.on('events', (events: AnyDutyEvent[]) => messages.push(events.length));
  return { console: c, messages };
}

describe('a group commit pushed as one message per console', () => {
  let t: TestApp;
  let world: UnitsWorld;
  beforeAll(async () => {
    t = await startApp({ listen: true, config: { scanMs: 60_000 } });
    world = await buildUnitsWorld(t.app, await signInAdmin(t.app));
  });
  afterAll(async () => {
    closeAllConsoles();
    await t.close();
  });

  it('sends each console its share of a batch in one message, chained, and nothing to a unit with no share', async () => {
    const admin = await signInAdmin(t.app);
    const district = await counted(t.url, admin.cookie);
    const townA = await counted(t.url, world.officerA.cookie);
    const community = await counted(t.url, world.informantA1.cookie);
    // Each console's catch-up on connecting ends in a heartbeat; wait for it before the batch.
    for (const c of [district, townA, community]) await c.console.nextHeartbeat();
    const head = await headSeq(t.app.db);
    const districtActor = { name: 'admin', unitId: 1, unitPath: '/1/' };
    const townActor = { name: 'town-a', unitId: world.a.id, unitPath: world.a.path };
    const zone = t.app.config.tzName;
    // Submitted in one turn of the event loop: one batch, one commit.
    const created = await Promise.all(
      [districtActor, townActor, districtActor, townActor, districtActor].map((actor, i) =>
        t.app.command(actor, (tx) =>
          createIncident(tx, { ...CALL, summary: `batch ${i}` } as IncidentIntake, zone),
        ),
      ),
    );
    expect(created.map((i) => i.summary)).toEqual(['batch 0', 'batch 1', 'batch 2', 'batch 3', 'batch 4']);

    await district.console.appliedUpTo(head + 5);
    await townA.console.appliedUpTo(head + 4);
    // The district reads all five, in one message, each after the one before it.
    expect(district.messages).toEqual([5]);
    expect(district.console.received.map((e) => e.seq)).toEqual([
      head + 1,
      head + 2,
      head + 3,
      head + 4,
      head + 5,
    ]);
    expect(district.console.prevSeqs).toEqual([head, head + 1, head + 2, head + 3, head + 4]);
    // The township reads its own two, in one message; the second is chained to the first, not to
    // the district's event between them.
    expect(townA.messages).toEqual([2]);
    expect(townA.console.received.map((e) => e.seq)).toEqual([head + 2, head + 4]);
    expect(townA.console.prevSeqs[1]).toBe(head + 2);
    expect(townA.console.applied.map((e) => e.seq)).toEqual([head + 2, head + 4]);
    // The community below it reads none of them (a township's incident is not its own).
    const beat = await community.console.nextHeartbeat();
    expect(beat.headSeq).toBeLessThanOrEqual(head);
    expect(community.messages).toEqual([]);
  });
});
