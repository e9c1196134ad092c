import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handover } from '@shared/schemas/handover';
import type { Shift } from '@shared/schemas/roster';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
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
import { DIALECTS, type Dialect, freshDatabase, type TestDatabase } from '../helpers/databases';
import { publishMarch } from '../helpers/roster';

const AUDIT_KEY = '6f1c0e2b9a7d4c3e8b5a1f0d2c4e6a8b9d7f5e3c1a0b2d4f6e8a0c2e4b6d8f0a';
const WRONG_KEY = '0000000000000000000000000000000000000000000000000000000000000000';

interface EventRow {
  seq: number;
  at: string;
  type: string;
  actor: string;
  subject: string;
  payload: string;
  prev_hash: string;
  hash: string;
  alg: string;
}

/** The attacker's own chain formula, written here and not imported from the server. */
const message = (prev: string, r: EventRow) =>
  JSON.stringify([prev, Number(r.seq), r.at, r.type, r.actor, r.subject, r.payload]);
const sha = (prev: string, r: EventRow) => createHash('sha256').update(message(prev, r)).digest('hex');
const hmacWith = (key: string) => (prev: string, r: EventRow) =>
  createHmac('sha256', key).update(message(prev, r)).digest('hex');

async function eventRows(t: TestApp): Promise<EventRow[]> {
  const { rows } = await sql<EventRow>`select * from events order by seq`.execute(t.app.db);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * What someone with write access to the database does: edits event `from` and recomputes every
 * later link so the chain still walks. `alg` set: also rewrites the stored algorithm.
 */
async function rewriteFrom(
  t: TestApp,
  from: number,
  edit: (r: EventRow) => EventRow,
  hash: (prev: string, r: EventRow) => string,
  alg?: string,
): Promise<void> {
  const all = await eventRows(t);
  let prev = all.find((r) => r.seq === from - 1)?.hash ?? '0'.repeat(64);
  for (const original of all.filter((r) => r.seq >= from)) {
    const r = original.seq === from ? edit(original) : original;
    const next = hash(prev, r);
    const marked = alg === undefined ? sql`` : sql`, alg = ${alg}`;
    await sql`update events set actor = ${r.actor}, payload = ${r.payload}, prev_hash = ${prev},
      hash = ${next}${marked} where seq = ${r.seq}`.execute(t.app.db);
    prev = next;
  }
}

async function restore(t: TestApp, rows: EventRow[]): Promise<void> {
  for (const r of rows)
    await sql`update events set actor = ${r.actor}, payload = ${r.payload}, prev_hash = ${r.prev_hash},
      hash = ${r.hash}${r.alg === undefined ? sql`` : sql`, alg = ${r.alg}`} where seq = ${r.seq}`.execute(
      t.app.db,
    );
}

/** The PDF's text (poppler-utils' pdftotext: installed by CI, required here). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-pdf-'));
  try {
    writeFileSync(join(dir, 'h.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NAMES: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊' };

/**
 * March published; the officer of 03-05 hands over at 08:20 on 03-06 and the one of 03-06 signs
 * at 08:35, sealing it. Scanner passes only when the test asks (no timer during the test).
 */
async function sealedHandover(
  dbUrl: string,
  auditKey?: string,
): Promise<{ t: TestApp; admin: Session; handover: Handover; incoming: string }> {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  const t = await startApp({ databaseUrl: dbUrl, clock, config: { scanMs: 60_000, auditKey } });
  const setup = await signInAdmin(t.app);
  const ids: number[] = [];
  for (const name of Object.keys(NAMES))
    ids.push(
      (await createUser(t.app, setup, { username: name, roles: ['officer'], displayName: NAMES[name] })).id,
    );
  const leader = await createUser(t.app, setup, { username: 'liuqiang', roles: ['leader'] });
  const march = await publishMarch(t.app, setup, {
    officers: ids,
    leaders: [leader.id],
    overrideReason: 'test',
  });
  const officerOn = (day: string) =>
    Object.keys(NAMES).find(
      (u) =>
        NAMES[u] === march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!.userName,
    )!;
  const outgoing = officerOn('2026-03-05');
  const incoming = officerOn('2026-03-06');
  clock.set('2026-03-06T00:20:00Z');
  const out = await signIn(t.app, outgoing, USER_PASSWORD);
  const submitted = await t.app.inject(
    as(out, { method: 'POST', url: '/api/handovers', payload: { content: [], pending: [] } }),
  );
  expect(submitted.statusCode).toBe(201);
  clock.set('2026-03-06T00:35:00Z');
  const inc = await signIn(t.app, incoming, USER_PASSWORD);
  const admin = await signInAdmin(t.app);
  const accepted = await t.app.inject(
    as(inc, {
      method: 'POST',
      url: `/api/handovers/${submitted.json().id}/accept`,
      payload: { confirmed: [] },
    }),
  );
  expect(accepted.statusCode).toBe(200);
  return { t, admin, handover: accepted.json(), incoming };
}

describe.each(DIALECTS)('audit checkpoints on %s', (dialect: Dialect) => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: Session;
  let handover: Handover;
  let incoming: string;
  let sealSeq: number;
  let sealHash: string;
  const verify = async (query = '') =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/events/verify${query}` }))).json();

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ t, admin, handover, incoming } = await sealedHandover(db.url));
    const seal = (await eventRows(t)).filter((r) => r.type === 'handover.accepted');
    expect(seal).toHaveLength(1);
    sealSeq = seal[0]!.seq;
    sealHash = seal[0]!.hash;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('records the seal event as the handover checkpoint and prints it on the handover', async () => {
    // The seal is the last event: nothing was recorded after it.
    expect(sealSeq).toBe((await eventRows(t)).at(-1)!.seq);
    expect(handover.anchor).toEqual({ seq: sealSeq, hash: sealHash });
    const inc = await signIn(t.app, incoming, USER_PASSWORD);
    const line = `审计锚点：事件序号 ${sealSeq}，哈希 ${sealHash.slice(0, 16)}…`;
    const md = await t.app.inject(as(inc, { method: 'GET', url: `/api/handovers/${handover.id}.md` }));
    expect(md.body).toContain(line);
    const pdf = await t.app.inject(as(inc, { method: 'GET', url: `/api/handovers/${handover.id}.pdf` }));
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(line);
    const again = await t.app.inject(as(inc, { method: 'GET', url: `/api/handovers/${handover.id}` }));
    expect(again.json().anchor).toEqual({ seq: sealSeq, hash: sealHash });
    const { rows } = await sql<{ ref: string; seq: number; hash: string }>`
      select ref, seq, hash from audit_checkpoints where kind = 'handover'`.execute(t.app.db);
    expect(rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual([
      { ref: `handover:${handover.id}`, seq: sealSeq, hash: sealHash },
    ]);
    // The database refuses to change a checkpoint.
    await expect(sql`update audit_checkpoints set hash = 'x'`.execute(t.app.db)).rejects.toThrow();
    await expect(sql`delete from audit_checkpoints`.execute(t.app.db)).rejects.toThrow();
  });

  it('passes an untouched log, with the paper anchor too', async () => {
    const report = await verify(`?expect=${sealSeq}:${sealHash.slice(0, 16)}`);
    expect(report).toMatchObject({ ok: true, brokenAt: null, problems: [], keyedFrom: null });
    expect(report.checkpoints).toBeGreaterThanOrEqual(2);
    const wrong = await verify(`?expect=${sealSeq}:0123456789abcdef`);
    expect(wrong).toMatchObject({ ok: false, brokenAt: sealSeq });
    expect(wrong.reason).toContain(`event ${sealSeq} was rewritten`);
  });

  it('fails when the tail and its hashes are rewritten with plain SHA-256, naming the checkpoint', async () => {
    const saved = await eventRows(t);
    const target = sealSeq - 3;
    await rewriteFrom(t, target, (r) => ({ ...r, actor: 'intruder' }), sha);
    const report = await verify();
    // The attacker's chain walks (every link recomputed) …
    expect(report.checked).toBe(saved.at(-1)!.seq);
    // … but the handover's checkpoint remembers the hash the seal event had.
    expect(report).toMatchObject({ ok: false, brokenAt: sealSeq });
    expect(report.reason).toContain(`event ${sealSeq} was rewritten`);
    expect(report.reason).toContain(`checkpoint of handover #${handover.id}`);
    expect(report.reason).toContain(sealHash.slice(0, 16));
    await restore(t, saved);
    expect((await verify()).ok).toBe(true);
  });

  it('fails when the last events are deleted, naming them and the handover checkpoint', async () => {
    await sql`delete from events where seq >= ${sealSeq - 1}`.execute(t.app.db);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, brokenAt: sealSeq - 1, headSeq: sealSeq - 2 });
    expect(report.reason).toContain(`events ${sealSeq - 1}..${sealSeq} missing`);
    expect(report.reason).toContain(`checkpoint of handover #${handover.id} at seq ${sealSeq}`);
  });
});

