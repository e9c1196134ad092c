import type { User } from '@shared/schemas/users';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../server/events/read';
import { createUser, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { closeAllConsoles, connectConsole, range, settle } from '../helpers/live-client';

describe.each(DIALECTS)('live catch-up on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let subject: User;
  let renames = 0;
  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    subject = await createUser(t.app, admin, { username: 'subject', roles: ['officer'] });
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  /** `count` changes one after the other, each one `user.updated` event; returns the names given. */
  async function rename(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const displayName = `Name ${++renames}`;
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${subject.id}`,
        headers: admin.headers,
        payload: { displayName },
      });
      expect(res.statusCode).toBe(200);
      names.push(displayName);
    }
    return names;
  }

  /** A console that applied up to the head, then went away while `count` changes happened. */
  async function awayDuring(count: number): Promise<{ lastSeq: number; names: string[] }> {
    const first = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: await headSeq(t.app.db) });
    await rename(1);
    const [seen] = await first.receivedCount(1);
    first.close();
    const names = await rename(count);
    return { lastSeq: seen!.seq, names };
  }

  it.each([60, 200])(
    'a console reconnecting with its lastSeq after %i changes gets all of them, in order, once',
    async (count) => {
      const { lastSeq, names } = await awayDuring(count);
      const back = await connectConsole(t.url, { cookie: admin.cookie, lastSeq });
      const events = await back.receivedCount(count);
      expect(events.map((e) => e.seq)).toEqual(range(lastSeq + 1, count));
      expect(events.map((e) => e.type)).toEqual(Array(count).fill('user.updated'));
      expect(events.map((e) => (e.type === 'user.updated' ? e.payload.user.displayName : null))).toEqual(
        names,
      );

      // Caught up: the live changes that follow come straight after, still contiguous.
      const more = await rename(5);
      const all = await back.receivedCount(count + 5);
      expect(all.map((e) => e.seq)).toEqual(range(lastSeq + 1, count + 5));
      expect(
        all.slice(count).map((e) => (e.type === 'user.updated' ? e.payload.user.displayName : null)),
      ).toEqual(more);
      await settle();
      expect(back.received).toHaveLength(count + 5);
      expect(back.applied).toHaveLength(count + 5);
    },
  );

  it('keeps order and loses nothing when changes happen while the backlog is being sent', async () => {
    const { lastSeq } = await awayDuring(200);
    const back = await connectConsole(t.url, { cookie: admin.cookie, lastSeq });
    // No waiting: these commit while the 200-event backlog is still going out.
    await rename(30);
    const events = await back.receivedCount(230);
    expect(events.map((e) => e.seq)).toEqual(range(lastSeq + 1, 230));
    await settle();
    expect(back.received).toHaveLength(230);
  });

  it('pages through a backlog longer than one read (1,200 events)', async () => {
    const lastSeq = await headSeq(t.app.db);
    await rename(1200);
    const back = await connectConsole(t.url, { cookie: admin.cookie, lastSeq });
    const events = await back.receivedCount(1200, 30_000);
    expect(events.map((e) => e.seq)).toEqual(range(lastSeq + 1, 1200));
    await settle();
    expect(back.received).toHaveLength(1200);
  }, 90_000);

  it('also catches up a console that reconnects several times', async () => {
    let lastSeq = await headSeq(t.app.db);
    const seen: number[] = [];
    for (let round = 0; round < 3; round++) {
      await rename(10);
      const c = await connectConsole(t.url, { cookie: admin.cookie, lastSeq });
      const events = await c.receivedCount(10);
      c.close();
      seen.push(...events.map((e) => e.seq));
      lastSeq = events.at(-1)!.seq;
    }
    expect(seen).toEqual(range(seen[0]!, 30));
  });
});
