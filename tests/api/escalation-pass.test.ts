import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../server/db/connect';
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
import { freshDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { walCommits } from '../helpers/wal';

/**
 * The scanner's pass over the event log's escalation triggers is one transaction, however many
 * reports arrived since the last pass: each report is a trigger, and a commit (an fsync) for each
 * would double what every report costs the disk and stall the reports arriving during the pass.
 * Counted from the write-ahead log itself (tests/helpers/wal.ts).
 */

const START = '2026-03-04T18:50:00.000Z';
const CHAIN = { delayMinutes: 10, steps: [{ label: '备班领导', name: '赵敏', phone: '13800000001' }] };

describe('a pass over the escalation triggers', () => {
  let t: TestApp;
  let file: string;
  let officer: Session;
  let admin: Session;
  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    file = sqlitePath(database.url);
    // checkpointMs 0: the log is counted, so no worker may checkpoint and restart it meanwhile.
    t = await startApp({
      databaseUrl: database.url,
      clock: fixedClock(START),
      config: { scanMs: 60_000, checkpointMs: 0, groupCommitMs: 0 },
    });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const put = await t.app.inject(
      as(admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }),
    );
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(() => t.close());

  it('starts an escalation for each report but a drill, in one commit', async () => {
    for (let i = 0; i < 12; i++) {
      const payload = { ...CALL, summary: `第${i + 1}起`, ...(i % 6 === 5 ? { drill: true } : {}) };
      const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const outside = new SQLite(file);
    outside.pragma('wal_checkpoint(TRUNCATE)');
    outside.close();
    await t.app.scanner.runOnce();
    expect(walCommits(file)).toBe(1);
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/escalations?status=all' }));
    const titles = (res.json().escalations as { title: string }[]).map((e) => e.title);
    expect(titles).toHaveLength(10);
    expect(titles.every((title) => title.startsWith('新事件'))).toBe(true);
    // The next pass finds nothing new and writes nothing.
    await t.app.scanner.runOnce();
    expect(walCommits(file)).toBe(1);
  });
});