describe.each(DIALECTS)('an HMAC-keyed chain (AUDIT_KEY) on %s', (dialect: Dialect) => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: Session;
  let plainHead: number;
  const verify = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events/verify' }))).json();

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    // Written without a key first: an existing database that gets one later.
    const before = await startApp({ databaseUrl: db.url, config: { scanMs: 60_000 } });
    const a = await signInAdmin(before.app);
    await createUser(before.app, a, { username: 'early', roles: ['officer'] });
    plainHead = (await eventRows(before)).at(-1)!.seq;
    await before.app.close();
    ({ t, admin } = await sealedHandover(db.url, AUDIT_KEY));
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('keys every event written after the switch, and verifies across it', async () => {
    const rows = await eventRows(t);
    expect(rows.filter((r) => r.seq <= plainHead).every((r) => r.alg === 'sha256')).toBe(true);
    expect(rows.filter((r) => r.seq > plainHead).every((r) => r.alg === 'hmac-sha256')).toBe(true);
    // The first keyed event is an HMAC under the key over the same fields.
    const first = rows.find((r) => r.seq === plainHead + 1)!;
    expect(first.hash).toBe(hmacWith(AUDIT_KEY)(rows.find((r) => r.seq === plainHead)!.hash, first));
    const report = await verify();
    expect(report).toMatchObject({ ok: true, keyedFrom: plainHead + 1, keyMissing: false, problems: [] });
    expect(report.checked).toBe(rows.length);
  });

  it('fails when events after the last checkpoint are rewritten without the key', async () => {
    // Recorded after the seal: no checkpoint covers it, only the key.
    await createUser(t.app, admin, { username: 'late', roles: ['officer'] });
    const saved = await eventRows(t);
    const target = saved.find((r) => r.type === 'user.created' && r.payload.includes('"late"'))!.seq;
    const edit = (r: EventRow) => ({ ...r, payload: r.payload.replaceAll('late', 'evil') });

    await rewriteFrom(t, target, edit, sha);
    let report = await verify();
    expect(report).toMatchObject({ ok: false, brokenAt: target });
    expect(report.reason).toContain(`event ${target} was altered`);
    await restore(t, saved);

    // Recomputed with SHA-256 and marked plain: a downgrade after the keyed chain began.
    await rewriteFrom(t, target, edit, sha, 'sha256');
    report = await verify();
    expect(report).toMatchObject({ ok: false, brokenAt: target });
    expect(report.reason).toContain(`event ${target} was rewritten without the key`);
    await restore(t, saved);

    await rewriteFrom(t, target, edit, hmacWith(WRONG_KEY));
    report = await verify();
    expect(report).toMatchObject({ ok: false, brokenAt: target });
    expect(report.reason).toContain(`event ${target} was altered`);
    await restore(t, saved);

    expect((await verify()).ok).toBe(true);
  });

  it('refuses to start without the key, or with another one, instead of forking the chain', async () => {
    await expect(startApp({ databaseUrl: db.url, config: { scanMs: 60_000 } })).rejects.toThrow(
      /HMAC-keyed.*AUDIT_KEY/,
    );
    await expect(
      startApp({ databaseUrl: db.url, config: { scanMs: 60_000, auditKey: WRONG_KEY } }),
    ).rejects.toThrow(/AUDIT_KEY does not verify/);
  });
});

