/**
 * Crash durability (issue 7 item 2): the real server process is killed with SIGKILL at a random
 * moment of a stream of idempotent intake POSTs, then restarted on the same database and port.
 * Whatever it acknowledged must be there, whole, exactly once; the event chain must verify; and an
 * overdue report whose deadline passed while it was down is raised once, by the restarted process.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import type { Database } from '../../server/db/database';
import { DIALECTS, type Dialect, freshDatabase } from '../helpers/databases';
import { MAJOR_CALL } from '../helpers/incidents';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import { intakeProblems } from './intake-integrity';
import { type Ledger, newLedger, replayProblem, requeueInFlight, runIntakeStream } from './intake-stream';
import {
  type AdminClient,
  createToken,
  eventsOfType,
  signInAdminOver,
  verifyChainOver,
} from './process-client';

const ROUNDS: Record<Dialect, number> = { sqlite: 20, postgres: 5 };
const SENDERS = 6;
/** The round in which a report falls due while the server is down. */
const DUE_IN_DOWNTIME_ROUND = 2;
/** Once the round's first report is acknowledged, the stream runs this long (uniformly) before the kill. */
const KILL_AFTER_MS = [0, 800] as const;
const SCAN_MS = 200;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** mulberry32: the kill moments of a run can be replayed with CRASH_SEED. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rig {
  server: ServerProcess;
  admin: AdminClient;
  bearer: string;
  /** Starts the killed server again on the same database and port. */
  restart(): Promise<void>;
  /** How long each restart took until the server listened. */
  restartMs: number[];
  /**
   * Reads the tables through a connection of the test's own, open only while the server runs: a
   * kill leaves the database to the next process's crash recovery alone.
   */
  read<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A fresh database, the server on it, the administrator signed in and a token for intake. */
async function rig(dialect: Dialect): Promise<Rig> {
  const database = await freshDatabase(dialect);
  const env = { SCAN_MS: String(SCAN_MS) };
  const first = await startServerProcess({ databaseUrl: database.url, env });
  const admin = await signInAdminOver(first.url);
  const r: Rig = {
    server: first,
    admin,
    bearer: await createToken(admin, '12350 hotline'),
    restartMs: [],
    restart: async () => {
      const started = Date.now();
      r.server = await startServerProcess({ databaseUrl: database.url, port: first.port, env });
      r.restartMs.push(Date.now() - started);
      r.admin.url = r.server.url;
    },
    read: async (work) => {
      const { db } = connect({ databaseUrl: database.url, dbKind: dialect });
      try {
        return await work(db);
      } finally {
        await db.destroy();
      }
    },
    close: async () => {
      await r.server.kill();
      await database.drop();
    },
  };
  return r;
}

describe.each(DIALECTS)('SIGKILL of the server process on %s', (dialect) => {
  it(`keeps every acknowledged report through ${ROUNDS[dialect]} kills amid intake; an overdue due in the downtime is raised once`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const r = await rig(dialect);
    const ledger = newLedger();
    let next = 0;
    const nextKey = () => `hotline-${seed}-${String(++next).padStart(6, '0')}`;
    let dueInDowntime: DueSoon | undefined;
    /** Senders start nothing new once set: before each kill, and when the test ends early. */
    let stopping = false;

    const checkAfterRestart = async (when: string) => {
      const unkeyed = dueInDowntime ? [dueInDowntime.id] : [];
      const problems = await r.read((db) => intakeProblems(db, ledger.acked, unkeyed));
      expect(problems, `${when} (seed ${seed})`).toEqual([]);
      const chain = await verifyChainOver(r.admin);
      expect(chain, when).toMatchObject({ ok: true, brokenAt: null });
      if (dueInDowntime) await expectRaisedOnce(r.admin, dueInDowntime, when);
      // What was acknowledged before the crash is found again by its key: the same incident.
      const keys = ledger.ackedThisRound.splice(0);
      for (let i = 0; i < keys.length; i += SENDERS) {
        const batch = keys.slice(i, i + SENDERS);
        const replays = await Promise.all(
          batch.map((key) => replayProblem(r.server.url, r.bearer, key, ledger.acked.get(key)!)),
        );
        expect(replays.filter(Boolean), when).toEqual([]);
      }
      return chain;
    };

    try {
      for (let round = 1; round <= ROUNDS[dialect]; round++) {
        if (round > 1) {
          await r.restart();
          await checkAfterRestart(`after kill ${round - 1}`);
        }
        requeueInFlight(ledger);
        const [min, max] = KILL_AFTER_MS;
        stopping = false;
        const stream = runIntakeStream({
          url: r.server.url,
          bearer: r.bearer,
          senders: SENDERS,
          ledger,
          nextKey,
          stopping: () => stopping,
        }).then(
          () => null,
          (err: unknown) => err,
        );
        const early = await Promise.race([firstAcknowledgement(ledger).then(() => null), stream]);
        if (early) throw early;
        // In this round a report falls due just after the kill, while the server is down.
        if (round === DUE_IN_DOWNTIME_ROUND) dueInDowntime = await postDueSoon(r, max + 2500);
        await sleep(min + random() * (max - min));
        if (round === DUE_IN_DOWNTIME_ROUND)
          expect(await eventsOfType(r.admin, 'incident.overdue')).toEqual([]);
        stopping = true;
        await r.server.kill();
        const failed = await stream;
        if (failed) throw failed;
        if (round === DUE_IN_DOWNTIME_ROUND) {
          expect(Date.now(), 'killed before the deadline').toBeLessThan(dueInDowntime!.dueAt);
          await sleep(dueInDowntime!.dueAt - Date.now() + 300);
        }
      }

      await r.restart();
      await checkAfterRestart(`after kill ${ROUNDS[dialect]}`);
      // Every request still without an answer is sent once more with its key: it is answered from
      // the stored response, created now, or refused while its dead claim is young; never doubled.
      requeueInFlight(ledger);
      const unresolved = ledger.unanswered.length;
      await runIntakeStream({
        url: r.server.url,
        bearer: r.bearer,
        senders: SENDERS,
        ledger,
        nextKey: () => {
          throw new Error('no new keys in the last pass');
        },
        stopping: () => ledger.unanswered.length === 0,
      });
      const chain = await checkAfterRestart('after the last retries');
      const missing = ledger.acked.size - (await r.read((db) => storedOf(db, ledger.acked)));
      expect(missing).toBe(0);
      expect(await r.read(overdueEventCount)).toBe(1);
      console.log(
        `sigkill ${dialect}: ${ROUNDS[dialect]} rounds (seed ${seed}), ${ledger.sent} requests, ` +
          `${ledger.acked.size} acknowledged, missing ${missing}, duplicates 0; ${ledger.cut} cut by the kill ` +
          `(${ledger.committedButCut} had committed and were answered on retry, ${ledger.refusedInFlight} ` +
          `answered 409 as in flight), ${unresolved} retried in the last pass, ${ledger.inFlight.size} still ` +
          `claimed by a dead process and stored nowhere; chain intact, ${chain.headSeq} events; ` +
          `overdue raised once over ${ROUNDS[dialect] - DUE_IN_DOWNTIME_ROUND + 1} restarts; ` +
          `restart to listening ${Math.round(r.restartMs.reduce((a, b) => a + b, 0) / r.restartMs.length)} ms on average`,
      );
    } finally {
      stopping = true;
      await r.close();
    }
    // About 80 s on an idle machine (21 starts of ≈3 s); the margin is for a loaded runner.
  }, 600_000);
});

