/**
 * GET /api/handovers/draft for one busy 24-hour shift: 1,000 incidents received during it (with
 * their reports and obligations), the event log's record of the reports sent and the instructions
 * given, and 5,000 duty-log entries. Timed beside GET /api/health, the bare stack of the same run.
 * The first draft after start (cold code) is timed apart; median and p95 are of the runs after it.
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. HANDOVER_PROFILE=<dir> writes a CPU
 * profile of the timed drafts (not the seeding) to <dir>/handover-<dialect>.cpuprofile.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { dirname } from 'node:path';
import { incidentCard } from '@shared/domain/board-fields';
import type { HandoverDraft } from '@shared/schemas/handover';
import type { Shift } from '@shared/schemas/roster';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../server/db/database';
import { addAction } from '../server/modules/incidents/lifecycle';
import { loadIncident, toReport } from '../server/modules/incidents/repo';
import { fixedClock } from '../server/time';
import { createUser, signIn, signInAdmin, startApp, USER_PASSWORD } from '../tests/helpers/app';
import type { Dialect } from '../tests/helpers/databases';
import { publishMarch } from '../tests/helpers/roster';
import { seedIncidents } from './lib/incident-year';
import { seedLogbook } from './lib/logbook-year';
import { seeded } from './lib/random';
import { machineLoad, timed } from './lib/timing';

const INCIDENTS = 1000;
const LOG_ENTRIES = 5000;
/** One in this many open incidents gets a leader's instruction during the shift. */
const INSTRUCTED = 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_MS = 50;
const DUTY_DATE = '2026-03-10';

async function bench(dialect: Dialect): Promise<void> {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  const t = await startApp({ dialect, clock, config: { logLevel: 'warn' } });
  try {
    const admin = await signInAdmin(t.app);
    const officers = new Map<number, string>();
    for (let i = 1; i <= 4; i++) {
      const username = `officer${i}`;
      officers.set((await createUser(t.app, admin, { username, roles: ['officer'] })).id, username);
    }
    const leaders: number[] = [];
    for (let i = 1; i <= 3; i++)
      leaders.push((await createUser(t.app, admin, { username: `leader${i}`, roles: ['leader'] })).id);
    const march = await publishMarch(t.app, admin, { officers: [...officers.keys()], leaders });
    const shift = march.shifts.find((s: Shift) => s.dutyDate === DUTY_DATE && s.role === 'officer')!;
    // Ten minutes before the hand-over, as an officer writes it.
    const now = new Date(Date.parse(shift.end) - 10 * 60_000);

    const seedStart = performance.now();
    const r = seeded(20260310);
    const from = new Date(shift.start);
    const { reports } = await seedIncidents(t.app.db, r, INCIDENTS, from, now, t.app.config.tzName);
    const log = await seedLogbook(t.app.db, r, LOG_ENTRIES, from, now);
    const events = await seedShiftEvents(t, clock, shift.start, now);
    if (dialect === 'postgres') await sql`analyze`.execute(t.app.db);
    console.log(
      `seeded ${dialect}: shift ${shift.start} – ${shift.end}, ${INCIDENTS} incidents, ${reports} reports, ` +
        `${log} log entries, ${events.reported} reported and ${events.instructions} instruction events ` +
        `in ${Math.round(performance.now() - seedStart)} ms`,
    );

    clock.set(now);
    const officer = await signIn(t.app, officers.get(shift.userId)!, USER_PASSWORD);
    let draft: HandoverDraft | undefined;
    const drafting = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/handovers/draft',
        headers: officer.headers,
      });
      if (res.statusCode !== 200) throw new Error(`draft: ${res.statusCode} ${res.body}`);
      draft = res.json();
    };
    // The first draft after start also compiles the code it runs: printed apart, as start.ts does.
    const first = await timed(1, drafting);
    const profiling = process.env.HANDOVER_PROFILE ? await startProfile() : undefined;
    const serverCpu = dialect === 'postgres' ? await backendCpu(t.app.db) : undefined;
    const draftTime = await timed(RUNS, drafting);
    const pgCpu = serverCpu ? await serverCpu() : undefined;
    if (profiling) await profiling(`${process.env.HANDOVER_PROFILE}/handover-${dialect}.cpuprofile`);
    const health = await timed(RUNS, async () => {
      await t.app.inject({ method: 'GET', url: '/api/health' });
    });
    const lines = (key: string) => draft!.sections.find((s) => s.key === key)!.text.split('\n').length;
    console.log(`baseline GET /api/health ${dialect}: median ${health.median} ms, p95 ${health.p95} ms`);
    console.log(
      `handover draft ${dialect} (${lines('received')} received, ${draft!.openIncidents.length} open, ` +
        `${lines('reports')} reports, ${lines('calls')} calls, ${lines('instructions')} instructions, ` +
        `${lines('notes')} notes): median ${draftTime.median} ms, p95 ${draftTime.p95} ms, ` +
        `max ${draftTime.max} ms, median cpu in node ${draftTime.cpu} ms` +
        (pgCpu === undefined ? '' : `, cpu in postgres ${pgCpu} ms a draft (mean)`) +
        ` (the first after start apart: ${first.max} ms) ` +
        `— target ≤ ${TARGET_MS} ms (${machineLoad()})`,
    );
  } finally {
    await t.close();
  }
}

