import type { AnyDutyEvent } from '@shared/events';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/connect';
import type { Tx } from '../../server/events/command';
import { headSeq } from '../../server/events/read';
import { createUser, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole } from '../helpers/live-client';
import { walCommits } from '../helpers/wal';

// Group commit (issue 18 point 1): commands that arrive together share one SQLite transaction and
// its one fsync, each in its own savepoint. Commits are counted in the write-ahead log's file and
// visibility is judged from a second connection to the same file, never by asking the code itself.

/** A second connection to the app's file: what is committed, as any other reader sees it. */
function outsideReader(t: TestApp) {
  const file = sqlitePath(t.app.config.databaseUrl);
  const db = new SQLite(file, { readonly: true });
  return {
    file,
    eventSeqs: (subject: string) =>
      (
        db.prepare('select seq from events where subject = ? order by seq').all(subject) as { seq: number }[]
      ).map((r) => r.seq),
    phone: (userId: number) =>
      (db.prepare('select phone from users where id = ?').get(userId) as { phone: string | null }).phone,
    close: () => db.close(),
  };
}

/** Empties the write-ahead log, so that walCommits counts only what follows. */
function resetWal(t: TestApp): void {
  t.app.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
}

/** A command as a service writes one: a row changed and its event recorded. */
const setPhone = (tx: Tx, userId: number, phone: string) =>
  tx.trx
    .updateTable('users')
    .set({ phone })
    .where('id', '=', userId)
    .execute()
    .then(() =>
      tx.record({
        type: 'user.password_reset',
        subject: `user:${userId}`,
        payload: { userId, username: `u${userId}` },
      }),
    );