/** The stream is flowing: the kill lands amid requests, not in the new process's cold start. */
async function firstAcknowledgement(ledger: Ledger): Promise<void> {
  const giveUp = Date.now() + 60_000;
  while (ledger.ackedThisRound.length === 0) {
    if (Date.now() > giveUp) throw new Error('no report acknowledged within 60 s of the start');
    await sleep(5);
  }
}

interface DueSoon {
  id: number;
  /** When its 首报 by phone falls due (ms). */
  dueAt: number;
}

/** A 重大 accident received almost 30 min ago: its phone report falls due in `inMs`. */
async function postDueSoon(r: Rig, inMs: number): Promise<DueSoon> {
  const receivedAt = new Date(Date.now() - 30 * 60_000 + inMs);
  const res = await fetch(`${r.server.url}/api/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${r.bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...MAJOR_CALL,
      source: 'api',
      summary: '危化品运输车侧翻（截止时间在停机期间）',
      occurredAt: new Date(receivedAt.getTime() - 5 * 60_000).toISOString(),
      receivedAt: receivedAt.toISOString(),
    }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`intake: ${res.status} ${text}`);
  const incident = JSON.parse(text) as { id: number; obligations: { key: string; dueAt: string }[] };
  return {
    id: incident.id,
    dueAt: Date.parse(incident.obligations.find((o) => o.key === 'initial_phone')!.dueAt),
  };
}

/** Exactly one incident.overdue, for that incident's phone report, raised after it fell due. */
async function expectRaisedOnce(admin: AdminClient, due: DueSoon, when: string): Promise<void> {
  const waitUntil = Date.now() + 10_000;
  let events = await eventsOfType(admin, 'incident.overdue');
  while (events.length === 0 && Date.now() < waitUntil) {
    await sleep(SCAN_MS / 2);
    events = await eventsOfType(admin, 'incident.overdue');
  }
  expect(events, when).toHaveLength(1);
  expect(events[0], when).toMatchObject({
    subject: `incident:${due.id}`,
    payload: { obligation: { key: 'initial_phone' } },
  });
  expect(Date.parse(events[0]!.at)).toBeGreaterThan(due.dueAt);
}

async function storedOf(db: Kysely<Database>, acked: Map<string, number>): Promise<number> {
  const ids = new Set((await db.selectFrom('incidents').select('id').execute()).map((r) => Number(r.id)));
  return [...acked.values()].filter((id) => ids.has(id)).length;
}

async function overdueEventCount(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom('events').select('seq').where('type', '=', 'incident.overdue').execute();
  return rows.length;
}
