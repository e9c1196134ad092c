import type { User } from '@shared/schemas/users';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import { createUser, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole, type LiveConsole, range, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live sync and heartbeat on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let subject: User;
  let renames = 0;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    subject = await createUser(t.app, admin, { username: 'synced', roles: ['officer'] });
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  async function rename(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${subject.id}`,
        headers: admin.headers,
        payload: { displayName: `Synced ${++renames}` },
      });
      expect(res.statusCode).toBe(200);
    }
  }

  /** A console that has applied `count` fresh changes; returns it and the seq before them. */
  async function consoleWith(count: number): Promise<{ c: LiveConsole; before: number }> {
    const before = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: before });
    await rename(count);
    await c.appliedUpTo(before + count);
    return { c, before };
  }

  it('re-sends everything after N before it acks, and a console applying by seq ignores the repeats', async () => {
    const { c, before } = await consoleWith(10);
    const ack = await c.sync(before + 3);
    expect(ack).toEqual({ ok: true, headSeq: before + 10 });
    // Same connection, so everything sent before the ack has arrived by now.
    expect(c.received.map((e) => e.seq)).toEqual([...range(before + 1, 10), ...range(before + 4, 7)]);
    expect(c.received.slice(10)).toEqual(c.received.slice(3, 10));
    expect(c.applied.map((e) => e.seq)).toEqual(range(before + 1, 10));
    expect(c.lastSeq).toBe(before + 10);

    // Live delivery carries on after the repeat, with no further duplicates.
    await rename(2);
    await c.appliedUpTo(before + 12);
    await settle();
    expect(c.received.map((e) => e.seq).slice(17)).toEqual([before + 11, before + 12]);
  });

  it('sync {after: 0} re-sends the whole log in order', async () => {
    const { c } = await consoleWith(3);
    const head = await headSeq(t.app.db);
    const countBefore = c.received.length;
    const ack = await c.sync(0);
    expect(ack).toEqual({ ok: true, headSeq: head });
    expect(c.received.slice(countBefore).map((e) => e.seq)).toEqual(range(1, head));
  });

  it('sync after the head sends nothing and still acks the head', async () => {
    const { c, before } = await consoleWith(2);
    const countBefore = c.received.length;
    expect(await c.sync(before + 2)).toEqual({ ok: true, headSeq: before + 2 });
    expect(await c.sync(before + 1000)).toEqual({ ok: true, headSeq: before + 2 });
    await settle();
    expect(c.received).toHaveLength(countBefore);
  });

  it.each([[-1], [1.5], ['abc'], [undefined]])(
    'refuses sync {after: %s} without sending anything',
    async (after) => {
      const { c, before } = await consoleWith(1);
      const countBefore = c.received.length;
      const ack = await c.socket.timeout(5000).emitWithAck('sync', { after } as unknown as { after: number });
      expect(ack.ok).toBe(false);
      await settle();
      expect(c.received).toHaveLength(countBefore);
      expect(c.lastSeq).toBe(before + 1);
    },
  );

  it('answers each of several overlapping syncs only after its events were sent, with the head', async () => {
    const { c, before } = await consoleWith(5);
    const head = before + 5;
    const from = c.received.length;
    const afters = [before, before, before + 2];
    const answers = await Promise.all(
      afters.map((after) =>
        c.sync(after).then((ack) => ({ ack, sentSince: c.received.slice(from).map((e) => e.seq) })),
      ),
    );
    answers.forEach(({ ack, sentSince }, i) => {
      expect(ack).toEqual({ ok: true, headSeq: head });
      expect(sentSince).toEqual(expect.arrayContaining(range(afters[i]! + 1, head - afters[i]!)));
    });
    // Whatever was re-sent, nothing is missing or out of order for a console applying by seq.
    expect(c.applied.map((e) => e.seq)).toEqual(range(before + 1, 5));
    expect(c.received.at(-1)?.seq).toBe(head);
  });

  it('answers a sync sent right on connect after the backlog, with the head', async () => {
    const before = await headSeq(t.app.db);
    await rename(150);
    const c = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: before });
    // The connect-time backfill may still be going out when this arrives.
    const ack = await c.sync(before);
    expect(ack).toEqual({ ok: true, headSeq: before + 150 });
    expect(c.received.map((e) => e.seq)).toEqual(expect.arrayContaining(range(before + 1, 150)));
    expect(c.applied.map((e) => e.seq)).toEqual(range(before + 1, 150));
  });

  it('beats with the head seq, which follows every change', async () => {
    const { c, before } = await consoleWith(4);
    const beat = await c.nextHeartbeat((b) => b.headSeq === before + 4);
    expect(Date.parse(beat.at)).not.toBeNaN();
    await rename(1);
    await c.nextHeartbeat((b) => b.headSeq === before + 5);
    const later = await c.nextHeartbeat();
    expect(later.headSeq).toBe(await headSeq(t.app.db));
    expect(later.headSeq).toBe(c.lastSeq);
  });

  it('a console that learns from the heartbeat it is behind backfills with sync', async () => {
    // A console that starts at the head a beat announced, then asks for what it lacks since `before`.
    const { c, before } = await consoleWith(6);
    const beat = await c.nextHeartbeat();
    expect(beat.headSeq).toBe(before + 6);
    const fresh = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: beat.headSeq });
    expect(await fresh.sync(before)).toEqual({ ok: true, headSeq: before + 6 });
    expect(fresh.received.map((e) => e.seq)).toEqual(range(before + 1, 6));
  });
});