describe('group commit on SQLite', () => {
  let t: TestApp;
  let admin: Session;
  let outside: ReturnType<typeof outsideReader>;
  const users: number[] = [];
  beforeAll(async () => {
    // The scanner stays out of the way: its writes would be commits of their own.
    // checkpointMs 0: the log is counted here, so no worker may checkpoint and restart it meanwhile.
    t = await startApp({ listen: true, config: { scanMs: 60_000, checkpointMs: 0 } });
    expect(t.app.config.groupCommitMs).toBe(2);
    admin = await signInAdmin(t.app);
    for (let i = 0; i < 6; i++)
      users.push((await createUser(t.app, admin, { username: `gc-${i}`, roles: ['officer'] })).id);
    outside = outsideReader(t);
  });
  afterEach(() => closeAllConsoles());
  afterAll(async () => {
    outside.close();
    await t.close();
  });

  it('commits commands that arrive together in one transaction, in the order they arrived', async () => {
    const head = await headSeq(t.app.db);
    resetWal(t);
    const done = await Promise.all(
      users.slice(0, 5).map((id, i) => t.app.command('admin', (tx) => setPhone(tx, id, `10${i}`))),
    );
    expect(walCommits(outside.file)).toBe(1);
    expect(done.map((e) => e.seq)).toEqual([head + 1, head + 2, head + 3, head + 4, head + 5]);
    expect(users.slice(0, 5).map((id) => outside.phone(id))).toEqual(['100', '101', '102', '103', '104']);
    expect(users.slice(0, 5).map((id) => outside.eventSeqs(`user:${id}`).at(-1))).toEqual([
      head + 1,
      head + 2,
      head + 3,
      head + 4,
      head + 5,
    ]);
    // The hash chain runs through the batch as through single commits.
    const verify = await t.app.inject({ method: 'GET', url: '/api/events/verify', headers: admin.headers });
    expect(verify.json()).toMatchObject({ ok: true, headSeq: head + 5 });
  });

  it('rolls back only the command that throws: its caller gets its error, the others commit', async () => {
    const head = await headSeq(t.app.db);
    const [a, b, c] = users as [number, number, number];
    const before = { b: outside.phone(b), bEvents: outside.eventSeqs(`user:${b}`) };
    const refusal = new Error('refused after writing');
    resetWal(t);
    const outcome = await Promise.allSettled([
      t.app.command('admin', (tx) => setPhone(tx, a, '201')),
      t.app.command('admin', async (tx) => {
        await setPhone(tx, b, '202');
        throw refusal;
      }),
      t.app.command('admin', (tx) => setPhone(tx, c, '203')),
    ]);
    expect(outcome[0]).toMatchObject({ status: 'fulfilled', value: { seq: head + 1 } });
    expect(outcome[1]).toEqual({ status: 'rejected', reason: refusal });
    // The thrower's event took seq head + 2 inside its savepoint; rolled back, the next one takes it.
    expect(outcome[2]).toMatchObject({ status: 'fulfilled', value: { seq: head + 2 } });
    expect(walCommits(outside.file)).toBe(1);
    expect([outside.phone(a), outside.phone(b), outside.phone(c)]).toEqual(['201', before.b, '203']);
    expect(outside.eventSeqs(`user:${b}`)).toEqual(before.bEvents);
    expect(await headSeq(t.app.db)).toBe(head + 2);
    const verify = await t.app.inject({ method: 'GET', url: '/api/events/verify', headers: admin.headers });
    expect(verify.json()).toMatchObject({ ok: true, headSeq: head + 2 });
  });

  it('fails the whole batch, telling every caller, when a command ends the shared transaction itself', async () => {
    const [a, b, c] = users as [number, number, number];
    const head = await headSeq(t.app.db);
    const phones = [outside.phone(a), outside.phone(c)];
    // As SQLite does on a full disk or an I/O error: the transaction is gone, not just the statement.
    const broken = new Error('the transaction ended under me');
    const outcome = await Promise.allSettled([
      t.app.command('admin', (tx) => setPhone(tx, a, '251')),
      t.app.command('admin', async (tx) => {
        await sql`rollback`.execute(tx.trx);
        throw broken;
      }),
      t.app.command('admin', (tx) => setPhone(tx, c, '253')),
    ]);
    expect(outcome).toEqual([
      { status: 'rejected', reason: broken },
      { status: 'rejected', reason: broken },
      { status: 'rejected', reason: broken },
    ]);
    expect([outside.phone(a), outside.phone(c)]).toEqual(phones);
    expect(await headSeq(t.app.db)).toBe(head);
    // The connection is free again: the next command commits.
    const next = await t.app.command('admin', (tx) => setPhone(tx, b, '254'));
    expect(next.seq).toBe(head + 1);
    expect(outside.phone(b)).toBe('254');
  });

  it('answers no caller before the shared commit, and every caller once it is on disk', async () => {
    const [a, b] = users as [number, number];
    const head = await headSeq(t.app.db);
    let firstAnswered = false;
    const seenDuringSecond: { answered: boolean; visible: number[] }[] = [];
    const first = t.app
      .command('admin', (tx) => setPhone(tx, a, '301'))
      .then((event) => {
        firstAnswered = true;
        // Answered: committed, as another connection sees it.
        expect(outside.eventSeqs(`user:${a}`)).toContain(event.seq);
        return event;
      });
    const second = t.app.command('admin', async (tx) => {
      // The first command's work is done, but its batch has not committed: it is not answered yet.
      seenDuringSecond.push({ answered: firstAnswered, visible: outside.eventSeqs(`user:${a}`) });
      return setPhone(tx, b, '302');
    });
    const [e1, e2] = await Promise.all([first, second]);
    expect([e1.seq, e2.seq]).toEqual([head + 1, head + 2]);
    expect(seenDuringSecond).toHaveLength(1);
    expect(seenDuringSecond[0]!.answered).toBe(false);
    expect(seenDuringSecond[0]!.visible).not.toContain(head + 1);
  });

  it('answers each HTTP intake of a batch only when its incident and event are committed', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: 'group commit intake' },
    });
    expect(created.statusCode).toBe(201);
    const bearer = `Bearer ${created.json().secret}`;
    resetWal(t);
    const checks = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const res = await fetch(`${t.url}/api/incidents`, {
          method: 'POST',
          headers: {
            authorization: bearer,
            'content-type': 'application/json',
            'idempotency-key': `gc-intake-${i}`,
          },
          body: JSON.stringify({ ...CALL, source: 'api', summary: `${CALL.summary} #${i}` }),
        });
        const body = (await res.json()) as { id: number };
        // Read the moment the answer arrives, from another connection.
        return { status: res.status, seqs: outside.eventSeqs(`incident:${body.id}`) };
      }),
    );
    expect(checks.map((c) => c.status)).toEqual(Array(8).fill(201));
    for (const c of checks) expect(c.seqs).toHaveLength(1);
    // Eight requests, fewer commits (the token's first use writes its own; a loaded machine may split a batch).
    expect(walCommits(outside.file)).toBeLessThan(8);
  });

  it('publishes the events of a batch after its commit, in commit order, none of a command rolled back', async () => {
    const c = await connectConsole(t.url, { cookie: admin.cookie });
    const head = await headSeq(t.app.db);
    const visibleOnArrival: boolean[] = [];
    const arrived = (event: AnyDutyEvent) =>
      visibleOnArrival.push(outside.eventSeqs(event.subject).includes(event.seq));
    c.socket.on('event', arrived);
    c.socket.on('events', (events) => events.forEach(arrived));
    const outcome = await Promise.allSettled(
      users.slice(0, 6).map((id, i) =>
        t.app.command('admin', async (tx) => {
          const event = await setPhone(tx, id, `40${i}`);
          if (i === 2) throw new Error('third refused');
          return event;
        }),
      ),
    );
    expect(outcome.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const events = await c.receivedCount(5);
    expect(events.map((e) => [e.seq, e.subject])).toEqual([
      [head + 1, `user:${users[0]}`],
      [head + 2, `user:${users[1]}`],
      [head + 3, `user:${users[3]}`],
      [head + 4, `user:${users[4]}`],
      [head + 5, `user:${users[5]}`],
    ]);
    expect(visibleOnArrival).toEqual([true, true, true, true, true]);
  });
});