describe.each(DIALECTS)('the daily checkpoint on %s', (dialect: Dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
  });
  afterAll(() => db.drop());

  const daily = async (t: TestApp) =>
    (
      await sql<{ duty_date: string; seq: number }>`
        select duty_date, seq from audit_checkpoints where kind = 'daily' order by duty_date`.execute(
        t.app.db,
      )
    ).rows.map((r) => ({ dutyDate: r.duty_date, seq: Number(r.seq) }));

  it('is recorded once per duty day across passes, a restart and two nodes', async () => {
    // 08:00 in Shanghai on 03-05: before the 08:30 hand-over, so still duty day 03-04.
    const clock = fixedClock('2026-03-05T00:00:00Z');
    const config = { scanMs: 60_000 };
    const first = await startApp({ databaseUrl: db.url, clock, config });
    await first.app.ready(); // its first pass, at start
    const head = (await eventRows(first)).at(-1)!.seq;
    await signInAdmin(first.app); // the log moves on; the day's checkpoint stays where it was
    await first.app.scanner.runOnce();
    await first.app.scanner.runOnce();
    expect(await daily(first)).toEqual([{ dutyDate: '2026-03-04', seq: head }]);
    await first.close();

    const second = await startApp({ databaseUrl: db.url, clock, config });
    await second.app.ready();
    await second.app.scanner.runOnce();
    expect(await daily(second)).toEqual([{ dutyDate: '2026-03-04', seq: head }]);

    const third = await startApp({ databaseUrl: db.url, clock, config });
    await third.app.ready();
    const admin = await signInAdmin(second.app);
    const now = (await eventRows(second)).at(-1)!.seq;
    // 08:31: duty day 03-05 begins; two nodes scan (at once, on PostgreSQL).
    clock.set('2026-03-05T00:31:00Z');
    const passes = [second, third, third].map((node) => () => node.app.scanner.runOnce());
    // SQLite is one process on one machine (README): there the nodes take turns.
    if (dialect === 'postgres') await Promise.all(passes.map((pass) => pass()));
    else for (const pass of passes) await pass();
    expect(await daily(second)).toEqual([
      { dutyDate: '2026-03-04', seq: head },
      { dutyDate: '2026-03-05', seq: now },
    ]);
    await third.close();

    // Cut the log back to the first checkpoint: the second one names what is missing.
    await sql`delete from events where seq > ${head}`.execute(second.app.db);
    const report = (await second.app.inject(as(admin, { method: 'GET', url: '/api/events/verify' }))).json();
    expect(report).toMatchObject({ ok: false, brokenAt: head + 1 });
    expect(report.reason).toContain(`events ${head + 1}..${now} missing`);
    expect(report.reason).toContain(`daily checkpoint of 2026-03-05 at seq ${now}`);
    await second.close();
  });
});

