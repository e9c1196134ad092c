import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

describe.each(DIALECTS)('the event log on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect });
    admin = await signInAdmin(t.app);
    for (let i = 0; i < 5; i++)
      await createUser(t.app, admin, { username: `person${i}`, roles: ['officer'] });
  });
  afterAll(() => t.close());

  const verify = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events/verify' }))).json();

  it('pages in seq order after a given seq, contiguous from 1', async () => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?after=0&limit=3' }));
    const seqs = res.json().events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([1, 2, 3]);
    const rest = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?after=3&limit=1000' }))
    ).json();
    expect(rest.events[0].seq).toBe(4);
    expect(rest.events.at(-1).seq).toBe(rest.headSeq);
  });

  it('verifies an untouched chain', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, brokenAt: null });
    expect(report.checked).toBe(report.headSeq);
  });

  it('detects an altered payload, then a removed event', async () => {
    const row = await t.app.db
      .selectFrom('events')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await t.app.db
      .updateTable('events')
      .set({ payload: row.payload.replace('person', 'intruder') })
      .where('seq', '=', 3)
      .execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3 });
    await t.app.db.updateTable('events').set({ payload: row.payload }).where('seq', '=', 3).execute();
    expect((await verify()).ok).toBe(true);
    await t.app.db.deleteFrom('events').where('seq', '=', 4).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('is for administrators only', async () => {
    await createUser(t.app, admin, { username: 'reader', roles: ['leader'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/events' })).statusCode).toBe(401);
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact log and 1 on a broken one', async () => {
    const t = await startApp();
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'someone', roles: ['officer'] });
    const run = () => {
      try {
        return {
          code: 0,
          out: execFileSync('npx', ['tsx', 'server/cli/audit-verify.ts'], {
            env: { ...process.env, DATABASE_URL: t.app.config.databaseUrl },
            encoding: 'utf8',
          }),
        };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    expect(run()).toMatchObject({ code: 0, out: expect.stringContaining('event log intact') });
    await t.app.db.updateTable('events').set({ actor: 'somebody-else' }).where('seq', '=', 2).execute();
    expect(run()).toMatchObject({ code: 1, out: expect.stringContaining('BROKEN at seq 2') });
    await t.close();
  });
});