describe('the group commit window', () => {
  it('starts a batch at most DUTY_GROUP_COMMIT_MS after its first command, however many keep coming', async () => {
    const t = await startApp({ config: { scanMs: 60_000, groupCommitMs: 30, checkpointMs: 0 } });
    const outside = outsideReader(t);
    try {
      const head = await headSeq(t.app.db);
      const submittedAt: number[] = [];
      const startedAt: number[] = [];
      const firstVisibleWhenRun: boolean[] = [];
      const answers: Promise<unknown>[] = [];
      // A command every 3 ms (each turn of the event loop busy for 3 ms, as parsing a request is),
      // for 120 ms: without the window the first batch would keep gathering to its 32-command limit
      // (96 ms).
      await new Promise<void>((done) => {
        const next = () => {
          const until = performance.now() + 3;
          while (performance.now() < until) {}
          const n = submittedAt.length;
          submittedAt.push(performance.now());
          answers.push(
            t.app.command('system', async (tx) => {
              startedAt[n] = performance.now();
              firstVisibleWhenRun[n] = outside.eventSeqs('window:0').includes(head + 1);
              await tx.record({
                type: 'user.password_reset',
                subject: `window:${n}`,
                payload: { userId: n, username: 'w' },
              });
            }),
          );
          if (submittedAt.length < 40) setImmediate(next);
          else done();
        };
        setImmediate(next);
      });
      await Promise.all(answers);
      const waited = startedAt[0]! - submittedAt[0]!;
      expect(waited).toBeGreaterThanOrEqual(29);
      expect(waited).toBeLessThan(75);
      // The first batch gathered the commands of its window (about ten), not one and not its limit.
      const firstBatch = firstVisibleWhenRun.filter((visible) => !visible).length;
      expect(firstBatch).toBeGreaterThanOrEqual(3);
      expect(firstBatch).toBeLessThan(20);
      expect(await headSeq(t.app.db)).toBe(head + 40);
    } finally {
      outside.close();
      await t.close();
    }
  });

  it('DUTY_GROUP_COMMIT_MS=0: one transaction per command, as on PostgreSQL', async () => {
    const t = await startApp({ config: { scanMs: 60_000, groupCommitMs: 0, checkpointMs: 0 } });
    const outside = outsideReader(t);
    try {
      const head = await headSeq(t.app.db);
      resetWal(t);
      await Promise.all(
        [1, 2, 3, 4].map((n) =>
          t.app.command('system', (tx) =>
            tx.record({
              type: 'user.password_reset',
              subject: `single:${n}`,
              payload: { userId: n, username: 's' },
            }),
          ),
        ),
      );
      expect(walCommits(outside.file)).toBe(4);
      expect(await headSeq(t.app.db)).toBe(head + 4);
    } finally {
      outside.close();
      await t.close();
    }
  });
});