describe('npm run audit:verify against checkpoints and paper', () => {
  let db: TestDatabase;
  let t: TestApp;
  let handover: Handover;
  let incoming: string;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    ({ t, handover, incoming } = await sealedHandover(db.url, AUDIT_KEY));
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const run = (args: string[], key: string | null = AUDIT_KEY) => {
    const { AUDIT_KEY: _, ...env } = process.env;
    try {
      const out = execFileSync('npx', ['tsx', 'server/cli/audit-verify.ts', ...args], {
        env: { ...env, DATABASE_URL: t.app.config.databaseUrl, ...(key ? { AUDIT_KEY: key } : {}) },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, out, err: '' };
    } catch (caught) {
      const e = caught as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout, err: e.stderr };
    }
  };

  it('checks the anchor printed on the handover, says when it lacks the key, names what was cut', async () => {
    // Read off the printed handover, as an auditor would.
    const inc = await signIn(t.app, incoming, USER_PASSWORD);
    const md = (await t.app.inject(as(inc, { method: 'GET', url: `/api/handovers/${handover.id}.md` }))).body;
    const printed = /审计锚点：事件序号 (\d+)，哈希 ([0-9a-f]{16})…/.exec(md);
    expect(printed).not.toBeNull();
    const seq = Number(printed![1]);
    const paper = `${seq}:${printed![2]}`;

    const intact = run(['--expect', paper]);
    expect(intact).toMatchObject({ code: 0, out: expect.stringContaining('event log intact') });
    // Keyed from the very first event: this database had AUDIT_KEY from its first start.
    expect(intact.out).toContain('HMAC-keyed from seq 1');

    const keyless = run([], null);
    expect(keyless.code).toBe(2);
    expect(keyless.out).toContain('HMAC-keyed and AUDIT_KEY is not set');

    const otherPaper = run(['--expect', `${seq}:0123456789abcdef`]);
    expect(otherPaper.code).toBe(1);
    expect(otherPaper.out).toContain(`event ${seq} was rewritten`);

    const nonsense = run(['--expect', 'yesterday']);
    expect(nonsense.code).toBe(2);
    expect(nonsense.err).toContain('<seq>:<at least 8 hex digits');

    await sql`delete from events where seq >= ${seq - 1}`.execute(t.app.db);
    const cut = run(['--expect', paper]);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(`BROKEN at seq ${seq - 1}: events ${seq - 1}..${seq} missing`);
    expect(cut.out).toContain(`checkpoint of handover #${handover.id} at seq ${seq}`);
    expect(cut.out).toContain(`event ${seq} is missing: the expected anchor ${paper}`);
  });
});

describe('AUDIT_KEY is a secret', () => {
  it('is refused when too short, without echoing it', () => {
    try {
      loadConfig({ AUDIT_KEY: 'hunter2-hunter2' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('AUDIT_KEY must be at least 32 characters');
      expect(problems).not.toContain('hunter2');
    }
    expect(loadConfig({ AUDIT_KEY: AUDIT_KEY }).auditKey).toBe(AUDIT_KEY);
    expect(loadConfig({}).auditKey).toBeUndefined();
  });

  it('is redacted from a log line that carries the configuration by mistake', async () => {
    const t = await startApp({ config: { auditKey: AUDIT_KEY, scanMs: 60_000 } });
    try {
      t.app.log.info({ config: t.app.config }, 'configuration');
      const line = t.logs.find((l) => l.includes('"configuration"'));
      expect(line).toContain('"auditKey":"[redacted]"');
      expect(t.logs.join('\n')).not.toContain(AUDIT_KEY);
    } finally {
      await t.close();
    }
  });
});