/**
 * What the event log holds for the shift: an `incident.reported` event per report sent before `now`
 * (the rows are already seeded) and leader instructions given through the real action code, each
 * at its own time, in time order, so the hash chain is the one the server would have written.
 */
async function seedShiftEvents(
  t: Awaited<ReturnType<typeof startApp>>,
  clock: ReturnType<typeof fixedClock>,
  start: string,
  now: Date,
) {
  const db = t.app.db;
  const at = now.toISOString();
  const sent = await db
    .selectFrom('incident_reports')
    .selectAll()
    .where('sent_at', '>=', start)
    .where('sent_at', '<', at)
    .execute();
  const open = await db
    .selectFrom('incidents')
    .select(['id', 'received_at'])
    .where('stage', '!=', 'closed')
    .orderBy('id')
    .execute();
  const steps: { at: string; run: () => Promise<unknown> }[] = [
    ...sent.map((row) => ({
      at: row.sent_at,
      run: () =>
        t.app.command(row.sent_by, async (tx) => {
          const incident = (await loadIncident(tx.trx, Number(row.incident_id), row.sent_at))!;
          await tx.record({
            type: 'incident.reported',
            subject: `incident:${incident.id}`,
            payload: { incident: incidentCard(incident), report: toReport(row, 'none') },
          });
        }),
    })),
    ...open
      .filter((_, i) => i % INSTRUCTED === 0)
      .map((row) => {
        const when = new Date(Math.min(Date.parse(row.received_at) + 30 * 60_000, now.getTime() - 1000));
        return {
          at: when.toISOString(),
          run: () =>
            t.app.command('leader1', (tx) =>
              addAction(tx, Number(row.id), 'instruction', '核实情况，及时续报'),
            ),
        };
      }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
  }
  return { reported: sent.length, instructions: steps.length - sent.length };
}

/**
 * CPU time PostgreSQL's backends of this database spend (from /proc, when the server runs on this
 * machine); call the result after the runs for the mean per draft, undefined when it cannot be read.
 */
async function backendCpu(db: Kysely<Database>): Promise<(() => Promise<number | undefined>) | undefined> {
  const ticks = async () => {
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'`.execute(db);
    const byPid = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name).
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        byPid.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        return undefined;
      }
    }
    return byPid;
  };
  const before = await ticks();
  if (!before) return undefined;
  return async () => {
    const after = await ticks();
    if (!after) return undefined;
    // Ticks of 10 ms; a backend the pool opened meanwhile counts whole.
    let used = 0;
    for (const [pid, n] of after) used += n - (before.get(pid) ?? 0);
    return Math.round((used * 10 * 10) / RUNS) / 10;
  };
}

/** A CPU profile of the timed drafts alone (HANDOVER_PROFILE=<dir>); call the result to write it. */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return async (file) => {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    session.disconnect();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}`);
  };
}

// HANDOVER_ONLY=sqlite|postgres: one of them (to profile it alone).
const only = process.env.HANDOVER_ONLY;
if (only !== 'postgres') await bench('sqlite');
if (only === 'sqlite') process.exit(0);
if (process.env.TEST_DATABASE_URL) await bench('postgres');
else console.log('handover draft postgres: skipped (set TEST_DATABASE_URL to run it)');
